/**
 * The text of Specl types that do not need the schema translator: the primitive of a format or
 * a number, a constant, a type made nullable, and the type a schema without `type` means.
 */

import { numberLiteral, stringLiteral } from './specl-text.js';

/** The Specl primitive of each string `format` it has one for. */
export const formats: Readonly<Record<string, string>> = {
  uuid: 'Uuid',
  email: 'Email',
  uri: 'Url',
  date: 'Date',
  'date-time': 'DateTime',
  decimal: 'Decimal',
  'uri-template': 'UriTemplate',
};

/** Formats that only say how wide a number is: Int32, Int64 and Float cover them. */
export const numberFormats: ReadonlySet<string> = new Set(['int32', 'int64', 'float', 'double']);

/** `Int`, `Int32`, `Int64` or `Float`, for an integer or number schema of `format`. */
export function numberTypeName(type: string, format: unknown): string {
  if (type !== 'integer') return 'Float';
  return format === 'int32' ? 'Int32' : format === 'int64' ? 'Int64' : 'Int';
}

/** A constant type (`"card"`, `3`, `true`) for a schema whose `const` is a string, number or boolean. */
export function constantType(schema: Record<string, unknown>): string | undefined {
  const value = schema.const;
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' && Number.isFinite(value)) return numberLiteral(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** `type` made nullable: `?` after its last option's type, before that option's constraints. */
export function withNullable(type: string, nullable: boolean): string {
  if (!nullable) return type;
  let depth = 0;
  let optionStart = 0;
  let constraintsAt = -1;
  for (let i = 0; i < type.length; i++) {
    const c = type[i]!;
    if (c === '<' || c === '{') {
      if (c === '{' && depth === 0) constraintsAt = i - 1;
      depth++;
    } else if (c === '>' || c === '}') depth--;
    else if (c === '"') {
      for (i++; i < type.length && type[i] !== '"'; i++) if (type[i] === '\\') i++;
    } else if (c === '|' && depth === 0) {
      optionStart = i + 1;
      constraintsAt = -1;
    }
  }
  const end = constraintsAt >= optionStart ? constraintsAt : type.length;
  if (type.slice(optionStart, end).trimEnd().endsWith('?')) return type;
  return `${type.slice(0, end)}?${type.slice(end)}`;
}

/** The JSON type a schema without `type` is about, from the keywords it uses. */
export function inferType(schema: Record<string, unknown>): string | undefined {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const value = schema.enum.find((v) => v !== null);
    if (typeof value === 'string') return 'string';
    if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
    if (typeof value === 'boolean') return 'boolean';
  }
  if (schema.items !== undefined) return 'array';
  if (schema.additionalProperties !== undefined) return 'object';
  if (
    schema.minLength !== undefined ||
    schema.maxLength !== undefined ||
    schema.pattern !== undefined
  )
    return 'string';
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number';
  return undefined;
}
