import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedModule, Validator } from './typescript-helpers.js';
import { OK, failure, load, typesOf, validatorOf } from './typescript-helpers.js';

const SHAPES = `
enum Color { red, green }
type Days = Int { min: 0, max: 366 }
type Code = String { pattern: "^[A-Z]{3}$" }
type Cat { name: String, lives: Int { min: 1, max: 9 } }
type Dog { name: String, good: Bool }
type Sample {
  id: Uuid
  email: Email
  site: Url
  day: Date
  at: DateTime
  ratio: Float { exclusiveMin: 0, exclusiveMax: 1 }
  days: Days
  short: Days { max: 10 }
  code: Code
  name: String { minLength: 1, maxLength: 5 }
  tags: List<String> { minItems: 1, maxItems: 3, unique: true }
  scores: Map<Int>
  color: Color
  pet: Cat | Dog
  note?: String
  next: Sample?
  flag: Bool
  codes: List<Code?>
}
`;

const sample = {
  id: '123e4567-e89b-12d3-a456-426614174000',
  email: 'ada@example.com',
  site: 'https://example.com/x',
  day: '2024-02-29',
  at: '2024-02-29T12:00:00+01:00',
  ratio: 0.5,
  days: 366,
  short: 10,
  code: 'ABC',
  name: 'Ada',
  tags: ['a'],
  scores: { math: 3, 'big data': 4 },
  color: 'green',
  pet: { name: 'Tom', lives: 9 },
  next: null,
  flag: false,
  codes: ['XYZ', null],
};

describe('validators of records, fields and constraints', () => {
  let validate: Validator;
  beforeAll(async () => {
    validate = validatorOf(await load('shapes', await typesOf(SHAPES)), 'Sample');
  });

  it('accept a valid value, and valid variations', () => {
    expect(validate(sample)).toEqual(OK);
    expect(validate({ ...sample, note: 'n', pet: { name: 'Rex', good: true } })).toEqual(OK);
    expect(validate({ ...sample, next: { ...sample, tags: ['b', 'c'] } })).toEqual(OK);
    expect(validate({ ...sample, note: undefined, scores: {} })).toEqual(OK);
  });

  const violations: [string, Record<string, unknown>, string, string][] = [
    ['a missing field', { id: undefined }, '$.id', 'required field is missing'],
    [
      'an unknown field',
      { nickname: 'x' },
      '$.nickname',
      'unknown field: Sample has no field nickname',
    ],
    ['a wrong primitive', { flag: 'yes' }, '$.flag', 'expected a boolean, got "yes"'],
    ['a UUID', { id: 'nope' }, '$.id', 'expected a UUID, got "nope"'],
    ['an email', { email: 'a@b' }, '$.email', 'expected an email address, got "a@b"'],
    ['a URL', { site: 'example.com' }, '$.site', 'expected an absolute URL, got "example.com"'],
    ['a date', { day: '2023-02-29' }, '$.day', 'expected a date (YYYY-MM-DD), got "2023-02-29"'],
    [
      'a date-time',
      { at: '2024-02-29T12:00:00' },
      '$.at',
      'expected a date-time with an offset (YYYY-MM-DDThh:mm:ssZ), got "2024-02-29T12:00:00"',
    ],
    ['an exclusive minimum', { ratio: 0 }, '$.ratio', 'must be > 0, got 0'],
    ['an exclusive maximum', { ratio: 1 }, '$.ratio', 'must be < 1, got 1'],
    ['an integer', { days: 1.5 }, '$.days', 'expected an integer, got 1.5'],
    [
      'a safe integer',
      { days: 2 ** 53 },
      '$.days',
      'expected a safe integer (at most 2^53 - 1 in magnitude), got 9007199254740992',
    ],
    ['an alias constraint', { days: -1 }, '$.days', 'must be >= 0, got -1'],
    ['a constraint added to an alias', { short: 11 }, '$.short', 'must be <= 10, got 11'],
    ['an alias constraint under added ones', { short: -1 }, '$.short', 'must be >= 0, got -1'],
    ['a pattern', { code: 'AB1' }, '$.code', 'must match the pattern /^[A-Z]{3}$/'],
    ['a minimum length', { name: '' }, '$.name', 'must be at least 1 character long, got 0'],
    ['a maximum length', { name: 'Adaline' }, '$.name', 'must be at most 5 characters long, got 7'],
    ['a minimum of items', { tags: [] }, '$.tags', 'must have at least 1 item, got 0'],
    [
      'a maximum of items',
      { tags: ['a', 'b', 'c', 'd'] },
      '$.tags',
      'must have at most 3 items, got 4',
    ],
    [
      'unique items',
      { tags: ['a', 'b', 'a'] },
      '$.tags[2]',
      'items must be unique: equals $.tags[0]',
    ],
    ['a list item', { tags: ['a', 7] }, '$.tags[1]', 'expected a string, got 7'],
    ['a list', { tags: 'a' }, '$.tags', 'expected a list, got "a"'],
    [
      'a map value',
      { scores: { 'big data': 'x' } },
      '$.scores["big data"]',
      'expected an integer, got "x"',
    ],
    ['a map', { scores: [1] }, '$.scores', 'expected a map (an object), got an array'],
    ['an enum', { color: 'blue' }, '$.color', 'expected one of "red", "green", got "blue"'],
    [
      'a union',
      { pet: { name: 'Tom' } },
      '$.pet',
      'expected Cat | Dog, got a value that fits none: $.pet.lives: required field is missing; $.pet.good: required field is missing',
    ],
    ['an optional field', { note: null }, '$.note', 'expected a string, got null'],
    [
      'a nested record',
      { next: { ...sample, day: 'x' } },
      '$.next.day',
      'expected a date (YYYY-MM-DD), got "x"',
    ],
    [
      'a nullable item',
      { codes: [null, 'abc'] },
      '$.codes[1]',
      'must match the pattern /^[A-Z]{3}$/',
    ],
    ['a record', { next: [] }, '$.next', 'expected an object (Sample), got an array'],
  ];

  it.each(violations)('report %s at its path', (_, change, path, message) => {
    expect(validate({ ...sample, ...change })).toEqual(failure(path, message));
  });

  it('report a value that is not an object at the root, or at the path given', () => {
    expect(validate('x')).toEqual(failure('$', 'expected an object (Sample), got "x"'));
    expect(validate(null, '$.body')).toEqual(
      failure('$.body', 'expected an object (Sample), got null'),
    );
  });
});

const INVARIANTS = `type Point { x: Int, y: Int }
type Pair {
  a: Point
  b: Point
  invariant a != b
}
type Period {
  start: DateTime
  end: DateTime
  nick?: String
  limit?: Int
  tags: List<String>
  invariant end >= start
  invariant nick != null implies len(nick) <= 3
  invariant len(tags) <= (limit ?? 2)
  invariant all t in tags: matches(t, "^[a-z]+$")
  invariant not ("x" in tags)
  invariant (nick ?? "") != "n/a" or limit == null
}
`;

describe('validators of invariants', () => {
  let module: GeneratedModule;
  beforeAll(async () => {
    module = await load('invariants', await typesOf(INVARIANTS));
  });

  const period = { start: '2024-01-01T10:00:00+02:00', end: '2024-01-01T09:00:00Z', tags: [] };
  const failed = (source: string, line: number) =>
    failure('$', `invariant failed: ${source} (main.specl:${line}:3)`);

  it('compare date-times as instants, whatever their offsets', () => {
    const validate = validatorOf(module, 'Period');
    expect(validate(period)).toEqual(OK);
    expect(validate({ ...period, end: '2024-01-01T07:59:59Z' })).toEqual(
      failed('end >= start', 14),
    );
  });

  it('short-circuit implies, and read absent optional fields as absent', () => {
    const validate = validatorOf(module, 'Period');
    expect(validate({ ...period, nick: 'abc' })).toEqual(OK);
    expect(validate({ ...period, nick: 'abcd' })).toEqual(
      failed('nick != null implies len(nick) <= 3', 15),
    );
  });

  it('default absent values with ??', () => {
    const validate = validatorOf(module, 'Period');
    expect(validate({ ...period, tags: ['a', 'b'] })).toEqual(OK);
    expect(validate({ ...period, tags: ['a', 'b', 'c'] })).toEqual(
      failed('len(tags) <= (limit ?? 2)', 16),
    );
    expect(validate({ ...period, tags: ['a', 'b', 'c'], limit: 3 })).toEqual(OK);
    expect(validate({ ...period, nick: 'n/a' })).toEqual(OK);
    expect(validate({ ...period, nick: 'n/a', limit: 1 })).toEqual(
      failed('(nick ?? "") != "n/a" or limit == null', 19),
    );
  });

  it('quantify over lists, match patterns and test membership', () => {
    const validate = validatorOf(module, 'Period');
    expect(validate({ ...period, tags: ['a', 'B'] })).toEqual(
      failed('all t in tags: matches(t, "^[a-z]+$")', 17),
    );
    expect(validate({ ...period, tags: ['a', 'x'] })).toEqual(failed('not ("x" in tags)', 18));
  });

  it('compare records structurally', () => {
    const validate = validatorOf(module, 'Pair');
    expect(validate({ a: { x: 1, y: 2 }, b: { x: 2, y: 1 } })).toEqual(OK);
    expect(validate({ a: { x: 1, y: 2 }, b: { y: 2, x: 1 } })).toEqual(
      failure('$', 'invariant failed: a != b (main.specl:6:3)'),
    );
  });

  it('check invariants of records nested in others, at their paths', () => {
    const validate = validatorOf(module, 'Pair');
    expect(validate({ a: { x: 1, y: 2 }, b: { x: 2, y: 1.5 } })).toEqual(
      failure('$.b.y', 'expected an integer, got 1.5'),
    );
  });
});
