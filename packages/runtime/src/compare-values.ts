import { parseInstant } from './calendar.js';
import { isAbsent } from './deep-equal.js';

/** How two values are ordered: as numbers, as text, as days, or as instants. */
export type ComparisonKind = 'number' | 'string' | 'date' | 'datetime';

function sign(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareInstants(a: unknown, b: unknown): number | undefined {
  const x = parseInstant(a);
  const y = parseInstant(b);
  if (x === undefined || y === undefined) return undefined;
  if (x.seconds !== y.seconds) return sign(x.seconds, y.seconds);
  // Fractions without trailing zeros order as text: "05" < "5", "5" < "51".
  return sign(x.fraction, y.fraction);
}

/**
 * Orders two values as Specl's `<`, `<=`, `>`, `>=` do: a negative number when `a` comes
 * first, 0 when they are equal, a positive number when `b` comes first.
 *
 * - `number`: numerically.
 * - `string`: by UTF-16 code units, as JavaScript's `<` (lexicographic).
 * - `date`: chronologically; a valid `YYYY-MM-DD` orders the same as its text.
 * - `datetime`: as instants, so `10:00:00+01:00` equals `09:00:00Z`; fractions of a second
 *   compare exactly. A side that is not a valid date-time falls back to its text.
 *
 * Without a kind: numbers when both are numbers, instants when both are valid date-times,
 * otherwise text. Absent values (never compared by checked specs) come first.
 */
export function compareValues(a: unknown, b: unknown, kind?: ComparisonKind): number {
  if (isAbsent(a) || isAbsent(b)) return (isAbsent(a) ? 0 : 1) - (isAbsent(b) ? 0 : 1);
  if (typeof a === 'number' && typeof b === 'number') return sign(a, b);
  if (kind === 'datetime' || kind === undefined) {
    const instants = compareInstants(a, b);
    if (instants !== undefined) return instants;
  }
  return sign(String(a), String(b));
}

/**
 * Whether two `DateTime`s name the same instant (Specl's `==` on date-times): absent values
 * equal each other only; values that are not valid date-times compare as text.
 */
export function sameInstant(a: unknown, b: unknown): boolean {
  if (isAbsent(a) || isAbsent(b)) return isAbsent(a) && isAbsent(b);
  return compareValues(a, b, 'datetime') === 0;
}
