import { describe, expect, it } from 'vitest';
import { check, codes, error } from '../../helpers/check.js';

// The types of v0.1: Json, Int32, Int64, Decimal, constants, open records and discriminated
// unions. Sources without a `spec` header get one as line 1.

const CARDS = 'type Card { kind: "card", last4: String }\ntype Bank { kind: "bank" }\n';

describe('v0.1 types that check clean', () => {
  it.each([
    ['the built-in types', 'type E { a: Json, b: Int32 { min: 0 }, c: Int64, d: Decimal? }'],
    ['constants of each kind', 'type E { a: "x", b: 2, c: -1.5, d: true, e?: "y"? }'],
    ['an open record', 'type L { name: String, ...Map<String> }'],
    ['an open record through a spread', 'type L { ...Map<Int> }\ntype M { a: String, ...L }'],
    ['a discriminated union', `${CARDS}type P = Card | Bank by kind`],
    [
      'a tag through an alias',
      'type T = "t"\ntype A { k: T }\ntype B { k: "b" }\ntype U = A | B by k',
    ],
    [
      '`by` still names fields and endpoints',
      'type T { by: Int }\nendpoint by GET /a { query by?: Int\n response 200 T }',
    ],
    [
      'a v0 type named Decimal keeps its meaning',
      'type Decimal = Float\ntype T { d: Decimal { min: 0 } }',
    ],
    [
      'a constant compared in a condition',
      `${CARDS}type W { c: Card\n invariant c.kind == "card" }`,
    ],
    [
      'a UriTemplate with string constraints and an example, a string in expressions',
      'type T { u: UriTemplate { maxLength: 99, example: "/r/{owner}{?q}" }\n invariant len(u) > 0 }',
    ],
    [
      'a v0 type named UriTemplate keeps its meaning',
      'type UriTemplate = Int\ntype T { u: UriTemplate { min: 0 } }',
    ],
    [
      'Int32 and Decimal in expressions as Int and String',
      'type T { n: Int32, d: Decimal\n invariant n + 1 > 0 and len(d) > 0 }',
    ],
  ])('%s', async (_, source) => {
    expect(await check(source)).toEqual([]);
  });
});

describe('v0.1 type misuse, with codes', () => {
  it.each([
    ['specl/invalid-discriminator', 'type A { k: "a" }\ntype P = A by k'],
    ['specl/invalid-discriminator', `${CARDS}type P = Card | Bank | Int by kind`],
    ['specl/invalid-discriminator', `${CARDS}type O { x: Int }\ntype P = Card | O by kind`],
    ['specl/invalid-discriminator', `${CARDS}type O { kind?: "o" }\ntype P = Card | O by kind`],
    ['specl/invalid-discriminator', `${CARDS}type O { kind: String }\ntype P = Card | O by kind`],
    ['specl/invalid-discriminator', `${CARDS}type O { kind: "card" }\ntype P = Card | O by kind`],
    ['specl/duplicate-clause', 'type L { ...Map<Int>, ...Map<String> }'],
    ['specl/type-mismatch', 'type T { d: Decimal\n invariant d > 1 }'],
    ['specl/invalid-annotation', 'type T { n: Int32 { example: "x" } }'],
    ['specl/invalid-annotation', 'type T { u: UriTemplate { example: "/r/{owner" } }'],
    ['specl/type-mismatch', 'type T { u: UriTemplate\n invariant u > 1 }'],
    ['specl/unknown-type', 'type T { j: JSON }'],
  ])('%s: %s', async (code, source) => {
    expect(await codes(source)).toEqual([code]);
  });
});

describe('v0.1 type messages and places', () => {
  it('an option without the tag, at the option, with the field to add', async () => {
    expect(await check(`${CARDS}type O { x: Int }\ntype P = Card | O by kind`)).toEqual([
      error(
        '5:17',
        'O',
        'specl/invalid-discriminator',
        '`O` has no field `kind`; add one holding its tag, such as `kind: "o"`',
      ),
    ]);
  });

  it('a tag that is not a constant, at the option', async () => {
    expect(await check(`${CARDS}type O { kind: String }\ntype P = Card | O by kind`)).toEqual([
      error(
        '5:17',
        'O',
        'specl/invalid-discriminator',
        'the tag `kind` of `O` must be a string constant, such as `kind: "o"`',
      ),
    ]);
  });

  it('two options with one tag, at the second', async () => {
    expect(await check(`${CARDS}type O { kind: "card" }\ntype P = Card | O by kind`)).toEqual([
      error(
        '5:17',
        'O',
        'specl/invalid-discriminator',
        '`O` and `Card` share the tag "card"; give each option its own value of `kind`',
      ),
    ]);
  });
});
