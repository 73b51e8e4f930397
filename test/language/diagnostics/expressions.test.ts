import { describe, expect, it } from 'vitest';
import type { Finding } from '../../helpers/check.js';
import { check, error, warning } from '../../helpers/check.js';

// Sources without a `spec` header get one as line 1, so their own first line is line 2.
// Most cases are one invariant in a record declared on line 2.

const mismatch = (at: string, text: string, message: string) =>
  error(at, text, 'specl/type-mismatch', message);

describe('specl/type-mismatch, at the offending sub-expression', () => {
  const cases: Array<[string, string, Finding]> = [
    [
      'a condition that is not a Bool',
      'type A { n: Int, invariant n }',
      mismatch('2:28', 'n', 'expected a condition (Bool), but `n` is an Int'),
    ],
    [
      'the left of `implies`',
      'type A { a: Bool, n: Int, invariant n implies a }',
      mismatch('2:37', 'n', 'expected a Bool on each side of `implies`, but `n` is an Int'),
    ],
    [
      'the right of `and`',
      'type A { a: Bool, n: Int, invariant a and n }',
      mismatch('2:43', 'n', 'expected a Bool on each side of `and`, but `n` is an Int'),
    ],
    [
      'the operand of `not`',
      'type A { n: Int, invariant not n }',
      mismatch('2:32', 'n', 'expected a Bool after `not`, but `n` is an Int'),
    ],
    [
      '`==` across types, at the right',
      'type A { n: Int, s: String, invariant n == s }',
      mismatch('2:44', 's', 'expected a value comparable with an Int, but `s` is a String'),
    ],
    [
      '`==` of lists of different elements',
      'type A { l: List<Int>, t: List<String>, invariant l == t }',
      mismatch(
        '2:56',
        't',
        'expected a value comparable with a List<Int>, but `t` is a List<String>',
      ),
    ],
    [
      '`<` across types, at the right',
      'type A { n: Int, s: String, invariant n < s }',
      mismatch('2:43', 's', 'expected a value ordered like an Int, but `s` is a String'),
    ],
    [
      '`<` on Bools, at the left',
      'type A { a: Bool, invariant a < a }',
      mismatch(
        '2:29',
        'a',
        'expected a number, string or date on each side of `<`, but `a` is a Bool',
      ),
    ],
    [
      '`<` of a Date and a DateTime',
      'type A { d: Date, e: DateTime, invariant d < e }',
      mismatch('2:46', 'e', 'expected a value ordered like a Date, but `e` is a DateTime'),
    ],
    [
      '`in` with no list on the right',
      'type A { n: Int, s: String, invariant n in s }',
      mismatch('2:44', 's', 'expected a list on the right of `in`, but `s` is a String'),
    ],
    [
      '`in` a list of other elements, at the left',
      'type A { s: String, invariant s in [1, 2] }',
      mismatch(
        '2:31',
        's',
        "expected a value comparable with the list's Int elements, but `s` is a String",
      ),
    ],
    [
      'a `??` default of another type',
      'type A { o?: Int, invariant (o ?? "x") == 1 }',
      mismatch(
        '2:35',
        '"x"',
        'expected a default of the same type as `o` (Int), but `"x"` is a String',
      ),
    ],
    [
      'arithmetic on a String',
      'type A { n: Int, s: String, invariant n + s > 0 }',
      mismatch('2:43', 's', 'expected a number on each side of `+`, but `s` is a String'),
    ],
    [
      'unary minus on a String',
      'type A { s: String, invariant -s < 0 }',
      mismatch('2:32', 's', 'expected a number after `-`, but `s` is a String'),
    ],
    [
      'a list literal of mixed elements, at the odd one',
      'type A { l: List<Int>, invariant l == [1, "a"] }',
      mismatch('2:43', '"a"', 'expected an element like the others (Int), but `"a"` is a String'),
    ],
    [
      '`len` of a number',
      'type A { n: Int, invariant len(n) > 0 }',
      mismatch('2:32', 'n', 'expected a string, list or map for `len`, but `n` is an Int'),
    ],
    [
      '`len` without its argument, at `len`',
      'type A { n: Int, invariant len() > 0 }',
      mismatch('2:28', 'len', '`len` takes 1 argument: `len(value)`'),
    ],
    [
      '`matches` with one argument',
      'type A { n: Int, invariant matches("a") }',
      mismatch('2:28', 'matches', '`matches` takes 2 arguments: `matches(text, "regex")`'),
    ],
    [
      '`matches` on a number',
      'type A { n: Int, invariant matches(n, "a") }',
      mismatch('2:36', 'n', 'expected a string to match, but `n` is an Int'),
    ],
    [
      '`matches` with a regex that is not a literal',
      'type A { s: String, t: String, invariant matches(s, t) }',
      mismatch('2:53', 't', 'the regular expression of `matches` must be a string literal'),
    ],
    [
      'a quantifier over a number',
      'type A { n: Int, invariant all x in n: x > 0 }',
      mismatch('2:37', 'n', 'expected a list after `all x in`, but `n` is an Int'),
    ],
    [
      'a quantifier predicate that is not a Bool',
      'type A { l: List<Int>, invariant any x in l: x }',
      mismatch('2:46', 'x', 'expected a condition (Bool), but `x` is an Int'),
    ],
  ];
  for (const [name, source, finding] of cases) {
    it(name, async () => {
      expect(await check(source)).toEqual([finding]);
    });
  }

  it('`%` on a Float, at the Float operand', async () => {
    expect(await check('type A { f: Float, n: Int, invariant n % f == 0 }')).toEqual([
      mismatch('2:42', 'f', 'expected an Int on each side of `%`, but `f` is a Float'),
    ]);
  });

  it('one mistake in an arithmetic operand gives one diagnostic, not another at the comparison', async () => {
    expect(await check('type A { s: String, invariant s * 2 == s }')).toEqual([
      mismatch('2:31', 's', 'expected a number on each side of `*`, but `s` is a String'),
    ]);
  });

  it('Int and Float mix, strings concatenate, string formats compare with String', async () => {
    const source =
      'type A { f: Float, n: Int, s: String, t: String, u: Uuid, invariant f == n and f > n and f + n > 0.0 and n / 2 == 1 and s + t == "ab" and u == s }';
    expect(await check(source)).toEqual([]);
  });

  it('a list literal joins an absent element with the others, at any depth', async () => {
    // Found by the random-spec generator: `[[null], null, [-9]]` was "not like the others".
    const source =
      'type A { l: List<List<Int?>?>, invariant l != [[null], null, [-9]] and l != [null, [2], [null]] }';
    expect(await check(source)).toEqual([]);
  });
});

describe('specl/invalid-pattern in `matches`', () => {
  it('at the regex string', async () => {
    expect(await check('type A { s: String, invariant matches(s, "[") }')).toEqual([
      error(
        '2:42',
        '"["',
        'specl/invalid-pattern',
        'invalid regular expression: /[/u: Unterminated character class',
      ),
    ]);
  });
});

describe('specl/optional-access', () => {
  it('an optional field in arithmetic and in a comparison', async () => {
    expect(await check('type A { o?: Int, invariant o + 1 > 0\n  invariant o > 0 }')).toEqual([
      error(
        '2:29',
        'o',
        'specl/optional-access',
        '`o` may be absent; give a default with `o ?? ...` or test it against null first',
      ),
      error(
        '3:13',
        'o',
        'specl/optional-access',
        '`o` may be absent; give a default with `o ?? ...` or test it against null first',
      ),
    ]);
  });

  it('`.` on an optional record, at the member, with the fix', async () => {
    expect(await check('type B { x: Int }\ntype A { o?: B, invariant o.x > 0 }')).toEqual([
      error('3:29', 'x', 'specl/optional-access', '`o` may be absent; write `o?.x`'),
    ]);
  });

  it('a quantifier over an optional list', async () => {
    expect(await check('type A { o?: List<Int>, invariant all x in o: x > 0 }')).toEqual([
      error(
        '2:44',
        'o',
        'specl/optional-access',
        '`o` may be absent; give a default with `o ?? ...` or test it against null first',
      ),
    ]);
  });

  it('testing against null first, as the message advises, is accepted', async () => {
    const source =
      'type B { y: Int }\ntype A { x?: Int, b?: B\n  invariant x == null or x > 6\n  invariant x != null implies x > 6\n  invariant x != null and x > 6\n  invariant b != null implies b.y > 0 }';
    expect(await check(source)).toEqual([]);
  });

  it('defaults and optional chains are accepted', async () => {
    const source =
      'type B { y: Int, b?: B }\ntype A { x?: Int, b?: B, invariant (x ?? 0) > 1 and (b?.y ?? 0) >= 0 and b?.b?.y == x and x == null or x != null }';
    expect(await check(source)).toEqual([]);
  });
});

describe('specl/redundant-optional-chain', () => {
  it('`??` on a value that is never absent, at the operator', async () => {
    expect(await check('type A { n: Int, invariant (n ?? 1) > 0 }')).toEqual([
      warning(
        '2:31',
        '??',
        'specl/redundant-optional-chain',
        '`n` is never absent, so `??` has no effect',
      ),
    ]);
  });

  it('`?.` on a value that is never absent, at the operator', async () => {
    expect(await check('type B { x: Int }\ntype A { b: B, invariant b?.x == b.x }')).toEqual([
      warning(
        '3:27',
        '?.',
        'specl/redundant-optional-chain',
        '`b` is never absent; write `.` instead of `?.`',
      ),
    ]);
  });

  it('a redundant `?.` does not make its result optional: one warning, no error', async () => {
    expect(await check('type B { x: Int }\ntype A { b: B, invariant b?.x > 0 }')).toEqual([
      warning(
        '3:27',
        '?.',
        'specl/redundant-optional-chain',
        '`b` is never absent; write `.` instead of `?.`',
      ),
    ]);
  });
});

describe('specl/not-a-value', () => {
  it('an endpoint, with how to call it', async () => {
    expect(
      await check(
        'type T { id: Int }\nendpoint e GET /e { response 200 T }\ntype A { n: Int, invariant n == e }',
      ),
    ).toEqual([
      error(
        '4:33',
        'e',
        'specl/not-a-value',
        "`e` is an endpoint, not a value; call it in a property's `let`: `let x = e(...)`",
      ),
    ]);
  });

  it('a property', async () => {
    expect(await check('property pp { expect true }\ntype A { n: Int, invariant pp }')).toEqual([
      error('3:28', 'pp', 'specl/not-a-value', '`pp` is a property, not a value'),
    ]);
  });

  it('a record type: one diagnostic, not also a type mismatch', async () => {
    expect(await check('type T { id: Int }\ntype A { n: Int, invariant n == T }')).toEqual([
      error('3:33', 'T', 'specl/not-a-value', '`T` is a record type, not a value'),
    ]);
  });

  it('an enum, naming one of its members: one diagnostic', async () => {
    expect(await check('enum S { on, off }\ntype A { s: S, invariant s == S }')).toEqual([
      error(
        '3:31',
        'S',
        'specl/not-a-value',
        '`S` is an enum, not a value; name one of its members, such as `S.on`',
      ),
    ]);
  });
});

describe('specl/unknown-name', () => {
  it('a misspelt field, with did-you-mean', async () => {
    expect(await check('type A { count: Int, invariant cont > 0 }')).toEqual([
      error('2:32', 'cont', 'specl/unknown-name', 'unknown name `cont`; did you mean `count`?'),
    ]);
  });

  it('did-you-mean suggests a value, not a type name that cannot stand there', async () => {
    expect(await check('type A { n: Int, invariant m > 0 }')).toEqual([
      error('2:28', 'm', 'specl/unknown-name', 'unknown name `m`; did you mean `n`?'),
    ]);
  });

  it('a field of another record is not in scope in an invariant', async () => {
    expect(
      await check('type B { width: Int }\ntype A { height: Int, invariant width > 0 }'),
    ).toEqual([error('3:33', 'width', 'specl/unknown-name', 'unknown name `width`')]);
  });

  it('a quantifier variable is not in scope after its quantifier', async () => {
    expect(
      await check('type A { l: List<Int>, invariant (all item in l: item > 0) and item > 1 }'),
    ).toEqual([error('2:64', 'item', 'specl/unknown-name', 'unknown name `item`')]);
  });

  it("a field named by a keyword can be used in its record's invariants", async () => {
    expect(await check('type K { type: String, invariant type == "a" }')).toEqual([]);
  });
});

describe('specl/unknown-field', () => {
  it('a misspelt field after `.`, with did-you-mean', async () => {
    expect(
      await check('type B { name: String, id: Int }\ntype A { b: B, invariant b.nam == "x" }'),
    ).toEqual([
      error('3:28', 'nam', 'specl/unknown-field', '`B` has no field `nam`; did you mean `name`?'),
    ]);
  });

  it('a field close to none, listing the fields', async () => {
    expect(await check('type B { x: Int, yy: Int }\ntype A { b: B, invariant b.zzz > 0 }')).toEqual(
      [error('3:28', 'zzz', 'specl/unknown-field', '`B` has no field `zzz`; it has `x`, `yy`')],
    );
  });

  it('`.` on values without fields', async () => {
    expect(await check('type A { n: Int, m: Map<Int>, invariant n.x > 0 and m.x > 0 }')).toEqual([
      error('2:43', 'x', 'specl/unknown-field', 'an Int has no fields, so `.x` means nothing here'),
      error(
        '2:55',
        'x',
        'specl/unknown-field',
        'a Map<Int> has no fields, so `.x` means nothing here',
      ),
    ]);
  });

  it('after an unknown receiver, no second diagnostic', async () => {
    expect(await check('type A { n: Int, invariant nope.x > 0 }')).toEqual([
      error('2:28', 'nope', 'specl/unknown-name', 'unknown name `nope`'),
    ]);
  });

  it('fields shared by the records of a union are accessible', async () => {
    expect(
      await check(
        'type R1 { id: Int, a: Int }\ntype R2 { id: Int, b: Int }\ntype A { u: R1 | R2, invariant u.id > 0 }',
      ),
    ).toEqual([]);
  });
});
