import type { Constraints, ListConstraints } from './constraints.js';
import { checkConstraints, checkListConstraints } from './constraints.js';
import { describeValue, mismatch } from './describe-value.js';
import type { Check, ValidationResult } from './validation-result.js';
import { fieldPath, indexPath, invalid, valid } from './validation-result.js';

/** Whether a value is a JSON object: not `null`, not an array. */
export function isObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a `List<T>`: an array, its constraints (counts, then uniqueness), then each item. */
export function checkList(
  value: unknown,
  path: string,
  item: Check,
  constraints?: ListConstraints,
): ValidationResult {
  if (!Array.isArray(value)) return mismatch(path, 'a list', value);
  if (constraints) {
    const result = checkListConstraints(value, path, constraints);
    if (!result.ok) return result;
  }
  for (let index = 0; index < value.length; index++) {
    const result = item(value[index], indexPath(path, index));
    if (!result.ok) return result;
  }
  return valid;
}

/** Checks a `Map<T>`: an object whose every value passes `entry` (at `$.key` or `$["a key"]`). */
export function checkMap(value: unknown, path: string, entry: Check): ValidationResult {
  if (!isObject(value)) return mismatch(path, 'a map (an object)', value);
  for (const key of Object.keys(value)) {
    const result = entry(value[key], fieldPath(path, key));
    if (!result.ok) return result;
  }
  return valid;
}

/** Checks `T?`: `null` passes, anything else must pass `inner`. */
export function checkNullable(value: unknown, path: string, inner: Check): ValidationResult {
  return value === null ? valid : inner(value, path);
}

/**
 * Checks a union `A | B`: the value passes when it passes some option. Otherwise the message
 * names the options (`expected`, as `A | B`) and why the value fails each.
 */
export function checkUnion(
  value: unknown,
  path: string,
  options: readonly Check[],
  expected: string,
): ValidationResult {
  const reasons: string[] = [];
  for (const option of options) {
    const result = option(value, path);
    if (result.ok) return valid;
    reasons.push(result.path === path ? result.message : `${result.path}: ${result.message}`);
  }
  return invalid(path, `expected ${expected}, got a value that fits none: ${reasons.join('; ')}`);
}

/** Checks an enum: one of its members' names. */
export function checkEnum(
  value: unknown,
  path: string,
  members: readonly string[],
): ValidationResult {
  if (typeof value === 'string' && members.includes(value)) return valid;
  const names = members.map((member) => JSON.stringify(member)).join(', ');
  return invalid(path, `expected one of ${names}, got ${describeValue(value)}`);
}

/**
 * Checks a named type with constraints added where it is used (`Days { max: 10 }`): the
 * type's own check first, then the added constraints.
 */
export function checkRefined(
  value: unknown,
  path: string,
  check: Check,
  constraints: Constraints,
): ValidationResult {
  const result = check(value, path);
  return result.ok ? checkConstraints(value, path, constraints) : result;
}
