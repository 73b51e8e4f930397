import fc from 'fast-check';
import { it } from 'vitest';
import { checkSources } from '@specl/language';
import { specArbitrary, multiFileSpecArbitrary } from '../arbitraries/spec-arbitrary.js';
import { printProject } from '../arbitraries/print-spec.js';

it('stats', async () => {
  const n = Number(process.env.N ?? 100);
  const arb = process.env.MULTI ? multiFileSpecArbitrary : specArbitrary;
  const samples = fc.sample(arb, { numRuns: n, seed: Number(process.env.SEED ?? 1) });
  const byKey = new Map<string, { count: number; example: string; size: number }>();
  const t0 = Date.now();
  let errors = 0;
  for (const project of samples) {
    let files: Record<string, string>;
    try {
      files = printProject(project);
    } catch (e) {
      errors++;
      console.log(e);
      continue;
    }
    const result = await checkSources(files, [project.root]);
    const size = Object.values(files).join('').length;
    for (const d of result.diagnostics) {
      const key = `${d.code} ${d.message.replace(/`[^`]*`/g, '`_`').slice(0, 80)}`;
      const text = result.texts.get(d.uri)!;
      const line = text.split('\n')[d.range.start.line];
      const example =
        `${d.uri}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}\n   ${line}\n` +
        (size < Number(process.env.MAXSIZE ?? 1500)
          ? Object.entries(files)
              .map(([p, t]) => `==== ${p}\n${t}`)
              .join('\n')
          : '');
      const prev = byKey.get(key);
      if (!prev) byKey.set(key, { count: 1, example, size });
      else {
        prev.count++;
        if (size < prev.size) {
          prev.example = example;
          prev.size = size;
        }
      }
    }
  }
  for (const [k, v] of byKey) console.log(`## ${v.count}x ${k}\n${v.example}\n`);
  console.log(`${n} specs in ${Date.now() - t0}ms; generator errors ${errors}`);
});
