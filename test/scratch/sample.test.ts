import fc from 'fast-check';
import { it } from 'vitest';
import { checkSources } from '@specl/language';
import { specArbitrary, multiFileSpecArbitrary } from '../arbitraries/spec-arbitrary.js';
import { printProject } from '../arbitraries/print-spec.js';

it('samples', async () => {
  const n = Number(process.env.N ?? 5);
  const arb = process.env.MULTI ? multiFileSpecArbitrary : specArbitrary;
  const samples = fc
    .sample(arb, {
      numRuns: n + Number(process.env.SKIP ?? 0),
      seed: Number(process.env.SEED ?? 1),
    })
    .slice(Number(process.env.SKIP ?? 0));
  let bad = 0;
  const t0 = Date.now();
  for (const project of samples) {
    const files = printProject(project);
    const result = await checkSources(files, [project.root]);
    if (result.diagnostics.length > 0 || process.env.SHOW) {
      bad += result.diagnostics.length > 0 ? 1 : 0;
      if (bad <= Number(process.env.MAXSHOW ?? 3) || process.env.SHOW) {
        for (const [p, t] of Object.entries(files))
          console.log(
            `==== ${p}\n${t
              .split('\n')
              .map((l, i) => `${String(i + 1).padStart(3)} ${l}`)
              .join('\n')}`,
          );
        console.log(
          result.diagnostics
            .map(
              (d) =>
                `${d.uri}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`,
            )
            .join('\n'),
        );
      }
    }
  }
  console.log(`bad ${bad}/${n} in ${Date.now() - t0}ms`);
});
