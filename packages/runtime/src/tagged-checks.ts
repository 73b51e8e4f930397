import { describeValue, mismatch } from './describe-value.js';
import type { Check, ValidationResult } from './validation-result.js';
import { fieldPath, invalid, valid } from './validation-result.js';

/**
 * Checks a discriminated union (`A | B by kind`): the value must be an object whose `field` is
 * one of the options' tags, and is then checked against that option alone, so a mistake is
 * reported against the option the value says it is.
 */
export function checkTagged(
  value: unknown,
  path: string,
  field: string,
  options: Readonly<Record<string, Check>>,
  expected: string,
): ValidationResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return mismatch(path, `an object (${expected})`, value);
  const tags = Object.keys(options);
  const tag = Object.hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
  const at = fieldPath(path, field);
  if (tag === undefined)
    return invalid(at, `required field is missing: it tells the options of ${expected} apart`);
  if (typeof tag !== 'string' || !Object.hasOwn(options, tag)) {
    const names = tags.map((t) => JSON.stringify(t)).join(', ');
    return invalid(at, `expected one of ${names}, got ${describeValue(tag)}`);
  }
  return options[tag]!(value, path);
}

/**
 * Checks that a record's fields other than its own (`known`) pass `check`: an open record
 * (`...Map<T>`) accepts further fields of type `T`.
 */
export function otherFields(
  record: { readonly [key: string]: unknown },
  path: string,
  known: readonly string[],
  check: Check,
): ValidationResult {
  for (const key of Object.keys(record)) {
    if (known.includes(key) || record[key] === undefined) continue;
    const result = check(record[key], fieldPath(path, key));
    if (!result.ok) return result;
  }
  return valid;
}
