import type { ConstraintsIR, PrimitiveName, TypeIR } from '../../ir/spec-ir.js';
import type { Built } from '../../ir/built.js';
import type { JsonSchemaType, SchemaObject } from './openapi-document.js';
import type { TypesByName } from './union-keyword.js';
import { admitsNull, unionKeyword } from './union-keyword.js';

/** The `$ref` of a named type's schema under `components.schemas`. */
export function componentRef(name: string): string {
  return `#/components/schemas/${name}`;
}

const PRIMITIVE_TYPES: Readonly<Record<PrimitiveName, JsonSchemaType>> = {
  String: 'string',
  Int: 'integer',
  Float: 'number',
  Bool: 'boolean',
  Uuid: 'string',
  Email: 'string',
  Url: 'string',
  Date: 'string',
  DateTime: 'string',
  Bytes: 'string',
  Json: 'object', // never written: `Json` is the empty schema (see schemaOfType)
  Int32: 'integer',
  Int64: 'integer',
  Decimal: 'string',
  UriTemplate: 'string',
};

const FORMATS: Readonly<Partial<Record<PrimitiveName, string>>> = {
  Uuid: 'uuid',
  Email: 'email',
  Url: 'uri',
  Date: 'date',
  DateTime: 'date-time',
  Int32: 'int32',
  Int64: 'int64',
  // The OpenAPI Format Registry's `decimal`: a decimal number of any precision, as a string.
  Decimal: 'decimal',
  UriTemplate: 'uri-template',
};

const INT32_RANGE = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * The JSON Schema keywords of Specl constraints, always in this order whatever the order
 * written: `minimum`, `exclusiveMinimum`, `maximum`, `exclusiveMaximum` (numeric, the JSON Schema
 * 2020-12 form), `minLength`, `maxLength`, `pattern`, `minItems`, `maxItems`, `uniqueItems`.
 */
export function constraintKeywords(c: ConstraintsIR): SchemaObject {
  return {
    ...(c.min !== undefined && { minimum: c.min }),
    ...(c.exclusiveMin !== undefined && { exclusiveMinimum: c.exclusiveMin }),
    ...(c.max !== undefined && { maximum: c.max }),
    ...(c.exclusiveMax !== undefined && { exclusiveMaximum: c.exclusiveMax }),
    ...(c.minLength !== undefined && { minLength: c.minLength }),
    ...(c.maxLength !== undefined && { maxLength: c.maxLength }),
    ...(c.pattern !== undefined && { pattern: c.pattern }),
    ...(c.minItems !== undefined && { minItems: c.minItems }),
    ...(c.maxItems !== undefined && { maxItems: c.maxItems }),
    ...(c.unique !== undefined && { uniqueItems: c.unique }),
    ...(c.const !== undefined && { const: c.const }),
    ...(c.default !== undefined && { default: c.default }),
    ...(c.example !== undefined && { examples: [c.example] }),
    ...(c.deprecated === true && { deprecated: true }),
    ...(c.readOnly === true && { readOnly: true }),
    ...(c.writeOnly === true && { writeOnly: true }),
  };
}

/**
 * An `Int`'s constraints, with the safe-integer bound (or `range`) on each side that has no
 * bound of its own.
 */
function intConstraints(
  c: ConstraintsIR,
  range = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
): ConstraintsIR {
  return {
    ...c,
    ...(c.min === undefined && c.exclusiveMin === undefined && { min: range.min }),
    ...(c.max === undefined && c.exclusiveMax === undefined && { max: range.max }),
  };
}

/** The constraints a primitive's schema carries: its own, with `Int`'s and `Int32`'s bounds. */
function primitiveConstraints(type: Extract<TypeIR, { kind: 'primitive' }>): ConstraintsIR {
  if (type.constraints.const !== undefined) return type.constraints;
  if (type.name === 'Int') return intConstraints(type.constraints);
  if (type.name === 'Int32') return intConstraints(type.constraints, INT32_RANGE);
  return type.constraints;
}

/** The schema with a `description` after its other keywords, when there is one. */
export function withDescription(schema: SchemaObject, description?: string): SchemaObject {
  if (description === undefined) return schema;
  // A spread alone, then the key: Node 20 builds `{ ...schema, description }` on a slow path.
  const described: Built<SchemaObject> = { ...schema };
  described.description = description;
  return described;
}

/** Whether a schema is a single `type` with keywords that apply to it alone (no `$ref`, no `enum`, no composition). */
function isPlainTyped(schema: SchemaObject): schema is SchemaObject & { type: JsonSchemaType } {
  return (
    typeof schema.type === 'string' &&
    schema.$ref === undefined &&
    schema.enum === undefined &&
    schema.oneOf === undefined &&
    schema.anyOf === undefined &&
    schema.allOf === undefined
  );
}

/** The options of a union with structurally equal ones dropped (the first kept). */
function distinct(options: readonly TypeIR[]): TypeIR[] {
  const seen = new Set<string>();
  return options.filter((option) => {
    const key = JSON.stringify(option);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function unionSchema(options: readonly TypeIR[], nullable: boolean, types: TypesByName) {
  const unique = distinct(options);
  if (unique.length === 1 && !nullable) return schemaOfType(unique[0]!, types);
  const schemas = unique.map((option) => schemaOfType(option, types));
  if (nullable) schemas.push({ type: 'null' });
  return { [unionKeyword(unique, nullable, types)]: schemas };
}

function nullableSchema(inner: TypeIR, types: TypesByName): SchemaObject {
  if (inner.kind === 'union') return unionSchema(inner.options, true, types);
  const schema = schemaOfType(inner, types);
  // Admits null already (`X?` of a nullable alias): the `?` stays, as a null option of `anyOf`
  // (null matches both options, so not `oneOf`): the same values, and an import reads `X?` back.
  if (admitsNull(inner, types)) return { anyOf: [schema, { type: 'null' }] };
  if (isPlainTyped(schema)) {
    // `type` is already a key: assigned after the spread, it keeps its place.
    const typed: Built<SchemaObject> = { ...schema };
    typed.type = [schema.type, 'null'];
    return typed;
  }
  return { oneOf: [schema, { type: 'null' }] };
}

/**
 * The JSON Schema of a type as written where it is used:
 *
 * - primitives: `String` `string`, `Int` `integer` (bounded to the safe-integer range on each
 *   side the constraints leave open), `Float` `number`, `Bool` `boolean`, and `Uuid`, `Email`,
 *   `Url`, `Date`, `DateTime` `string` with `format` `uuid`, `email`, `uri`, `date`, `date-time`;
 *   `Int32` and `Int64` `integer` with `format` `int32` (bounded to its range) and `int64`,
 *   `Decimal` `string` with `format` `decimal`, `Json` the empty schema (any value), and a
 *   constant its primitive's `type` with `const`;
 * - `List<T>` `array` with `items`, `Map<T>` `object` with `additionalProperties`;
 * - a named type `$ref: '#/components/schemas/Name'`, or, with constraints of its own,
 *   `allOf: [{ $ref }, { constraints }]`;
 * - a union `oneOf` or `anyOf` of its distinct options (see {@link unionKeyword});
 * - a nullable type a type array (`type: ['string', 'null']`) when the inner schema is a single
 *   plain type, otherwise `oneOf: [inner, { type: 'null' }]` (a nullable union gets `null` as one
 *   more option; an inner type that admits null already, a nullable alias, `anyOf`).
 *
 * Constraints map as in {@link constraintKeywords}. `types` resolves named types, to tell
 * exclusive union options apart.
 */
export function schemaOfType(type: TypeIR, types: TypesByName): SchemaObject {
  switch (type.kind) {
    case 'primitive': {
      const constraints = primitiveConstraints(type);
      // Any JSON value: the empty schema, with the annotations written on it.
      if (type.name === 'Json') return constraintKeywords(constraints);
      const format = FORMATS[type.name];
      return {
        type: PRIMITIVE_TYPES[type.name],
        ...(format !== undefined && { format }),
        ...(type.name === 'Bytes' && { contentMediaType: 'application/octet-stream' }),
        ...constraintKeywords(constraints),
      };
    }
    case 'list':
      return {
        type: 'array',
        items: schemaOfType(type.element, types),
        ...constraintKeywords(type.constraints),
      };
    case 'map':
      return {
        type: 'object',
        additionalProperties: schemaOfType(type.value, types),
        ...constraintKeywords(type.constraints),
      };
    case 'ref': {
      const ref: SchemaObject = { $ref: componentRef(type.name) };
      const constraints = constraintKeywords(type.constraints);
      return Object.keys(constraints).length === 0 ? ref : { allOf: [ref, constraints] };
    }
    case 'union':
      return unionSchema(type.options, false, types);
    case 'nullable':
      return nullableSchema(type.inner, types);
  }
}
