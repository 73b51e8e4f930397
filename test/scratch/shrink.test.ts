import fc from 'fast-check';
import { it } from 'vitest';
import { checkSources } from '@specl/language';
import { specArbitrary, multiFileSpecArbitrary } from '../arbitraries/spec-arbitrary.js';
import { printProject } from '../arbitraries/print-spec.js';

it('shrink', async () => {
  const arb = (process.env.MULTI ? multiFileSpecArbitrary : specArbitrary).map((p) => {
    const files = printProject(p);
    return Object.assign(
      { root: p.root, files },
      {
        [fc.toStringMethod]: () =>
          '\n' +
          Object.entries(files)
            .map(([k, v]) => `---- ${k}\n${v}`)
            .join('\n'),
      },
    );
  });
  try {
    await fc.assert(
      fc.asyncProperty(arb, async (p) => {
        const r = await checkSources(p.files, [p.root]);
        if (r.diagnostics.length)
          throw new Error(
            r.diagnostics
              .map(
                (d) =>
                  `${d.uri}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`,
              )
              .join('\n'),
          );
      }),
      {
        seed: Number(process.env.SEED ?? 42),
        numRuns: 500,
        interruptAfterTimeLimit: Number(process.env.LIMIT ?? 240000),
      },
    );
    console.log('PASSED');
  } catch (e) {
    console.log(String(e));
  }
}, 600000);
