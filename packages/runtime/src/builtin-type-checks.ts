import type { NumberConstraints, StringConstraints } from './constraints.js';
import { checkNumberConstraints, checkStringConstraints } from './constraints.js';
import { deepEqual } from './deep-equal.js';
import { describeValue, mismatch } from './describe-value.js';
import type { ValidationResult } from './validation-result.js';
import { fieldPath, indexPath, invalid, valid } from './validation-result.js';

/** The most values {@link checkJson} visits in one value before giving up on it as too deep. */
const JSON_VISIT_LIMIT = 100_000;

/**
 * Checks `Json`: a value JSON can carry (null, a boolean, a finite number, a string, a list or
 * a plain object of them), walked without recursion so that a deep value cannot exhaust the
 * stack. A value parsed from JSON always passes; an in-process handler may answer `undefined`,
 * a function, `NaN` or a class instance, which JSON cannot carry.
 */
export function checkJson(value: unknown, path: string): ValidationResult {
  const stack: [unknown, string][] = [[value, path]];
  for (let visited = 0; stack.length > 0; visited++) {
    if (visited > JSON_VISIT_LIMIT)
      return invalid(path, `a JSON value of more than ${JSON_VISIT_LIMIT} parts is not checked`);
    const [item, at] = stack.pop()!;
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return mismatch(at, 'a finite number (JSON has no NaN)', item);
      continue;
    }
    if (Array.isArray(item)) {
      item.forEach((element, index) => stack.push([element, indexPath(at, index)]));
      continue;
    }
    const prototype: unknown = typeof item === 'object' ? Object.getPrototypeOf(item) : undefined;
    if (typeof item !== 'object' || (prototype !== Object.prototype && prototype !== null))
      return mismatch(at, 'a JSON value', item);
    for (const [key, field] of Object.entries(item)) stack.push([field, fieldPath(at, key)]);
  }
  return valid;
}

function checkIntegerIn(
  value: unknown,
  path: string,
  bound: number,
  expected: string,
  constraints?: NumberConstraints,
): ValidationResult {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return mismatch(path, 'an integer', value);
  if (value < -bound || value > bound - 1) return mismatch(path, expected, value);
  return constraints ? checkNumberConstraints(value, path, constraints) : valid;
}

/** Checks an `Int32`: an integer from -2^31 to 2^31 - 1, and its constraints if any. */
export function checkInt32(
  value: unknown,
  path: string,
  constraints?: NumberConstraints,
): ValidationResult {
  return checkIntegerIn(value, path, 2 ** 31, 'a 32-bit integer', constraints);
}

/**
 * Checks an `Int64`: an integer from -2^63 to 2^63 - 1, and its constraints if any. Beyond
 * 2^53 a JSON parser reads the nearest number it can hold, so large values pass as read.
 */
export function checkInt64(
  value: unknown,
  path: string,
  constraints?: NumberConstraints,
): ValidationResult {
  return checkIntegerIn(value, path, 2 ** 63, 'a 64-bit integer', constraints);
}

/** A decimal number as `Decimal` writes it: an optional minus, digits, optional fraction. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Checks a `Decimal`: a decimal number written as a string (`"12.50"`), and its constraints. */
export function checkDecimal(
  value: unknown,
  path: string,
  constraints?: StringConstraints,
): ValidationResult {
  if (typeof value !== 'string') return mismatch(path, 'a decimal number as a string', value);
  if (!DECIMAL.test(value))
    return mismatch(path, 'a decimal number as a string (such as "12.50")', value);
  return constraints ? checkStringConstraints(value, path, constraints) : valid;
}

/** Checks a constant type (`"card"`, `3`, `true`): exactly that value. */
export function checkConst(
  value: unknown,
  path: string,
  expected: string | number | boolean,
): ValidationResult {
  if (deepEqual(value, expected)) return valid;
  return invalid(path, `expected ${JSON.stringify(expected)}, got ${describeValue(value)}`);
}
