import fc from 'fast-check';
import { it } from 'vitest';
import { checkSources } from '@specl/language';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { printProject } from '../arbitraries/print-spec.js';

it('perf', async () => {
  let t0 = Date.now();
  for (let i = 0; i < 50; i++)
    await checkSources({ '/m.specl': 'spec A version "1.0.0"\ntype X { a: Int }' });
  console.log('tiny check', (Date.now() - t0) / 50);
  t0 = Date.now();
  const samples = fc.sample(specArbitrary, { numRuns: 200, seed: 1 });
  console.log('gen', (Date.now() - t0) / 200);
  const texts = samples.map(printProject);
  console.log(
    'avg chars',
    texts.map((t) => Object.values(t).join('').length).reduce((a, b) => a + b) / 200,
  );
  t0 = Date.now();
  for (const t of texts) await checkSources(t, ['/spec/main.specl']);
  console.log('check', (Date.now() - t0) / 200);
});
