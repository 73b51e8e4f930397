import { describe, expect, it } from 'vitest';
import { deepEqual, inList, isAbsent } from '@specl/runtime';

describe('deepEqual', () => {
  it('compares scalars by value', () => {
    expect(deepEqual(1, 1)).toBe(true);
    expect(deepEqual(1, 1.0)).toBe(true);
    expect(deepEqual(1, 2)).toBe(false);
    expect(deepEqual('a', 'a')).toBe(true);
    expect(deepEqual('1', 1)).toBe(false);
    expect(deepEqual(true, true)).toBe(true);
    expect(deepEqual(true, 1)).toBe(false);
    expect(deepEqual(NaN, NaN)).toBe(true);
  });

  it('treats null and undefined as one absent value', () => {
    expect(deepEqual(null, undefined)).toBe(true);
    expect(deepEqual(undefined, undefined)).toBe(true);
    expect(deepEqual(null, 0)).toBe(false);
    expect(deepEqual('', undefined)).toBe(false);
    expect(isAbsent(null) && isAbsent(undefined) && !isAbsent(0)).toBe(true);
  });

  it('compares lists item by item', () => {
    expect(deepEqual([1, [2, 3]], [1, [2, 3]])).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual([1], [1, 1])).toBe(false);
    expect(deepEqual([], {})).toBe(false);
  });

  it('compares records by key, a key with an absent value counting as missing', () => {
    expect(deepEqual({ a: 1, b: { c: [1] } }, { b: { c: [1] }, a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(deepEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: 0 })).toBe(false);
  });

  it('compares class instances by identity', () => {
    const date = new Date(0);
    expect(deepEqual(date, date)).toBe(true);
    expect(deepEqual(new Date(0), new Date(0))).toBe(false);
  });
});

describe('inList', () => {
  it('finds structurally equal items', () => {
    expect(inList({ a: [1] }, [{ a: [2] }, { a: [1] }])).toBe(true);
    expect(inList('b', ['a', 'c'])).toBe(false);
    expect(inList(null, [undefined])).toBe(true);
  });

  it('finds nothing in an absent list', () => {
    expect(inList(1, undefined)).toBe(false);
    expect(inList(1, null)).toBe(false);
  });
});
