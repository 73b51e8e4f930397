import type { ConstraintsIR } from '../../ir/spec-ir.js';
import { tsNumber } from '../typescript/ts-syntax.js';

/**
 * Constraints as they apply to one generated value: an alias's own joined with a use site's
 * (each bound the tighter of the two), and every pattern that must match.
 */
export interface Effective extends Omit<ConstraintsIR, 'pattern'> {
  readonly patterns: readonly string[];
}

/** No constraints. */
export const NONE: Effective = { patterns: [] };

const larger = (a?: number, b?: number) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);
const smaller = (a?: number, b?: number) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

/** Joins written constraints to effective ones: both hold. */
export function join(written: ConstraintsIR, outer: Effective): Effective {
  const patterns = [...outer.patterns];
  if (written.pattern !== undefined && !patterns.includes(written.pattern))
    patterns.unshift(written.pattern);
  const unique = written.unique === true || outer.unique === true;
  const entries = {
    min: larger(written.min, outer.min),
    max: smaller(written.max, outer.max),
    exclusiveMin: larger(written.exclusiveMin, outer.exclusiveMin),
    exclusiveMax: smaller(written.exclusiveMax, outer.exclusiveMax),
    minLength: larger(written.minLength, outer.minLength),
    maxLength: smaller(written.maxLength, outer.maxLength),
    minItems: larger(written.minItems, outer.minItems),
    maxItems: smaller(written.maxItems, outer.maxItems),
  };
  const defined = Object.entries(entries).filter(([, value]) => value !== undefined);
  return { ...Object.fromEntries(defined), ...(unique && { unique }), patterns };
}

/** Whether there is nothing to apply. */
export function isNone(c: Effective): boolean {
  return Object.keys(c).length === 1 && c.patterns.length === 0;
}

/** `{ a: 1, b: 2 }`, or nothing for no entries; `undefined` values left out. */
export function options(entries: Record<string, string | number | undefined>): string {
  const set = Object.entries(entries).filter(([, value]) => value !== undefined);
  if (set.length === 0) return '';
  const text = (v: string | number) => (typeof v === 'number' ? tsNumber(v) : v);
  return `{ ${set.map(([key, value]) => `${key}: ${text(value!)}`).join(', ')} }`;
}

/**
 * An `Int` in its bounds (the safe-integer range on each side left open), biased to its edges
 * by `edge` (the runtime's `edgeInteger`, as imported).
 */
export function integerArbitrary(c: Effective, edge: string): string {
  const lows = [Number.MIN_SAFE_INTEGER];
  if (c.min !== undefined) lows.push(Math.ceil(c.min));
  if (c.exclusiveMin !== undefined) lows.push(Math.floor(c.exclusiveMin) + 1);
  const highs = [Number.MAX_SAFE_INTEGER];
  if (c.max !== undefined) highs.push(Math.floor(c.max));
  if (c.exclusiveMax !== undefined) highs.push(Math.ceil(c.exclusiveMax) - 1);
  const min = Math.max(...lows);
  const max = Math.min(...highs);
  return `${edge}(${tsNumber(min)}, ${tsNumber(max)})`;
}

/** The tighter of an inclusive and an exclusive bound, as fc.double's value and flag. */
function bound(
  inclusive: number | undefined,
  exclusive: number | undefined,
  tighter: (a: number, b: number) => boolean,
): { value?: number; excluded: boolean } {
  if (exclusive === undefined)
    return { ...(inclusive !== undefined && { value: inclusive }), excluded: false };
  if (inclusive !== undefined && tighter(inclusive, exclusive))
    return { value: inclusive, excluded: false };
  return { value: exclusive, excluded: true };
}

/** A `Float` in its bounds: finite, never NaN, biased to its edges by `edge` (`edgeDouble`). */
export function doubleArbitrary(c: Effective, edge: string): string {
  const low = bound(c.min, c.exclusiveMin, (a, b) => a > b);
  const high = bound(c.max, c.exclusiveMax, (a, b) => a < b);
  const entries = {
    min: low.value,
    minExcluded: low.excluded ? 'true' : undefined,
    max: high.value,
    maxExcluded: high.excluded ? 'true' : undefined,
  };
  return `${edge}(${options(entries)})`;
}
