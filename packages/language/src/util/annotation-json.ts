import type { AnnotationValue } from '../generated/ast.js';
import {
  isBooleanLiteral,
  isJsonArray,
  isJsonObject,
  isNullLiteral,
  isStringLiteral,
} from '../generated/ast.js';
import { constraintNumber } from './constraint-number.js';

/** A JSON value, as an `example` or `default` holds it. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * The JSON value an annotation's value stands for: objects with their keys in the order
 * written (a key written twice keeps its last value; the checker reports it), on objects
 * without a prototype so that a key such as `__proto__` is an ordinary key.
 */
export function annotationJson(value: AnnotationValue): JsonValue {
  if (isNullLiteral(value)) return null;
  if (isBooleanLiteral(value)) return value.value;
  if (isStringLiteral(value)) return value.value;
  if (isJsonArray(value)) return value.items.map(annotationJson);
  if (isJsonObject(value)) {
    const object: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>;
    for (const entry of value.entries) object[entry.key] = annotationJson(entry.value);
    return object;
  }
  return constraintNumber(value) ?? 0;
}

/** The path to a key of an object: `path.key`, or `path["a key"]` when the key is no name. */
export function jsonKeyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
