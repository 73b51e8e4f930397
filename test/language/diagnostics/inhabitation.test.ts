import { describe, expect, it } from 'vitest';
import { check } from '../../helpers/check.js';

const error = (at: string, text: string, message: string) => ({
  at,
  text,
  severity: 'error',
  code: 'specl/uninhabited-type',
  message,
});

describe('specl/uninhabited-type', () => {
  it('a record that needs itself, at its name, with the fix', async () => {
    expect(await check('type S { s: S }')).toEqual([
      error(
        '2:6',
        'S',
        '`S` can hold no value: each one needs another `S` (field `s`), without end; make a field on this cycle optional (`s?:`) or a List',
      ),
    ]);
  });

  it('a cycle of required fields across records, at each of them', async () => {
    expect(await check('type A { b: B }\ntype B { a: A }')).toEqual([
      error(
        '2:6',
        'A',
        '`A` can hold no value: each one needs a `B` (field `b`), which in turn can hold no value; make a field on this cycle optional (`b?:`) or a List',
      ),
      error(
        '3:6',
        'B',
        '`B` can hold no value: each one needs an `A` (field `a`), which in turn can hold no value; make a field on this cycle optional (`a?:`) or a List',
      ),
    ]);
  });

  it('a list that must hold one of its own kind', async () => {
    expect(await check('type A { b: List<A> { minItems: 1 } }')).toEqual([
      error(
        '2:6',
        'A',
        '`A` can hold no value: each one needs another `A` (field `b`), without end; make a field on this cycle optional, or let `b` be empty (drop its `minItems`)',
      ),
    ]);
  });

  it('a record that needs one which can hold no value, across an import', async () => {
    const lib = { '/lib.specl': 'type L { l: L }' };
    const findings = await check('import "lib.specl"\ntype A { l: L }', lib);
    expect(findings.map((f) => [f.at, f.code])).toEqual([
      ['/lib.specl:1:6', 'specl/uninhabited-type'],
      ['3:6', 'specl/uninhabited-type'],
    ]);
  });

  for (const [what, source] of [
    ['an optional field breaks the cycle', 'type A { b: B }\ntype B { a?: A }'],
    ['a list that may be empty breaks it', 'type A { b: List<A> }'],
    ['a nullable type breaks it', 'type T { n: T? }'],
    ['a chain that ends', 'type A { b: B }\ntype B { c: C }\ntype C { x: Int }'],
  ] as const) {
    it(`accepts ${what}`, async () => {
      expect(await check(source)).toEqual([]);
    });
  }
});
