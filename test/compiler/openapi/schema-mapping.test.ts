import { describe, expect, it } from 'vitest';
import { schemaValidator, openApiOf, schemasOf } from './openapi-helpers.js';

const SAFE = Number.MAX_SAFE_INTEGER;
const int = { type: 'integer', minimum: -SAFE, maximum: SAFE };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The schemas of the fields of record `T` in an inline spec. */
async function fieldsOf(source: string) {
  return (await schemasOf(source)).T!.properties;
}

describe('primitives', () => {
  it('map to JSON types, with formats for the string formats', async () => {
    const fields = await fieldsOf(
      'type T { a: String, b: Int, c: Float, d: Bool, e: Uuid, f: Email, g: Url, h: Date, i: DateTime }',
    );
    expect(fields).toEqual({
      a: { type: 'string' },
      b: int,
      c: { type: 'number' },
      d: { type: 'boolean' },
      e: { type: 'string', format: 'uuid' },
      f: { type: 'string', format: 'email' },
      g: { type: 'string', format: 'uri' },
      h: { type: 'string', format: 'date' },
      i: { type: 'string', format: 'date-time' },
    });
  });

  it('bound an Int to the safe-integer range on each side its constraints leave open', async () => {
    const fields = await fieldsOf(
      'type T { a: Int { min: 1 }, b: Int { max: -2 }, c: Int { exclusiveMin: 0 }, d: Int { min: -5, exclusiveMax: 10 } }',
    );
    expect(fields).toEqual({
      a: { type: 'integer', minimum: 1, maximum: SAFE },
      b: { type: 'integer', minimum: -SAFE, maximum: -2 },
      c: { type: 'integer', exclusiveMinimum: 0, maximum: SAFE },
      d: { type: 'integer', minimum: -5, exclusiveMaximum: 10 },
    });
  });

  it('map numeric constraints to the numeric (2020-12) keywords', async () => {
    const fields = await fieldsOf(
      'type T { a: Float { exclusiveMax: 1.5, exclusiveMin: -0.5 }, b: Float { min: 0, max: 1 } }',
    );
    expect(fields).toEqual({
      a: { type: 'number', exclusiveMinimum: -0.5, exclusiveMaximum: 1.5 },
      b: { type: 'number', minimum: 0, maximum: 1 },
    });
    // The keywords follow a fixed order, not the order written.
    expect(Object.keys(fields!.a!)).toEqual(['type', 'exclusiveMinimum', 'exclusiveMaximum']);
  });

  it('map string constraints, on String and on the formats', async () => {
    const fields = await fieldsOf(
      'type T { a: String { pattern: "^[a-z]+\\\\d$", maxLength: 8, minLength: 2 }, b: Email { maxLength: 64 } }',
    );
    expect(fields).toEqual({
      a: { type: 'string', minLength: 2, maxLength: 8, pattern: '^[a-z]+\\d$' },
      b: { type: 'string', format: 'email', maxLength: 64 },
    });
  });
});

describe('collections', () => {
  it('map List to array with its constraints, and Map to object with additionalProperties', async () => {
    const fields = await fieldsOf(
      'type T { a: List<String> { minItems: 1, maxItems: 3, unique: true }, b: List<Int { min: 0 }>, c: Map<Bool>, d: Map<List<Uuid>>, e: List<Bool> { unique: false } }',
    );
    expect(fields).toEqual({
      a: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3, uniqueItems: true },
      b: { type: 'array', items: { type: 'integer', minimum: 0, maximum: SAFE } },
      c: { type: 'object', additionalProperties: { type: 'boolean' } },
      d: {
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string', format: 'uuid' } },
      },
      e: { type: 'array', items: { type: 'boolean' }, uniqueItems: false },
    });
  });
});

describe('named types', () => {
  it('are referenced by $ref, with allOf when the reference has constraints of its own', async () => {
    const fields = await fieldsOf(
      'type Days = Int { min: 0 }\ntype Tags = List<String>\nenum E { a }\ntype R {}\ntype T { a: Days, b: Days { max: 9 }, c: Tags { maxItems: 2 }, d: E, e: R }',
    );
    expect(fields).toEqual({
      a: ref('Days'),
      b: { allOf: [ref('Days'), { maximum: 9 }] },
      c: { allOf: [ref('Tags'), { maxItems: 2 }] },
      d: ref('E'),
      e: ref('R'),
    });
  });
});

describe('unions', () => {
  const decls = [
    'type A { x: Int }',
    'type B { y: String }',
    'type C { x?: Int }',
    'type D { y?: Int }',
    'type P { x: Int }',
    'type Q { x?: String }',
    'type N = Int?',
    'enum Color { red, green }',
    'enum Shade { red, dark }',
    'enum Hue { blue }',
  ].join('\n');

  it('use oneOf when no value fits two options', async () => {
    const fields = await fieldsOf(
      `${decls}\ntype T { a: A | B, b: String | Int | Bool, c: Color | Hue, d: List<Int> | Map<Int>, e: N | A, f: P | Q }`,
    );
    expect(fields).toEqual({
      a: { oneOf: [ref('A'), ref('B')] },
      b: { oneOf: [{ type: 'string' }, int, { type: 'boolean' }] },
      c: { oneOf: [ref('Color'), ref('Hue')] },
      d: {
        oneOf: [
          { type: 'array', items: int },
          { type: 'object', additionalProperties: int },
        ],
      },
      e: { oneOf: [ref('N'), ref('A')] },
      // P requires x, an Int; Q's x, when present, is a String.
      f: { oneOf: [ref('P'), ref('Q')] },
    });
  });

  it('use anyOf when a value may fit two options, since oneOf would reject it', async () => {
    const fields = await fieldsOf(
      `${decls}\ntype T { a: C | D, b: Int | Float, c: Color | Shade, d: String | Uuid, e: A | Map<Int>, f: N | Float }`,
    );
    expect(fields).toEqual({
      a: { anyOf: [ref('C'), ref('D')] },
      b: { anyOf: [int, { type: 'number' }] },
      c: { anyOf: [ref('Color'), ref('Shade')] },
      d: { anyOf: [{ type: 'string' }, { type: 'string', format: 'uuid' }] },
      e: { anyOf: [ref('A'), { type: 'object', additionalProperties: int }] },
      f: { anyOf: [ref('N'), { type: 'number' }] },
    });
  });

  it('keep one of options written twice', async () => {
    const fields = await fieldsOf(`${decls}\ntype T { a: A | A, b: A | B | A }`);
    expect(fields).toEqual({ a: ref('A'), b: { oneOf: [ref('A'), ref('B')] } });
  });

  it('validate as the union means: a value fitting both of two options is accepted', async () => {
    const doc = await openApiOf(`${decls}\ntype T { a: C | D, b: A | B, c: Int | Float }`);
    const { fits } = schemaValidator(doc);
    expect(fits('T', { a: {}, b: { x: 1 }, c: 1 })).toBe(true);
    expect(fits('T', { a: { x: 1 }, b: { y: 'y' }, c: 1.5 })).toBe(true);
    expect(fits('T', { a: { x: 1, y: 2 }, b: { x: 1 }, c: 1 })).toBe(false);
    expect(fits('T', { a: {}, b: { x: 1, y: 'y' }, c: 1 })).toBe(false);
  });
});

describe('nullable types', () => {
  it('use a type array for a plain type and oneOf with null otherwise', async () => {
    const fields = await fieldsOf(
      'type R {}\nenum E { a }\ntype N = Int?\ntype T { a: String?, b: Int? { min: 1 }, c: List<Bool>?, d: R?, e: E?, f: R? { } , g: N?, h: Map<Int?> }',
    );
    expect(fields).toEqual({
      a: { type: ['string', 'null'] },
      b: { type: ['integer', 'null'], minimum: 1, maximum: SAFE },
      c: { type: ['array', 'null'], items: { type: 'boolean' } },
      d: { oneOf: [ref('R'), { type: 'null' }] },
      e: { oneOf: [ref('E'), { type: 'null' }] },
      f: { oneOf: [ref('R'), { type: 'null' }] },
      // N already admits null: the `?` stays, as `anyOf` (null matches both options).
      g: { anyOf: [ref('N'), { type: 'null' }] },
      h: { type: 'object', additionalProperties: { ...int, type: ['integer', 'null'] } },
    });
  });

  it('add null as one more option of a nullable union', async () => {
    const fields = await fieldsOf(
      'type A { x: Int }\ntype B { y: Int }\ntype T { a: A? | B, b: String | Int? }',
    );
    expect(fields).toEqual({
      a: { oneOf: [ref('A'), ref('B'), { type: 'null' }] },
      b: { oneOf: [{ type: 'string' }, int, { type: 'null' }] },
    });
  });

  it('accept null and the inner values only', async () => {
    const doc = await openApiOf(
      'type R { x: Int }\ntype N = R?\ntype T { a: String?, b: R?, n: N? }',
    );
    const { fits } = schemaValidator(doc);
    expect(fits('T', { a: null, b: null, n: null })).toBe(true);
    expect(fits('T', { a: null, b: null, n: { x: 1 } })).toBe(true);
    expect(fits('T', { a: null, b: null, n: 1 })).toBe(false);
    expect(fits('T', { a: 'a', b: { x: 1 }, n: null })).toBe(true);
    expect(fits('T', { a: 1, b: null, n: null })).toBe(false);
    expect(fits('T', { a: null, b: {}, n: null })).toBe(false);
  });
});
