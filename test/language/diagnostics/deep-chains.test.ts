import { describe, expect, it } from 'vitest';
import { check, error } from '../../helpers/check.js';

// Chains far deeper than the call stack allows for recursion: each must check (no stack
// overflow, the right diagnostics), however long it is. Their speed is measured in
// bench/superlinear.mjs, not here.
const DEPTH = 5000;

function lines(count: number, line: (k: number) => string): string {
  return Array.from({ length: count }, (_, k) => line(k)).join('\n');
}

describe('deep chains of aliases and spreads', () => {
  it(`an alias chain ${DEPTH} deep resolves to its end, constraints and all`, async () => {
    const chain = lines(DEPTH - 1, (k) => `type A${k + 1} = A${k}`);
    const source = `type A0 = Int { min: 1 }\n${chain}\ntype R { f: A${DEPTH - 1} }\nproperty p { forall r: R\n expect r.f + 1 > 1 }`;
    expect(await check(source)).toEqual([]);
  });

  it(`an alias chain ${DEPTH} deep closed into a cycle: each alias on it reported`, async () => {
    const chain = lines(3, (k) => `type A${k + 1} = A${k}`);
    const closed = `type A0 = A${DEPTH - 1}\n${lines(DEPTH - 1, (k) => `type A${k + 1} = A${k}`)}`;
    const diagnostics = await check(closed);
    expect(diagnostics).toHaveLength(DEPTH);
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['specl/recursive-alias']));
    expect(await check(`type A0 = List<A3>\n${chain}`)).toHaveLength(4);
  });

  it(`a spread chain ${DEPTH} deep brings the first record's fields to the last`, async () => {
    const chain = lines(DEPTH - 1, (k) => `type T${k + 1} { ...T${k} }`);
    const source = `type T0 { x: Int }\n${chain}\ntype Last { ...T${DEPTH - 1}, x: Int }`;
    expect(await check(source)).toEqual([
      error(
        `${DEPTH + 2}:23`,
        'x',
        'specl/duplicate-field',
        'field `x` is already brought by `...T4999`; rename or remove one',
      ),
    ]);
  });

  it(`a spread chain ${DEPTH} deep closed into a cycle: each spread on it reported`, async () => {
    const source = `type T0 { ...T${DEPTH - 1} }\n${lines(DEPTH - 1, (k) => `type T${k + 1} { ...T${k} }`)}`;
    const diagnostics = await check(source);
    expect(diagnostics).toHaveLength(DEPTH);
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['specl/recursive-spread']));
  });
});

describe('Bytes deep inside a JSON body', () => {
  // A record chain: R0 holds R1, ..., the last holds `last`; bodies name R0 and a middle record.
  const chain = (last: string) =>
    `${lines(DEPTH - 1, (k) => `type R${k} { n: Int, next?: R${k + 1} }`)}\ntype R${DEPTH - 1} { ${last} }`;
  const bodies = `endpoint a GET /a { response 200 R0 }\nendpoint b POST /b { body R${DEPTH / 2}\n response 200 List<R0> }`;

  it(`found ${DEPTH} records down, in every body that reaches it`, async () => {
    const findings = await check(`${chain('file: Bytes')}\n${bodies}`);
    expect(findings.map((f) => [f.code, f.text])).toEqual([
      ['specl/media-type-mismatch', 'R0'],
      ['specl/media-type-mismatch', `R${DEPTH / 2}`],
      ['specl/media-type-mismatch', 'List<R0>'],
    ]);
  });

  it(`not found in a chain ${DEPTH} deep without it, nor through a cycle`, async () => {
    expect(await check(`${chain('back: List<R0>, m?: Map<R1>')}\n${bodies}`)).toEqual([]);
  });

  it('found through a cycle, whichever record a body names', async () => {
    const source =
      'type P { q?: Q, s: String }\ntype Q { p?: P, data: Bytes | String }\n' +
      'endpoint a GET /a { response 200 P }\nendpoint b GET /b { response 200 Q }\n' +
      'endpoint c GET /c { response 200 Map<P?> }';
    const findings = await check(source);
    expect(findings.map((f) => [f.code, f.text])).toEqual([
      ['specl/media-type-mismatch', 'P'],
      ['specl/media-type-mismatch', 'Q'],
      ['specl/media-type-mismatch', 'Map<P?>'],
    ]);
  });
});
