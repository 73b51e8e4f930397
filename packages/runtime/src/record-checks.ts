import type { Check, ValidationResult } from './validation-result.js';
import { fieldPath, invalid, valid } from './validation-result.js';

type JsonObject = { readonly [key: string]: unknown };

/**
 * Checks a required field: present (a key whose value is `undefined` is missing), and passing
 * `check` at the field's path.
 */
export function requiredField(
  record: JsonObject,
  name: string,
  path: string,
  check: Check,
): ValidationResult {
  const at = fieldPath(path, name);
  const value = Object.hasOwn(record, name) ? record[name] : undefined;
  return value === undefined ? invalid(at, 'required field is missing') : check(value, at);
}

/**
 * Checks an optional field: missing (or `undefined`) passes; a value, `null` included, must
 * pass `check` (an optional field is nullable only when its type is).
 */
export function optionalField(
  record: JsonObject,
  name: string,
  path: string,
  check: Check,
): ValidationResult {
  const value = Object.hasOwn(record, name) ? record[name] : undefined;
  return value === undefined ? valid : check(value, fieldPath(path, name));
}

/**
 * Checks that a record has no fields but its own (records are exact, as the OpenAPI output's
 * `additionalProperties: false`): the first other key with a value is reported at its path.
 */
export function onlyFields(
  record: JsonObject,
  path: string,
  typeName: string,
  fields: readonly string[],
): ValidationResult {
  for (const key of Object.keys(record)) {
    if (!fields.includes(key) && record[key] !== undefined)
      return invalid(fieldPath(path, key), `unknown field: ${typeName} has no field ${key}`);
  }
  return valid;
}
