import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';
import { isFieldName } from './specl-names.js';

/** The JSON types a schema allows (`type`, as a list), without `null`; empty when any. */
export function typesOf(schema: Record<string, unknown>): string[] {
  const type = schema.type;
  const list = Array.isArray(type) ? type : typeof type === 'string' ? [type] : [];
  return list.filter((t): t is string => typeof t === 'string' && t !== 'null');
}

/**
 * A schema's JSON types (see {@link typesOf}), through the first part of an `allOf` (a
 * constrained alias's), at most 16 deep.
 */
export function baseTypesOf(
  context: ImportContext,
  schema: unknown,
  pointer: string,
  depth = 0,
): string[] {
  const { value } = context.deref(schema, pointer);
  if (!isObject(value)) return [];
  const types = typesOf(value);
  if (types.length > 0 || depth >= 16 || !Array.isArray(value.allOf)) return types;
  return value.allOf.length > 0 ? baseTypesOf(context, value.allOf[0], pointer, depth + 1) : [];
}

/** Whether a schema allows `null` (3.0 `nullable`, 3.1 `type: [.., "null"]`, a null option). */
export function isNullable(schema: Record<string, unknown>): boolean {
  if (schema.nullable === true) return true;
  if (Array.isArray(schema.type) && schema.type.includes('null')) return true;
  if (Array.isArray(schema.enum) && schema.enum.includes(null)) return true;
  const options = unionOptions(schema);
  return options.some((option) => isNullSchema(option));
}

/** Whether a schema allows only `null`. */
export function isNullSchema(schema: unknown): boolean {
  return (
    isObject(schema) &&
    (schema.type === 'null' ||
      (Array.isArray(schema.type) && schema.type.length === 1 && schema.type[0] === 'null'))
  );
}

/** A schema's `oneOf` or `anyOf` options, or none. */
export function unionOptions(schema: Record<string, unknown>): unknown[] {
  if (Array.isArray(schema.oneOf)) return schema.oneOf;
  if (Array.isArray(schema.anyOf)) return schema.anyOf;
  return [];
}

/** The string values of a string enum whose every value can be a Specl enum member. */
export function enumMembers(schema: Record<string, unknown>): string[] | undefined {
  const values = Array.isArray(schema.enum)
    ? schema.enum.filter((value) => value !== null)
    : undefined;
  if (!values || values.length === 0) return undefined;
  if (!values.every((value): value is string => typeof value === 'string' && isFieldName(value))) {
    return undefined;
  }
  return new Set(values).size === values.length ? values : undefined;
}

/** Whether a schema (after refs) is an object with named properties: a Specl record. */
export function isRecordSchema(context: ImportContext, schema: unknown, pointer: string): boolean {
  const { value } = context.deref(schema, pointer);
  if (!isObject(value)) return false;
  if (unionOptions(value).some((option) => !isNullSchema(option))) return false;
  const types = typesOf(value);
  if (types.length > 1 || (types.length === 1 && types[0] !== 'object')) return false;
  if (isObject(value.properties)) return true;
  if (Array.isArray(value.allOf) && value.allOf.length > 1) {
    return value.allOf.every(
      (part) => isRecordSchema(context, part, pointer) || isBareObject(part),
    );
  }
  if (Array.isArray(value.allOf) && value.allOf.length === 1) {
    return isRecordSchema(context, value.allOf[0], pointer);
  }
  return false;
}

/** An object schema with no properties of its own (`{ required: [..] }`, `{}`). */
function isBareObject(part: unknown): boolean {
  return isObject(part) && part.$ref === undefined && typesOf(part).every((t) => t === 'object');
}

/** Whether a schema (after refs) is a string, number, boolean or enum: a parameter type. */
export function isScalarSchema(context: ImportContext, schema: unknown, pointer: string): boolean {
  const { value } = context.deref(schema, pointer);
  if (!isObject(value)) return false;
  if (Array.isArray(value.allOf) && value.allOf.length > 0) {
    // One schema, or a reference with constraints beside it (`allOf: [{ $ref }, { maxLength }]`).
    const [first, ...rest] = value.allOf as unknown[];
    return (
      isScalarSchema(context, first, pointer) &&
      rest.every((part) => isObject(part) && part.$ref === undefined && !isObject(part.properties))
    );
  }
  const types = typesOf(value);
  if (types.length === 0)
    return (
      (Array.isArray(value.enum) || value.const !== undefined) && unionOptions(value).length === 0
    );
  return (
    types.length === 1 &&
    ['string', 'integer', 'number', 'boolean'].includes(types[0]!) &&
    unionOptions(value).length === 0
  );
}

/**
 * The `items` of a schema that is an array (after refs, and through a reference with constraints
 * beside it, `allOf: [{ $ref }, { maxItems }]`), with its pointer; undefined when not an array.
 */
export function arrayItems(
  context: ImportContext,
  schema: unknown,
  pointer: string,
): { items: unknown; pointer: string } | undefined {
  const { value, pointer: at } = context.deref(schema, pointer);
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.allOf) && value.allOf.length > 0) {
    const [first, ...rest] = value.allOf as unknown[];
    const constraintsOnly = rest.every(
      (part) => isObject(part) && part.$ref === undefined && part.items === undefined,
    );
    return constraintsOnly ? arrayItems(context, first, childPointer(at, 'allOf', 0)) : undefined;
  }
  const types = typesOf(value);
  if (types.length !== 1 || types[0] !== 'array' || unionOptions(value).length > 0)
    return undefined;
  return { items: value.items ?? {}, pointer: childPointer(at, 'items') };
}

/** Whether a schema (after refs) can be a text body: a string or string enum, or nothing said. */
export function isTextSchema(context: ImportContext, schema: unknown, pointer: string): boolean {
  const { value } = context.deref(schema, pointer);
  if (value === true) return true;
  if (!isObject(value)) return false;
  if (Object.keys(value).every((k) => k === 'description')) return true;
  return isScalarSchema(context, value, pointer) && typesOf(value).every((t) => t === 'string');
}

/**
 * Whether a schema (after refs) can be a form body: a record whose properties are scalars or
 * lists of them (and, in a multipart form, files: binary strings).
 */
export function isFormSchema(
  context: ImportContext,
  schema: unknown,
  pointer: string,
  files: boolean,
): boolean {
  void files; // a file is a binary string: a scalar schema, made Bytes where it may be
  if (!isRecordSchema(context, schema, pointer)) return false;
  const fieldOk = (field: unknown): boolean => {
    const { value } = context.deref(field, pointer);
    if (!isObject(value)) return false;
    if (isScalarSchema(context, value, pointer)) return true;
    if (typesOf(value)[0] === 'array' && value.items !== undefined)
      return isScalarSchema(context, value.items, pointer);
    return false;
  };
  const partsOk = (part: unknown, depth: number): boolean => {
    const { value } = context.deref(part, pointer);
    if (!isObject(value) || depth > 16) return false;
    const properties = isObject(value.properties) ? Object.values(value.properties) : [];
    const allOf = Array.isArray(value.allOf) ? value.allOf : [];
    return properties.every(fieldOk) && allOf.every((p) => partsOk(p, depth + 1));
  };
  return partsOk(schema, 0);
}
