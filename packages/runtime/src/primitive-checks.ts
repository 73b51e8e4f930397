import type { NumberConstraints, StringConstraints } from './constraints.js';
import { checkNumberConstraints, checkStringConstraints } from './constraints.js';
import { mismatch } from './describe-value.js';
import { isDate, isDateTime, isEmail, isUriTemplate, isUrl, isUuid } from './formats.js';
import type { ValidationResult } from './validation-result.js';
import { valid } from './validation-result.js';

/** Checks `Bytes`: raw bytes (a `Uint8Array`, which a Node `Buffer` is). */
export function checkBytes(value: unknown, path: string): ValidationResult {
  return value instanceof Uint8Array ? valid : mismatch(path, 'bytes (a Uint8Array)', value);
}

/** Checks a `String`, and its constraints if any. */
export function checkString(
  value: unknown,
  path: string,
  constraints?: StringConstraints,
): ValidationResult {
  if (typeof value !== 'string') return mismatch(path, 'a string', value);
  return constraints ? checkStringConstraints(value, path, constraints) : valid;
}

/**
 * Checks an `Int`: a safe integer (between -(2^53 - 1) and 2^53 - 1, which every JSON parser
 * reads exactly), and its constraints if any.
 */
export function checkInt(
  value: unknown,
  path: string,
  constraints?: NumberConstraints,
): ValidationResult {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return mismatch(path, 'an integer', value);
  if (!Number.isSafeInteger(value))
    return mismatch(path, 'a safe integer (at most 2^53 - 1 in magnitude)', value);
  return constraints ? checkNumberConstraints(value, path, constraints) : valid;
}

/** Checks a `Float`: a finite number (JSON has no NaN or infinity), and its constraints if any. */
export function checkFloat(
  value: unknown,
  path: string,
  constraints?: NumberConstraints,
): ValidationResult {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return mismatch(path, 'a finite number', value);
  return constraints ? checkNumberConstraints(value, path, constraints) : valid;
}

/** Checks a `Bool`. */
export function checkBool(value: unknown, path: string): ValidationResult {
  return typeof value === 'boolean' ? valid : mismatch(path, 'a boolean', value);
}

function formatCheck(test: (value: unknown) => boolean, expected: string) {
  return (value: unknown, path: string, constraints?: StringConstraints): ValidationResult => {
    if (typeof value !== 'string') return mismatch(path, 'a string', value);
    if (!test(value)) return mismatch(path, expected, value);
    return constraints ? checkStringConstraints(value, path, constraints) : valid;
  };
}

/** Checks a `Uuid` (see {@link isUuid}), and its string constraints if any. */
export const checkUuid = formatCheck(isUuid, 'a UUID');

/** Checks an `Email` (see {@link isEmail}), and its string constraints if any. */
export const checkEmail = formatCheck(isEmail, 'an email address');

/** Checks a `Url` (see {@link isUrl}), and its string constraints if any. */
export const checkUrl = formatCheck(isUrl, 'an absolute URL');

/** Checks a `UriTemplate` (see {@link isUriTemplate}), and its string constraints if any. */
export const checkUriTemplate = formatCheck(isUriTemplate, 'a URI template (RFC 6570)');

/** Checks a `Date` (see {@link isDate}), and its string constraints if any. */
export const checkDate = formatCheck(isDate, 'a date (YYYY-MM-DD)');

/** Checks a `DateTime` (see {@link isDateTime}), and its string constraints if any. */
export const checkDateTime = formatCheck(
  isDateTime,
  'a date-time with an offset (YYYY-MM-DDThh:mm:ssZ)',
);
