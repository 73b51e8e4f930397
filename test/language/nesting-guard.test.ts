import { describe, expect, it } from 'vitest';
import { check } from '../helpers/check.js';

const message =
  'this nests too deeply to be parsed (brackets inside brackets, or a long chain of operators); split it into smaller expressions or aliases';

describe('deeply nested input', () => {
  const shapes: [string, (n: number) => string, number, number][] = [
    [
      'parentheses',
      (n) => `type T { x: Int\n invariant ${'('.repeat(n)}x > 1${')'.repeat(n)} }`,
      40,
      5000,
    ],
    ['nested list types', (n) => `type T { x: ${'List<'.repeat(n)}Int${'>'.repeat(n)} }`, 40, 3000],
    [
      'a chain of and',
      (n) => `type T { x: Int\n invariant ${Array(n).fill('x > 1').join(' and ')} }`,
      290,
      20000,
    ],
    [
      'a chain of implies',
      (n) => `type T { x: Int\n invariant ${Array(n).fill('x > 1').join(' implies ')} }`,
      290,
      5000,
    ],
    ['a run of not', (n) => `type T { x: Bool\n invariant ${'not '.repeat(n)}x }`, 580, 5000],
    ['a chain of ?.', (n) => `type T { x: T?\n invariant x${'?.x'.repeat(n)} == null }`, 580, 5000],
  ];
  for (const [what, make, deepestAccepted, tooDeep] of shapes) {
    it(`checks ${what} up to the limit fully`, async () => {
      expect(await check(make(deepestAccepted))).toEqual([]);
    });
    it(`reports ${what} beyond the limit as one located error, without crashing`, async () => {
      const findings = await check(make(tooDeep));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ severity: 'error', code: 'specl/syntax-error', message });
      expect(findings[0]!.at).toMatch(/^3:\d+$|^2:\d+$/);
    });
  }

  it('does not let brackets left open by typos add up across a file', async () => {
    const source = Array.from(
      { length: 45 },
      (_, k) => `type R${k} { n: Int, invariant (n > 1 }`,
    ).join('\n');
    const findings = await check(source);
    expect(findings).toHaveLength(45);
    expect(new Set(findings.map((f) => f.message))).toEqual(
      new Set(['expected `)` but found `}`']),
    );
  });

  it('ignores brackets and operators inside strings and comments', async () => {
    const noise = '((((('.repeat(200);
    const source = `/* ${noise} */\n// ${noise}\ntype T { x: String { pattern: "${'\\\\('.repeat(300)}" } }`;
    expect(await check(source)).toEqual([]);
  });
});
