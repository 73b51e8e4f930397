import fc from 'fast-check';
import { deferred } from './deferred-arbitrary.js';

/**
 * Arbitraries biased toward the edges of what a spec allows: every constraint's boundaries and
 * their neighbours, sizes spread over the whole allowed range, big integers, fractions, dates at
 * month and year ends, and characters that trip text handling. Bias, not replacement: most
 * values still come from fast-check's own random search, which shrinks as before.
 */

/** How often the plain random search is drawn, against each biased one. */
const PLAIN = 4;

/** The largest size drawn for a string or list without a maximum, or spread over its range. */
const SPREAD_CAP = 256;

/**
 * Code points that trip text handling: outside the BMP (two UTF-16 units), combining marks,
 * precomposed and decomposed forms (equal after normalisation), case pairs that change length
 * or fold oddly, a no-break space.
 */
const TRICKY = [
  '😀',
  '𝔸',
  '\u0301',
  'e',
  'é',
  '\u212b',
  'Å',
  '\u212a',
  'ß',
  'İ',
  'ﬁ',
  '\u00a0',
  'a',
  'Z',
];

/** The code points below the surrogates, and how far the code points above them are shifted. */
const BELOW_SURROGATES = 0xd800;
const SURROGATES = 0x800;

/**
 * One code point, not a surrogate: the same values as fast-check's `unit: 'binary'` for the
 * same seed (an index among the 1,112,064 code points, in order), but read back by arithmetic.
 * fast-check's own unit reads a value back through a table of every code point, which it
 * builds the first time a string of it is made (about 5 s of CPU on a loaded machine, for the
 * "dangerous strings" it mixes in), once per process: most of a short verification's time.
 */
const CODE_POINT: fc.Arbitrary<string> = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (index) => String.fromCodePoint(index < BELOW_SURROGATES ? index : index + SURROGATES),
  (value) => {
    if (typeof value !== 'string' || value.length === 0 || value.length > 2)
      throw new Error('not one code point');
    const point = value.codePointAt(0)!;
    if (String.fromCodePoint(point) !== value || (point >= 0xd800 && point <= 0xdfff))
      throw new Error('not one code point');
    return point < BELOW_SURROGATES ? point : point - SURROGATES;
  },
);

const inRange = (min: number, max: number) => (n: number) => n >= min && n <= max;

function distinct(values: readonly number[]): number[] {
  return [...new Set(values.map((v) => (Object.is(v, -0) ? 0 : v)))];
}

/** A whole number in `[min, max]` (safe integers), often at a bound, its neighbour, or ±2^53. */
export function edgeInteger(min: number, max: number): fc.Arbitrary<number> {
  const plain =
    min >= -(2 ** 31) && max < 2 ** 31
      ? fc.integer({ min, max })
      : fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
  const big = Number.MAX_SAFE_INTEGER;
  const edges = distinct([min, min + 1, max - 1, max, 0, 1, -1, 2 ** 31 - 1, -(2 ** 31), big, -big])
    .filter(Number.isSafeInteger)
    .filter(inRange(min, max));
  return fc.oneof(
    { weight: PLAIN, arbitrary: plain },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  );
}

/** The bounds of a float, as fast-check's `fc.double` takes them. */
export interface DoubleBounds {
  readonly min?: number;
  readonly max?: number;
  readonly minExcluded?: boolean;
  readonly maxExcluded?: boolean;
}

/** A finite float in its bounds, often at a bound or just inside it, a fraction, or near ±2^53. */
export function edgeDouble(bounds: DoubleBounds = {}): fc.Arbitrary<number> {
  const plain = fc.double({ ...bounds, noNaN: true, noDefaultInfinity: true });
  const low = bounds.min ?? -Number.MAX_VALUE;
  const high = bounds.max ?? Number.MAX_VALUE;
  const fits = (n: number) =>
    Number.isFinite(n) &&
    (bounds.minExcluded ? n > low : n >= low) &&
    (bounds.maxExcluded ? n < high : n <= high);
  const step = (n: number) => Math.max(Math.abs(n) * Number.EPSILON, Number.MIN_VALUE);
  const big = 2 ** 53;
  const candidates = [low, low + step(low), high, high - step(high), 0, 0.5, -0.5, 0.1, 1e-9];
  const edges = distinct([...candidates, big, -big, big + 2, -(big + 2)]).filter(fits);
  if (edges.length === 0) return plain;
  return fc.oneof(
    { weight: PLAIN, arbitrary: plain },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  );
}

/** The lengths of a string or list. */
export interface SizeBounds {
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** The lengths at the edges of a range, and one past the minimum and short of the maximum. */
function edgeLengths(min: number, max: number): number[] {
  return distinct([min, min + 1, max - 1, max]).filter(inRange(min, max));
}

/**
 * A string of any code points, its length (in code points) in its bounds: often of a length
 * spread over the whole allowed range (up to `maxLength`, not only the short strings random
 * search favours), at a boundary length, or made of characters that trip text handling.
 */
export function edgeString(bounds: SizeBounds = {}): fc.Arbitrary<string> {
  // Deferred: fast-check maps every code point when a string of any code point is made.
  return deferred(() => edgeStringNow(bounds));
}

function edgeStringNow(bounds: SizeBounds): fc.Arbitrary<string> {
  const min = bounds.minLength ?? 0;
  const top = bounds.maxLength ?? min + SPREAD_CAP;
  const plain = fc.string({ unit: CODE_POINT, minLength: min, maxLength: bounds.maxLength });
  const spread = fc.string({ unit: CODE_POINT, minLength: min, maxLength: top, size: 'max' });
  const exact = fc
    .constantFrom(...edgeLengths(min, top))
    .chain((n) => fc.string({ unit: 'grapheme-ascii', minLength: n, maxLength: n }));
  const tricky = fc.string({ unit: fc.constantFrom(...TRICKY), minLength: min, maxLength: top });
  return fc.oneof(
    { weight: PLAIN, arbitrary: plain },
    { weight: 1, arbitrary: spread },
    { weight: 1, arbitrary: exact },
    { weight: 1, arbitrary: tricky },
  );
}

/** A list's bounds, and how its items compare when they must be unique. */
export interface ListBounds extends SizeBounds {
  readonly comparator?: (a: unknown, b: unknown) => boolean;
  /**
   * How many items beyond `minLength` a spread or boundary length may reach (default 256).
   * Lists whose items are themselves big (lists, or records holding lists) take a small one:
   * nested spreads multiply (a list of 256 lists of 256 records is 65,536 records).
   */
  readonly spread?: number;
}

/**
 * A list of `element`s in its bounds: often with a size spread over the whole allowed range, or
 * (for lists whose items need not be unique) exactly full or at the least allowed.
 */
export function edgeArray<T>(element: fc.Arbitrary<T>, bounds: ListBounds = {}): fc.Arbitrary<T[]> {
  const min = bounds.minLength ?? 0;
  const cap = bounds.spread ?? SPREAD_CAP;
  const top = Math.min(bounds.maxLength ?? min + cap, min + cap);
  const { comparator } = bounds;
  const list = (minLength: number, maxLength: number | undefined, size?: 'max') =>
    comparator
      ? fc.uniqueArray(element, { minLength, maxLength, comparator, ...(size && { size }) })
      : fc.array(element, { minLength, maxLength, ...(size && { size }) });
  const plain = list(min, bounds.maxLength);
  const spread = list(min, top, 'max');
  if (comparator)
    return fc.oneof({ weight: PLAIN, arbitrary: plain }, { weight: 1, arbitrary: spread });
  const exact = fc.constantFrom(...edgeLengths(min, top)).chain((n) => list(n, n));
  return fc.oneof(
    { weight: PLAIN, arbitrary: plain },
    { weight: 1, arbitrary: spread },
    { weight: 1, arbitrary: exact },
  );
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/** The first or last day of a month, in years that matter (leap years, century ends). */
const monthEdge = fc
  .record({
    year: fc.oneof(
      fc.integer({ min: 1, max: 9999 }),
      fc.constantFrom(1, 1900, 1970, 1999, 2000, 2024, 2038, 2100, 9999),
    ),
    month: fc.integer({ min: 1, max: 12 }),
    last: fc.boolean(),
  })
  .map(({ year, month, last }) => ({
    date: `${pad(year, 4)}-${pad(month, 2)}-${pad(last ? daysIn(year, month) : 1, 2)}`,
    last,
  }));

const DATE_RANGE = {
  min: new Date('0001-01-01T00:00:00.000Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
};

/** A date (`2024-02-29`), often the first or last day of a month or year. */
export function edgeDate(): fc.Arbitrary<string> {
  const plain = fc.date(DATE_RANGE).map((d) => d.toISOString().slice(0, 10));
  return fc.oneof(
    { weight: PLAIN, arbitrary: plain },
    { weight: 1, arbitrary: monthEdge.map((e) => e.date) },
  );
}

/** A date-time (UTC), often the first or last instant of a month or year. */
export function edgeDateTime(): fc.Arbitrary<string> {
  const plain = fc.date(DATE_RANGE).map((d) => d.toISOString());
  const edge = monthEdge.map((e) => `${e.date}T${e.last ? '23:59:59.999' : '00:00:00.000'}Z`);
  return fc.oneof({ weight: PLAIN, arbitrary: plain }, { weight: 1, arbitrary: edge });
}
