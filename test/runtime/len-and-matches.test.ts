import { describe, expect, it } from 'vitest';
import { codePointLength, len, matches } from '@specl/runtime';

describe('len', () => {
  it('counts code points of strings, items of lists and keys of maps', () => {
    expect(len('abc')).toBe(3);
    expect(len('😀a')).toBe(2);
    expect(len('')).toBe(0);
    expect(len([1, 2])).toBe(2);
    expect(len({ a: 1, b: 2, c: 3 })).toBe(3);
    expect(len(undefined)).toBe(0);
  });

  it('counts a lone surrogate as one code point', () => {
    expect(codePointLength('\ud83d')).toBe(1);
    expect(codePointLength('\ud83dx')).toBe(2);
  });
});

describe('matches', () => {
  it('searches anywhere in the string, with Unicode semantics', () => {
    expect(matches('abc', 'b')).toBe(true);
    expect(matches('abc', '^b')).toBe(false);
    expect(matches('😀', '^.$')).toBe(true);
    expect(matches('Ä', '^\\p{Lu}$')).toBe(true);
  });

  it('matches nothing that is not a string', () => {
    expect(matches(12, '1')).toBe(false);
  });
});
