import { describe, expect, it } from 'vitest';
import type { Check } from '@specl/runtime';
import {
  checkBool,
  checkDate,
  checkDateTime,
  checkEmail,
  checkEnum,
  checkFloat,
  checkInt,
  checkList,
  checkMap,
  checkNullable,
  checkRefined,
  checkString,
  checkUnion,
  checkUrl,
  checkUuid,
  fieldPath,
  onlyFields,
  optionalField,
  requiredField,
  valid,
} from '@specl/runtime';

const fail = (path: string, message: string) => ({ ok: false, path, message });

describe('primitive checks', () => {
  it('checks strings and their constraints', () => {
    expect(checkString('abc', '$')).toEqual(valid);
    expect(checkString(3, '$.name')).toEqual(fail('$.name', 'expected a string, got 3'));
    expect(checkString('', '$', { minLength: 1 })).toEqual(
      fail('$', 'must be at least 1 character long, got 0'),
    );
    expect(checkString('😀😀😀', '$', { maxLength: 3 })).toEqual(valid);
    expect(checkString('abcd', '$', { maxLength: 3 })).toEqual(
      fail('$', 'must be at most 3 characters long, got 4'),
    );
    expect(checkString('ab1', '$', { pattern: '^[a-z]+$' })).toEqual(
      fail('$', 'must match the pattern /^[a-z]+$/'),
    );
  });

  it('checks safe integers and finite floats, with bounds', () => {
    expect(checkInt(3, '$')).toEqual(valid);
    expect(checkInt(1.5, '$')).toEqual(fail('$', 'expected an integer, got 1.5'));
    expect(checkInt('3', '$')).toEqual(fail('$', 'expected an integer, got "3"'));
    expect(checkInt(2 ** 53, '$')).toEqual(
      fail('$', 'expected a safe integer (at most 2^53 - 1 in magnitude), got 9007199254740992'),
    );
    expect(checkInt(-1, '$', { min: 0 })).toEqual(fail('$', 'must be >= 0, got -1'));
    expect(checkInt(367, '$', { max: 366 })).toEqual(fail('$', 'must be <= 366, got 367'));
    expect(checkFloat(0, '$', { exclusiveMin: 0 })).toEqual(fail('$', 'must be > 0, got 0'));
    expect(checkFloat(1, '$', { exclusiveMax: 1 })).toEqual(fail('$', 'must be < 1, got 1'));
    expect(checkFloat(0.5, '$', { exclusiveMin: 0, exclusiveMax: 1 })).toEqual(valid);
    expect(checkFloat(NaN, '$')).toEqual(fail('$', 'expected a finite number, got NaN'));
    expect(checkFloat(Infinity, '$')).toEqual(fail('$', 'expected a finite number, got Infinity'));
  });

  it('checks booleans and string formats', () => {
    expect(checkBool(false, '$')).toEqual(valid);
    expect(checkBool(null, '$')).toEqual(fail('$', 'expected a boolean, got null'));
    expect(checkUuid('x', '$')).toEqual(fail('$', 'expected a UUID, got "x"'));
    expect(checkEmail('x', '$')).toEqual(fail('$', 'expected an email address, got "x"'));
    expect(checkUrl('x', '$')).toEqual(fail('$', 'expected an absolute URL, got "x"'));
    expect(checkDate('2024-02-30', '$')).toEqual(
      fail('$', 'expected a date (YYYY-MM-DD), got "2024-02-30"'),
    );
    expect(checkDateTime('2024-01-01', '$')).toEqual(
      fail('$', 'expected a date-time with an offset (YYYY-MM-DDThh:mm:ssZ), got "2024-01-01"'),
    );
    expect(checkUuid(1, '$')).toEqual(fail('$', 'expected a string, got 1'));
    expect(checkEmail('a@example.com', '$', { maxLength: 5 })).toEqual(
      fail('$', 'must be at most 5 characters long, got 13'),
    );
  });

  it('cuts long strings in messages', () => {
    const result = checkInt('x'.repeat(100), '$');
    expect(result).toEqual(fail('$', `expected an integer, got "${'x'.repeat(35)}..."`));
  });
});

describe('structure checks', () => {
  const string: Check = (v, p) => checkString(v, p);

  it('checks lists: counts, uniqueness, then items', () => {
    expect(checkList(['a'], '$.tags', string)).toEqual(valid);
    expect(checkList('a', '$.tags', string)).toEqual(fail('$.tags', 'expected a list, got "a"'));
    expect(checkList(['a', 1], '$.tags', string)).toEqual(
      fail('$.tags[1]', 'expected a string, got 1'),
    );
    expect(checkList([], '$.tags', string, { minItems: 1 })).toEqual(
      fail('$.tags', 'must have at least 1 item, got 0'),
    );
    expect(checkList(['a', 'b', 'c'], '$.tags', string, { maxItems: 2 })).toEqual(
      fail('$.tags', 'must have at most 2 items, got 3'),
    );
    expect(checkList(['a', 'b', 'c', 'b'], '$.tags', string, { unique: true })).toEqual(
      fail('$.tags[3]', 'items must be unique: equals $.tags[1]'),
    );
    // The shortest lists: none or one item is unique, two equal ones are not.
    for (const list of [[], ['a']])
      expect(checkList(list, '$.tags', string, { unique: true })).toEqual(valid);
    expect(checkList(['a', 'a'], '$.tags', string, { unique: true })).toEqual(
      fail('$.tags[1]', 'items must be unique: equals $.tags[0]'),
    );
    // 1 and '1' differ: uniqueness is structural, not textual.
    expect(checkList([1, '1', null], '$', () => valid, { unique: true })).toEqual(valid);
    expect(checkList([{ a: [1] }, { a: [1] }], '$', () => valid, { unique: true })).toEqual(
      fail('$[1]', 'items must be unique: equals $[0]'),
    );
  });

  it('checks maps by key', () => {
    expect(checkMap({ a: 'x', 'b c': 'y' }, '$', string)).toEqual(valid);
    expect(checkMap({ a: 'x', 'b c': 2 }, '$', string)).toEqual(
      fail('$["b c"]', 'expected a string, got 2'),
    );
    expect(checkMap([], '$', string)).toEqual(
      fail('$', 'expected a map (an object), got an array'),
    );
  });

  it('checks nullable values, enums and unions', () => {
    expect(checkNullable(null, '$', string)).toEqual(valid);
    expect(checkNullable(1, '$', string)).toEqual(fail('$', 'expected a string, got 1'));
    expect(checkEnum('b', '$', ['a', 'b'])).toEqual(valid);
    expect(checkEnum('c', '$', ['a', 'b'])).toEqual(fail('$', 'expected one of "a", "b", got "c"'));
    const number: Check = (v, p) => checkInt(v, p);
    expect(checkUnion(1, '$', [string, number], 'string | number')).toEqual(valid);
    expect(checkUnion(true, '$', [string, number], 'string | number')).toEqual(
      fail(
        '$',
        'expected string | number, got a value that fits none: expected a string, got true; expected an integer, got true',
      ),
    );
  });

  it('checks added constraints after the named check', () => {
    const days: Check = (v, p) => checkInt(v, p, { min: 0 });
    expect(checkRefined(5, '$', days, { max: 10 })).toEqual(valid);
    expect(checkRefined(-1, '$', days, { max: 10 })).toEqual(fail('$', 'must be >= 0, got -1'));
    expect(checkRefined(11, '$', days, { max: 10 })).toEqual(fail('$', 'must be <= 10, got 11'));
    expect(checkRefined('abc', '$', string, { maxLength: 2 })).toEqual(
      fail('$', 'must be at most 2 characters long, got 3'),
    );
    expect(checkRefined([1, 1], '$', () => valid, { unique: true })).toEqual(
      fail('$[1]', 'items must be unique: equals $[0]'),
    );
  });
});

describe('record checks', () => {
  const string: Check = (v, p) => checkString(v, p);

  it('checks required and optional fields', () => {
    expect(requiredField({ a: 'x' }, 'a', '$', string)).toEqual(valid);
    expect(requiredField({}, 'a', '$', string)).toEqual(fail('$.a', 'required field is missing'));
    expect(requiredField({ a: undefined }, 'a', '$', string)).toEqual(
      fail('$.a', 'required field is missing'),
    );
    expect(requiredField({ a: null }, 'a', '$', string)).toEqual(
      fail('$.a', 'expected a string, got null'),
    );
    expect(optionalField({}, 'a', '$.x', string)).toEqual(valid);
    expect(optionalField({ a: null }, 'a', '$.x', string)).toEqual(
      fail('$.x.a', 'expected a string, got null'),
    );
  });

  it('does not read inherited properties as fields', () => {
    expect(requiredField({}, 'toString', '$', () => valid)).toEqual(
      fail('$.toString', 'required field is missing'),
    );
  });

  it('reports fields a record does not have', () => {
    expect(onlyFields({ a: 1, b: undefined }, '$', 'T', ['a'])).toEqual(valid);
    expect(onlyFields({ a: 1, 'c d': 2 }, '$', 'T', ['a'])).toEqual(
      fail('$["c d"]', 'unknown field: T has no field c d'),
    );
  });

  it('writes paths of odd keys as JSON strings', () => {
    expect(fieldPath('$', 'name')).toBe('$.name');
    expect(fieldPath('$', '0')).toBe('$["0"]');
    expect(fieldPath('$', 'a"b')).toBe('$["a\\"b"]');
    // Names written as identifiers: ASCII letters, `_` and `$`, then digits too.
    for (const name of ['_', '$', 'a1', 'Z_9$', 'camelCase'])
      expect(fieldPath('$.x', name)).toBe(`$.x.${name}`);
    for (const name of ['', '1a', 'a-b', 'a b', 'é', 'a\u00e9', '@', '[', '`', '{', '/', ':'])
      expect(fieldPath('$', name)).toBe(`$[${JSON.stringify(name)}]`);
  });
});
