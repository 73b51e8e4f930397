import { describe, expect, it } from 'vitest';
import { compareValues, parseInstant, sameInstant } from '@specl/runtime';

const sign = (n: number) => Math.sign(n);

describe('compareValues', () => {
  it('orders numbers numerically and strings by code units', () => {
    expect(sign(compareValues(2, 10))).toBe(-1);
    expect(sign(compareValues(10, 2, 'number'))).toBe(1);
    expect(compareValues(1, 1.0)).toBe(0);
    expect(sign(compareValues('10', '2', 'string'))).toBe(-1);
    expect(sign(compareValues('b', 'a'))).toBe(1);
    expect(sign(compareValues('Z', 'a'))).toBe(-1);
  });

  it('orders dates chronologically', () => {
    expect(sign(compareValues('2024-01-31', '2024-02-01', 'date'))).toBe(-1);
    expect(compareValues('2024-02-29', '2024-02-29', 'date')).toBe(0);
    expect(sign(compareValues('2025-01-01', '2024-12-31', 'date'))).toBe(1);
  });

  it('orders date-times as instants, whatever their offsets and fractions', () => {
    expect(compareValues('2024-01-01T10:00:00+01:00', '2024-01-01T09:00:00Z', 'datetime')).toBe(0);
    expect(sign(compareValues('2024-01-01T10:00:00+01:00', '2024-01-01T09:30:00Z'))).toBe(-1);
    expect(sign(compareValues('2024-01-01T00:00:00-05:00', '2024-01-01T04:59:59Z'))).toBe(1);
    expect(compareValues('2024-01-01T00:00:00.500Z', '2024-01-01T00:00:00.5Z')).toBe(0);
    expect(sign(compareValues('2024-01-01T00:00:00.05Z', '2024-01-01T00:00:00.5Z'))).toBe(-1);
    expect(sign(compareValues('2024-01-01T00:00:00.51Z', '2024-01-01T00:00:00.5Z'))).toBe(1);
    expect(sign(compareValues('2023-12-31T23:00:00-02:00', '2024-01-01T00:30:00Z'))).toBe(1);
  });

  it('falls back to text for values that are not date-times', () => {
    expect(sign(compareValues('b', '2024-01-01T00:00:00Z', 'datetime'))).toBe(1);
  });

  it('tells instants apart and alike with sameInstant', () => {
    expect(sameInstant('2024-06-01T12:00:00+02:00', '2024-06-01T10:00:00Z')).toBe(true);
    expect(sameInstant('2024-06-01T12:00:00Z', '2024-06-01T10:00:00Z')).toBe(false);
    expect(sameInstant(undefined, null)).toBe(true);
    expect(sameInstant('2024-06-01T12:00:00Z', undefined)).toBe(false);
  });
});

describe('parseInstant', () => {
  it('reads seconds since the epoch, for every year', () => {
    expect(parseInstant('1970-01-01T00:00:00Z')).toEqual({ seconds: 0, fraction: '' });
    expect(parseInstant('2000-03-01T00:00:00Z')?.seconds).toBe(Date.UTC(2000, 2, 1) / 1000);
    expect(parseInstant('0004-02-29T00:00:00Z')?.seconds).toBe(
      new Date('0004-02-29T00:00:00Z').getTime() / 1000,
    );
    expect(parseInstant('1969-12-31T23:59:59.250Z')).toEqual({ seconds: -1, fraction: '25' });
  });

  it('accepts a leap second only at 23:59 UTC', () => {
    expect(parseInstant('2016-12-31T23:59:60Z')).toBeDefined();
    expect(parseInstant('2016-12-31T18:59:60-05:00')).toBeDefined();
    expect(parseInstant('2016-12-31T12:00:60Z')).toBeUndefined();
  });
});
