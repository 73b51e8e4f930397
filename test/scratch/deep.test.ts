import { it } from 'vitest';
import { checkSources } from '@specl/language';

it('deep', async () => {
  const n = Number(process.env.D ?? 2000);
  const cases: Record<string, string> = {
    parens: `type A { x: Int, invariant ${'('.repeat(n)}x > 0${')'.repeat(n)} }`,
    nots: `type A { x: Bool, invariant ${'not '.repeat(n)}x }`,
    minus: `type A { x: Int, invariant ${'-'.repeat(n)}x > 0 }`,
    lists: `type A { x: ${'List<'.repeat(n)}Int${'>'.repeat(n)} }`,
    implies: `type A { x: Bool, invariant ${'x implies '.repeat(n)}x }`,
    coalesce: `type A { x?: Int, invariant ${'x ?? '.repeat(n)}1 > 0 }`,
    and: `type A { x: Bool, invariant ${'x and '.repeat(n)}x }`,
    plus: `type A { x: Int, invariant ${'x + '.repeat(n)}x > 0 }`,
    members: `type A { x: A?, invariant x${'?.x'.repeat(n)} == null }`,
    listlit: `type A { x: Int, invariant x in ${'['.repeat(n)}${']'.repeat(n)} }`,
    unclosed: `type A { x: Int, invariant ${'('.repeat(n)}`,
  };
  for (const [name, body] of Object.entries(cases)) {
    const t0 = Date.now();
    try {
      const r = await checkSources({ '/m.specl': 'spec A version "1.0.0"\n' + body });
      console.log(
        name,
        Date.now() - t0,
        'ms',
        r.diagnostics.length,
        r.diagnostics.slice(0, 2).map((d) => d.code + ' ' + d.message.slice(0, 100)),
      );
    } catch (e) {
      console.log(name, 'THREW', String(e).slice(0, 200));
    }
  }
});
