import { deepEqual } from './deep-equal.js';
import { codePointLength } from './len.js';
import { compilePattern } from './matches.js';
import type { ValidationResult } from './validation-result.js';
import { indexPath, invalid, valid } from './validation-result.js';

/** Constraints on a number (`Int`, `Float`): inclusive and exclusive bounds. */
export interface NumberConstraints {
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: number;
  readonly exclusiveMax?: number;
}

/** Constraints on a string or string format: lengths in code points, and a pattern. */
export interface StringConstraints {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** An ECMAScript regular expression that must match somewhere in the string. */
  readonly pattern?: string;
}

/** Constraints on a list: numbers of items, and whether items must differ structurally. */
export interface ListConstraints {
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly unique?: boolean;
}

/** Any of Specl's constraints, as a spec writes them after a type. */
export type Constraints = NumberConstraints & StringConstraints & ListConstraints;

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Checks a number against its bounds. */
export function checkNumberConstraints(
  value: number,
  path: string,
  constraints: NumberConstraints,
): ValidationResult {
  const { min, max, exclusiveMin, exclusiveMax } = constraints;
  if (min !== undefined && !(value >= min)) return invalid(path, `must be >= ${min}, got ${value}`);
  if (exclusiveMin !== undefined && !(value > exclusiveMin))
    return invalid(path, `must be > ${exclusiveMin}, got ${value}`);
  if (max !== undefined && !(value <= max)) return invalid(path, `must be <= ${max}, got ${value}`);
  if (exclusiveMax !== undefined && !(value < exclusiveMax))
    return invalid(path, `must be < ${exclusiveMax}, got ${value}`);
  return valid;
}

/** Checks a string's length (in code points) and pattern. */
export function checkStringConstraints(
  value: string,
  path: string,
  constraints: StringConstraints,
): ValidationResult {
  const { minLength, maxLength, pattern } = constraints;
  if (minLength !== undefined || maxLength !== undefined) {
    const length = codePointLength(value);
    if (minLength !== undefined && length < minLength)
      return invalid(
        path,
        `must be at least ${plural(minLength, 'character')} long, got ${length}`,
      );
    if (maxLength !== undefined && length > maxLength)
      return invalid(path, `must be at most ${plural(maxLength, 'character')} long, got ${length}`);
  }
  if (pattern !== undefined && !compilePattern(pattern).test(value))
    return invalid(path, `must match the pattern /${pattern}/`);
  return valid;
}

function isScalar(item: unknown): item is string | number | boolean {
  return typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean';
}

/** The index of an earlier item equal to the item at `index`, or -1. */
function earlierDuplicate(list: readonly unknown[], index: number, seen: Map<unknown, number>) {
  const item = list[index];
  if (isScalar(item)) {
    const first = seen.get(item);
    if (first !== undefined) return first;
    seen.set(item, index);
    return -1;
  }
  for (let j = 0; j < index; j++) if (deepEqual(list[j], item)) return j;
  return -1;
}

/**
 * Checks a list's number of items and, with `unique`, that no two items are structurally
 * equal: a duplicate is reported at its own path (`$.tags[3]`), naming the earlier item.
 */
export function checkListConstraints(
  value: readonly unknown[],
  path: string,
  constraints: ListConstraints,
): ValidationResult {
  const { minItems, maxItems, unique } = constraints;
  if (minItems !== undefined && value.length < minItems)
    return invalid(path, `must have at least ${plural(minItems, 'item')}, got ${value.length}`);
  if (maxItems !== undefined && value.length > maxItems)
    return invalid(path, `must have at most ${plural(maxItems, 'item')}, got ${value.length}`);
  // No two items in a list of fewer than two: no Map of those seen (most lists are short).
  if (unique === true && value.length > 1) {
    const seen = new Map<unknown, number>();
    for (let index = 0; index < value.length; index++) {
      const first = earlierDuplicate(value, index, seen);
      if (first >= 0)
        return invalid(
          indexPath(path, index),
          `items must be unique: equals ${indexPath(path, first)}`,
        );
    }
  }
  return valid;
}

/**
 * Checks whichever constraints fit a value already known to be of its type: bounds for a
 * number, length and pattern for a string, items for a list. Other values pass.
 */
export function checkConstraints(
  value: unknown,
  path: string,
  constraints: Constraints,
): ValidationResult {
  if (typeof value === 'number') return checkNumberConstraints(value, path, constraints);
  if (typeof value === 'string') return checkStringConstraints(value, path, constraints);
  if (Array.isArray(value)) return checkListConstraints(value, path, constraints);
  return valid;
}
