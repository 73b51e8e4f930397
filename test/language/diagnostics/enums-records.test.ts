import { describe, expect, it } from 'vitest';
import { check, error } from '../../helpers/check.js';

// Bare enum members and record literals: both take their type from where they stand.
// Sources without a `spec` header get one as line 1, so their own first line is line 2.

const ST = 'enum S { on, off }\nenum T { on, idle }\n';

describe('bare enum members, resolved by their context', () => {
  it('`==`, `!=` (either side) and `in [..]`, with a member name shared by two enums', async () => {
    expect(
      await check(
        ST +
          'type A { s: S, t: T, invariant s == on and t == on and on != s and t in [idle, on] and s in [S.on, off] }',
      ),
    ).toEqual([]);
  });

  it('a list literal compared with a typed list, and the default of `??`', async () => {
    expect(
      await check(
        ST + 'type A { s: S, o?: S, invariant [on, off] == [s] and (o ?? on) == off and o == on }',
      ),
    ).toEqual([]);
  });

  it('in parentheses', async () => {
    expect(await check(ST + 'type A { s: S, invariant (on) == s }')).toEqual([]);
  });

  it('a record literal field', async () => {
    expect(
      await check(
        ST +
          'type B { s: S, n: Int }\ntype A { b: B, invariant b == { s: on, n: 1 } and b != { s: S.off, n: 2 } }',
      ),
    ).toEqual([]);
  });

  it('call arguments: path, query and body fields', async () => {
    const source = `${ST}type B { s: S }
endpoint post POST /b { body B
  response 200 B }
endpoint get GET /g/{s: S} { query q?: T
  response 200 B }
property p {
  let x = post(body: { s: off })
  let y = get(s: off, q: idle)
  expect x.s == on and y.s in [on, off]
}`;
    expect(await check(source)).toEqual([]);
  });

  it('an `ensures` comparing with a response field', async () => {
    expect(
      await check(
        ST + 'type B { s: S }\nendpoint e GET /e { response 200 B\n  ensures response.s == off }',
      ),
    ).toEqual([]);
  });

  it('a member of another enum is a type mismatch when qualified', async () => {
    expect(await check(ST + 'type A { s: S, invariant s == T.idle }')).toEqual([
      error(
        '4:31',
        'T.idle',
        'specl/type-mismatch',
        'expected a value comparable with an S, but `T.idle` is a T',
      ),
    ]);
  });
});

describe('specl/ambiguous-enum-member', () => {
  it('both sides bare: nothing decides, and each names its qualified form', async () => {
    expect(await check('enum S { on, off }\ntype A { s: S, invariant on == off }')).toEqual([
      error(
        '3:26',
        'on',
        'specl/ambiguous-enum-member',
        'nothing here says which enum `on` belongs to; write `S.on`',
      ),
      error(
        '3:32',
        'off',
        'specl/ambiguous-enum-member',
        'nothing here says which enum `off` belongs to; write `S.off`',
      ),
    ]);
  });

  it('a member of two enums lists both', async () => {
    expect(await check(ST + 'type A { s: S, invariant len(on) > 0 }')).toEqual([
      error(
        '4:30',
        'on',
        'specl/ambiguous-enum-member',
        'nothing here says which enum `on` belongs to; write `S.on` or `T.on`',
      ),
    ]);
  });

  it('the left of `in` over a list of bare members', async () => {
    expect(await check('enum S { on, off }\ntype A { s: S, invariant on in [off] }')).toEqual([
      error(
        '3:26',
        'on',
        'specl/ambiguous-enum-member',
        'nothing here says which enum `on` belongs to; write `S.on`',
      ),
      error(
        '3:33',
        'off',
        'specl/ambiguous-enum-member',
        'nothing here says which enum `off` belongs to; write `S.off`',
      ),
    ]);
  });

  it('when the context names an enum that lacks the member, the message says so instead of claiming no context', async () => {
    const findings = await check(ST + 'type A { s: S, invariant s == idle }');
    expect(findings).toEqual([
      {
        at: '4:31',
        text: 'idle',
        severity: 'error',
        code: expect.stringMatching(/^specl\/(unknown-name|type-mismatch)$/),
        message: expect.stringMatching(/`idle`.*`S`|`S`.*`idle`/),
      },
    ]);
    expect(findings[0]!.message).not.toContain('nothing here says');
  });

  it('the same for a call argument', async () => {
    const source = `${ST}type B { s: S }\nendpoint g GET /g/{s: S} { response 200 B }\nproperty p {\n  let y = g(s: idle)\n}`;
    const findings = await check(source);
    expect(findings).toEqual([
      expect.objectContaining({
        at: '7:16',
        text: 'idle',
        severity: 'error',
        message: expect.stringMatching(/`idle`.*`S`|`S`.*`idle`/),
      }),
    ]);
    expect(findings[0]!.message).not.toContain('nothing here says');
  });
});

describe('qualified enum members', () => {
  it('an unknown member, with did-you-mean', async () => {
    expect(await check('enum S { on, off }\ntype A { s: S, invariant s == S.of }')).toEqual([
      error('3:33', 'of', 'specl/unknown-field', '`S` has no member `of`; did you mean `off`?'),
    ]);
  });

  it('an unknown bare member, with did-you-mean', async () => {
    expect(await check('enum S { on, off }\ntype A { s: S, invariant s == of }')).toEqual([
      error(
        '3:31',
        'of',
        'specl/unknown-name',
        '`of` is not a member of `S`, the enum expected here; did you mean `off`?',
      ),
    ]);
  });

  it('a qualified member on either side', async () => {
    expect(
      await check('enum S { on, off }\ntype A { s: S, invariant S.on == s or s == S.off }'),
    ).toEqual([]);
  });
});

describe('record literals', () => {
  const B = 'type B { x: Int, y: Int, z?: Int }\n';

  it('fields in any order, with optional ones left out or given', async () => {
    expect(
      await check(
        B + 'type A { b: B, invariant b == { y: 1, x: 3 } or b == { x: 1, y: 2, z: 3 } }',
      ),
    ).toEqual([]);
  });

  it('nested literals, a literal in a list, on the left of `in` and as a `??` default', async () => {
    const source =
      'type C { n: Int }\ntype B { x: Int, c: C }\ntype A { b: B, l: List<B>, o?: C\n  invariant b == { x: 1, c: { n: 2 } } and { x: 1, c: { n: 1 } } in l and l == [{ x: 1, c: { n: 3 } }] and (o ?? { n: 1 }).n > 0 }';
    expect(await check(source)).toEqual([]);
  });

  it('specl/missing-field: one required field, at the literal', async () => {
    expect(await check(B + 'type A { b: B, invariant b == { x: 1 } }')).toEqual([
      error('3:31', '{ x: 1 }', 'specl/missing-field', 'this B lacks `y`; add it'),
    ]);
  });

  it('specl/missing-field: several', async () => {
    expect(await check(B + 'type A { b: B, invariant b == { } }')).toEqual([
      error('3:31', '{ }', 'specl/missing-field', 'this B lacks `x`, `y`; add them'),
    ]);
  });

  it('specl/unknown-field: a field the record does not have, with did-you-mean', async () => {
    expect(await check(B + 'type A { b: B, invariant b == { x: 1, y: 2, w: 3 } }')).toEqual([
      error('3:45', 'w', 'specl/unknown-field', '`B` has no field `w`; did you mean `x`?'),
    ]);
  });

  it('a misspelt field is one mistake: unknown-field, not also a missing field', async () => {
    expect(
      await check('type B { x: Int, y: Int }\ntype A { b: B, invariant b == { x: 1, yy: 2 } }'),
    ).toEqual([
      error('3:39', 'yy', 'specl/unknown-field', '`B` has no field `yy`; did you mean `y`?'),
    ]);
  });

  it('specl/duplicate-field: a field given twice', async () => {
    expect(await check(B + 'type A { b: B, invariant b == { x: 1, y: 2, x: 3 } }')).toEqual([
      error('3:45', 'x', 'specl/duplicate-field', 'field `x` is already given; remove one'),
    ]);
  });

  it('a field value of the wrong type, at the value', async () => {
    expect(await check(B + 'type A { b: B, invariant b == { x: "a", y: 2 } }')).toEqual([
      error(
        '3:36',
        '"a"',
        'specl/type-mismatch',
        'expected Int for field `x`, but `"a"` is a String',
      ),
    ]);
  });

  it('a literal with no context that gives its type', async () => {
    expect(await check('type B { x: Int }\ntype A { b: B, invariant { x: 1 }.x == 1 }')).toEqual([
      error(
        '3:26',
        '{ x: 1 }',
        'specl/type-mismatch',
        'the type of this record literal is not known here; use it as a call argument or compare it with a typed value',
      ),
    ]);
  });

  it('a literal where a non-record is expected says what it is', async () => {
    expect(await check(B + 'type A { n: Int, invariant n == { x: 1, y: 2 } }')).toEqual([
      error(
        '3:33',
        '{ x: 1, y: 2 }',
        'specl/type-mismatch',
        'expected an Int, but this is a record literal',
      ),
    ]);
  });

  it('two literals compared with each other do not crash the checker', async () => {
    for (const invariant of [
      '{ x: 1, y: 2 } == { x: 1, y: 2 }',
      '[{ x: 1, y: 2 }] == [{ x: 1, y: 2 }]',
    ]) {
      const findings = await check(B + `type A { b: B, invariant ${invariant} }`);
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        expect(finding).toMatchObject({
          severity: 'error',
          code: 'specl/type-mismatch',
          message: expect.stringMatching(/^the type of this record literal is not known here/),
        });
      }
    }
  });
});
