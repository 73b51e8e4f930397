import type { ValidationResult } from './validation-result.js';
import { invalid } from './validation-result.js';

const MAX_SHOWN = 40;

/**
 * A short description of a value for messages: strings and numbers as JSON (long strings cut),
 * `null`, `undefined`, `an array`, `an object`.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': {
      const shown = JSON.stringify(value);
      return shown.length <= MAX_SHOWN ? shown : `${shown.slice(0, MAX_SHOWN - 4)}..."`;
    }
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** The failure `expected <expected>, got <the value>` at `path`. */
export function mismatch(path: string, expected: string, value: unknown): ValidationResult {
  return invalid(path, `expected ${expected}, got ${describeValue(value)}`);
}
