import { describe, expect, it } from 'vitest';
import { statusKeyed } from '../../../packages/compiler/src/emit/openapi/status-keyed.js';

// A `responses` object made small must be what Object.fromEntries makes of the same statuses:
// the same keys in the same order, the same values and descriptors, the same JSON.
describe('an object keyed by HTTP status', () => {
  const cases: [string, unknown][][] = [
    [],
    [['200', { description: 'OK' }]],
    [
      ['200', { a: 1 }],
      ['404', { b: 2 }],
      ['422', { c: 3 }],
    ],
    [
      ['201', 'created'],
      ['204', 'none'],
      ['4XX', 'client'],
      ['500', 'server'],
      ['5XX', 'servers'],
      ['default', 'other'],
    ],
    [
      ['default', 'last given first'],
      ['999', 'big'],
      ['100', 'small'],
    ],
  ];

  it.each(cases.map((entries) => [entries.map(([k]) => k).join(',') || 'none', entries] as const))(
    'is what Object.fromEntries makes (%s)',
    (_, entries) => {
      const made = statusKeyed(entries);
      const expected = Object.fromEntries(entries);
      expect(Object.keys(made)).toEqual(Object.keys(expected));
      expect(JSON.stringify(made)).toBe(JSON.stringify(expected));
      expect(Object.getOwnPropertyDescriptors(made)).toEqual(
        Object.getOwnPropertyDescriptors(expected),
      );
      expect(Object.getPrototypeOf(made)).toBe(Object.prototype);
      for (const [key, value] of entries) expect(made[key]).toBe(value);
    },
  );
});
