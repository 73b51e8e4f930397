import fc from 'fast-check';
import { it } from 'vitest';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { printProject } from '../arbitraries/print-spec.js';
it('grep', () => {
  const texts = fc
    .sample(specArbitrary, { numRuns: 300, seed: 9 })
    .map((p) => Object.values(printProject(p)).join('\n'));
  const re = new RegExp(process.env.RE!);
  const hits = texts.flatMap((t) => t.split(/\r?\n/).filter((l) => re.test(l)));
  console.log(hits.length, '\n' + hits.slice(0, 12).join('\n'));
});
