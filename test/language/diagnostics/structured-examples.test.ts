import { describe, expect, it } from 'vitest';
import { check } from '../../helpers/check.js';

// Structured `example`/`default` values and the examples of bodies and responses
// (docs/language.md, "Structured examples and examples of bodies and responses"), checked
// against their type. Sources get a `spec` header as line 1.

const TYPES = `type Item {
  sku: String { minLength: 1 }
  amount: Int { min: 1 }
}
type Order {
  id: Uuid { readOnly: true }
  secret?: String { writeOnly: true }
  items: List<Item> { minItems: 1, maxItems: 3 }
  note?: String?
  tags: Map<Int>
  extra: Json
}
type Open { name: String, ...Map<Int> }
type Card { kind: "card", last4: String }
type Wire { kind: "wire", iban: String }
type Pay = Card | Wire by kind
type Either = Item | Card
enum Color { red, green }
`;

const ORDER =
  '{ id: "0b9e4a52-8f6d-4a36-9a5c-1f3c2b7d9e10", items: [{ sku: "a", amount: 1 }], tags: {}, extra: null }';

/** A type alias with an example, checked alone. */
const aliasOf = (type: string, example: string) =>
  `${TYPES}type X = ${type} { example: ${example} }`;

describe('structured examples that fit', () => {
  it.each([
    ['a record', aliasOf('Order', ORDER)],
    [
      'a record with an optional field null',
      aliasOf('Order', ORDER.replace('tags', 'note: null, tags')),
    ],
    ['string keys', aliasOf('Item', '{ "sku": "a", "amount": 2 }')],
    ['a trailing comma', aliasOf('Item', '{ sku: "a", amount: 2, }')],
    ['a list', `${TYPES}type X = List<Int> { minItems: 2, example: [1, -2, 3] }`],
    ['an empty list', aliasOf('List<Item>', '[]')],
    ['a map', aliasOf('Map<List<Color>>', '{ a: ["red"], "b c": [] }')],
    ['Json takes anything', aliasOf('Json', '{ a: [1, { b: null }], c: true }')],
    ['null for a nullable type', aliasOf('Item?', 'null')],
    ['an open record with further fields', aliasOf('Open', '{ name: "n", more: 1, "x-y": 2 }')],
    ['a discriminated union by its tag', aliasOf('Pay', '{ kind: "wire", iban: "DE00" }')],
    ['a union option', aliasOf('Either', '{ kind: "card", last4: "1234" }')],
    [
      'a default of an optional record field',
      `${TYPES}type Y { item?: Item { default: { sku: "s", amount: 1 } } }`,
    ],
    [
      'a request example without readOnly fields',
      `${TYPES}endpoint e POST /o { body Order { example: { items: [{ sku: "a", amount: 1 }], tags: {}, extra: 1, secret: "s" } }\n response 204 }`,
    ],
    [
      'a response example without writeOnly fields, named',
      `${TYPES}endpoint e GET /o { response 200 Order { examples: { one: ${ORDER}, two: ${ORDER} } } }`,
    ],
    [
      'a list response example',
      `${TYPES}endpoint e GET /o { response 200 List<Item> { example: [{ sku: "a", amount: 1 }] } }`,
    ],
    ['a scalar example as before', `${TYPES}type Z { n: Int { example: 3 } }`],
  ])('%s', async (_name, source) => {
    expect(await check(source)).toEqual([]);
  });
});

describe('structured examples that do not fit, at the place inside the value', () => {
  it.each([
    [
      'a field below its minimum',
      aliasOf('Order', ORDER.replace('amount: 1', 'amount: 0')),
      '0',
      'this example at `example.items[0].amount` is below the minimum 1',
    ],
    [
      'a missing required field',
      aliasOf('Item', '{ sku: "a" }'),
      '{ sku: "a" }',
      'this example has no `amount`, a required field of Item',
    ],
    [
      'a field the record does not have, with a suggestion',
      aliasOf('Item', '{ sku: "a", amount: 1, amout: 2 }'),
      'amout: 2',
      'this example at `example.amout` is not a field of Item; did you mean `amount`?',
    ],
    [
      'a key written twice',
      aliasOf('Item', '{ sku: "a", amount: 1, sku: "b" }'),
      'sku: "b"',
      'this example at `example.sku` is written twice',
    ],
    [
      'too many items',
      aliasOf(
        'Order',
        ORDER.replace(
          '[{ sku: "a", amount: 1 }]',
          '[{ sku: "a", amount: 1 }, { sku: "a", amount: 1 }, { sku: "a", amount: 1 }, { sku: "a", amount: 1 }]',
        ),
      ),
      '[{ sku: "a", amount: 1 }, { sku: "a", amount: 1 }, { sku: "a", amount: 1 }, { sku: "a", amount: 1 }]',
      'this example at `example.items` has 4 items, more than the maxItems 3',
    ],
    [
      'null where the type is not nullable',
      aliasOf('Item', '{ sku: null, amount: 1 }'),
      'null',
      'this example at `example.sku` is null, but the type is not nullable (`T?` allows null)',
    ],
    [
      'an object where a list is expected',
      aliasOf('List<Int>', '{}'),
      '{}',
      'this example must be a list `[ ... ]`',
    ],
    [
      'a map value of the wrong type, by a string key',
      aliasOf('Map<Int>', '{ "a b": "x" }'),
      '"x"',
      'this example at `example["a b"]` must be a number, since the type is Int',
    ],
    [
      'an enum member that is not one',
      aliasOf('List<Color>', '["red", "blue"]'),
      '"blue"',
      'this example at `example[1]` is not a member of Color (red, green)',
    ],
    [
      'a discriminated union option chosen by its tag',
      aliasOf('Pay', '{ kind: "card", iban: "DE00" }'),
      'iban: "DE00"',
      'this example at `example.iban` is not a field of Card',
    ],
    [
      'a tag that names no option',
      aliasOf('Pay', '{ kind: "cash" }'),
      '{ kind: "cash" }',
      'this example names by `kind` "cash" none of the options',
    ],
    [
      'a value no option of a union takes',
      aliasOf('Either', '3'),
      '3',
      'this example fits none of the options Item | Card',
    ],
    [
      'a further field of an open record of the wrong type',
      aliasOf('Open', '{ name: "n", more: "x" }'),
      '"x"',
      'this example at `example.more` must be a number, since the type is Int',
    ],
    [
      'a structured default',
      `${TYPES}type Y { item?: Item { default: { sku: "", amount: 1 } } }`,
      '""',
      'this default at `default.sku` is shorter than the minLength 1',
    ],
    [
      'a readOnly field in a request example',
      `${TYPES}endpoint e POST /o { body Order { example: ${ORDER} }\n response 204 }`,
      'id: "0b9e4a52-8f6d-4a36-9a5c-1f3c2b7d9e10"',
      'this example at `example.id` is readOnly: a request does not send it; leave it out',
    ],
    [
      'a writeOnly field in a response example',
      `${TYPES}endpoint e GET /o { response 200 Order { example: ${ORDER.replace('tags', 'secret: "s", tags')} } }`,
      'secret: "s"',
      'this example at `example.secret` is writeOnly: an answer does not carry it; leave it out',
    ],
    [
      'a named example that does not fit',
      `${TYPES}endpoint e GET /o { response 200 Item { examples: { ok: { sku: "a", amount: 1 }, bad: { sku: "a" } } } }`,
      '{ sku: "a" }',
      'this example at `examples.bad` has no `amount`, a required field of Item',
    ],
  ])('%s', async (_name, source, text, message) => {
    const found = await check(source);
    expect(found.map((f) => [f.code, f.text, f.message])).toEqual([
      ['specl/invalid-annotation', text, message],
    ]);
  });

  it('reports every named example that does not fit, not only the first', async () => {
    const found = await check(
      `${TYPES}endpoint e GET /o { response 200 Item { examples: { a: { sku: "a" }, ok: { sku: "a", amount: 1 }, b: { amount: 1 } } } }`,
    );
    expect(found.map((f) => [f.code, f.message])).toEqual([
      [
        'specl/invalid-annotation',
        'this example at `examples.a` has no `amount`, a required field of Item',
      ],
      [
        'specl/invalid-annotation',
        'this example at `examples.b` has no `sku`, a required field of Item',
      ],
    ]);
  });

  it('names the line and column of the part that does not fit', async () => {
    const found = await check(
      `${TYPES}type X = Item {\n  example: {\n    sku: "a",\n    amount: -1,\n  }\n}`,
    );
    // Line 1 is the header, TYPES has 18 lines: `amount: -1` is on line 23, its value at column 13.
    expect(found.map((f) => f.at)).toEqual(['23:13']);
  });
});

const RANGES = `type Range { lo: Int, hi: Int, invariant lo <= hi }
type Stamped { id: Int { readOnly: true }, n: Int, invariant id > n }
type Span { ...Range, label?: String, invariant label == null or len(label) > 0 }
type Tagged { tags: List<String>, invariant all t in tags: matches(t, "^[a-z]+$") }
type Window { from: DateTime, to: DateTime, invariant from < to }
type Shape { kind: Kind, sides: Int, invariant kind == Kind.square implies sides == 4 }
enum Kind { square, other }
`;

describe("a record's invariants on its examples", () => {
  it.each([
    ['an example that keeps it', 'type X = Range { example: { lo: 1, hi: 1 } }'],
    // A request's example must leave the readOnly `id` out: the invariant reading it is not judged.
    [
      "a request's example without the readOnly field an invariant reads",
      'endpoint e POST /s { body Stamped { example: { n: 5 } } response 204 }',
    ],
    [
      'an optional field absent, tested against null',
      'type X = Span { example: { lo: 1, hi: 2 } }',
    ],
    ['a quantifier with matches', 'type X = Tagged { example: { tags: ["a", "bc"] } }'],
    ['an enum member compared', 'type X = Shape { example: { kind: "square", sides: 4 } }'],
    // Found by the random specs: an answer does not carry a writeOnly field, so an invariant
    // about it says nothing there (as the verifier skips it).
    [
      'an answer without the writeOnly field an invariant reads',
      'type Secret { flag?: Int { writeOnly: true }, n: Int, invariant flag != null }\n' +
        'endpoint e GET /s { response 200 Secret { example: { n: 1 } } }',
    ],
    // Date-times compare as instants: not judged at check time, so not reported.
    [
      'a date-time order it cannot judge',
      'type X = Window { example: { from: "2024-01-02T00:00:00+05:00", to: "2024-01-01T23:00:00Z" } }',
    ],
  ])('accepts %s', async (_, source) => {
    expect(await check(`${RANGES}${source}`)).toEqual([]);
  });

  it.each([
    [
      'one that breaks it',
      'type X = Range { example: { lo: 5, hi: 1 } }',
      '{ lo: 5, hi: 1 }',
      'this example breaks the invariant `lo <= hi` of Range',
    ],
    [
      'one spread in',
      'type X = Span { example: { lo: 2, hi: 1, label: "x" } }',
      '{ lo: 2, hi: 1, label: "x" }',
      'this example breaks the invariant `lo <= hi` of Range, spread into Span',
    ],
    [
      'with len',
      'type X = Span { example: { lo: 1, hi: 2, label: "" } }',
      '{ lo: 1, hi: 2, label: "" }',
      'this example breaks the invariant `label == null or len(label) > 0` of Span',
    ],
    [
      'with a quantifier and matches',
      'type X = Tagged { example: { tags: ["ok", "Bad"] } }',
      '{ tags: ["ok", "Bad"] }',
      'this example breaks the invariant `all t in tags: matches(t, "^[a-z]+$")` of Tagged',
    ],
    [
      'with an enum',
      'type X = Shape { example: { kind: "square", sides: 3 } }',
      '{ kind: "square", sides: 3 }',
      'this example breaks the invariant `kind == Kind.square implies sides == 4` of Shape',
    ],
    [
      'inside a list, at its path',
      'type X = List<Range> { example: [{ lo: 1, hi: 2 }, { lo: 3, hi: 0 }] }',
      '{ lo: 3, hi: 0 }',
      'this example at `example[1]` breaks the invariant `lo <= hi` of Range',
    ],
    [
      'an answer carrying the readOnly field the invariant reads',
      'endpoint e POST /s { response 200 Stamped { example: { id: 1, n: 5 } } }',
      '{ id: 1, n: 5 }',
      'this example breaks the invariant `id > n` of Stamped',
    ],
    [
      "a response's named example",
      'endpoint e GET /r { response 200 Range { examples: { ok: { lo: 0, hi: 0 }, bad: { lo: 9, hi: 0 } } } }',
      '{ lo: 9, hi: 0 }',
      'this example at `examples.bad` breaks the invariant `lo <= hi` of Range',
    ],
  ])('refuses %s, naming the invariant', async (_, source, text, message) => {
    const found = await check(`${RANGES}${source}`);
    expect(found.map((f) => [f.code, f.text, f.message])).toEqual([
      ['specl/invalid-annotation', text, message],
    ]);
  });
});

describe('where `examples` and structured values may stand', () => {
  it.each([
    [
      'named examples on a field',
      `${TYPES}type Y { item: Item { examples: { a: { sku: "a", amount: 1 } } } }`,
      'specl/invalid-annotation',
      '`examples` (named examples) applies to the type of a `body` or a `response`; elsewhere write one `example`',
    ],
    [
      'examples not named',
      `${TYPES}endpoint e GET /o { response 200 Item { examples: [{ sku: "a", amount: 1 }] } }`,
      'specl/invalid-annotation',
      '`examples` takes named examples: `examples: { ok: { ... }, empty: { ... } }`',
    ],
    [
      'a structured value for a constraint',
      'type Y { n: Int { min: { a: 1 } } }',
      'specl/constraint-type-mismatch',
      '`min` takes a number',
    ],
  ])('%s', async (_name, source, code, message) => {
    const found = await check(source);
    expect(found.map((f) => f.code)).toEqual([code]);
    if (message !== undefined) expect(found[0]!.message).toBe(message);
  });
});
