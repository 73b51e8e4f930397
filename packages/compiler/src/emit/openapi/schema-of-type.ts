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

/** The bounds an integer's schema takes on each side its own constraints leave open. */
interface IntegerBounds {
  readonly min: number;
  readonly max: number;
}

const SAFE_INTEGERS: IntegerBounds = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
const INT32_RANGE: IntegerBounds = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * The JSON Schema keywords of Specl constraints, always in this order whatever the order
 * written: `minimum`, `exclusiveMinimum`, `maximum`, `exclusiveMaximum` (numeric, the JSON Schema
 * 2020-12 form), `minLength`, `maxLength`, `pattern`, `minItems`, `maxItems`, `uniqueItems`.
 */
export function constraintKeywords(c: ConstraintsIR): SchemaObject {
  const schema: Built<SchemaObject> = {};
  addConstraintKeywords(schema, c);
  return schema;
}

/**
 * Adds the keywords of {@link constraintKeywords} to a schema being built, key by key (see
 * `Built`), with `bounds` (an integer's) on each side the constraints leave open.
 */
function addConstraintKeywords(
  schema: Built<SchemaObject>,
  c: ConstraintsIR,
  bounds?: IntegerBounds,
): void {
  const min = c.min ?? (bounds && c.exclusiveMin === undefined ? bounds.min : undefined);
  const max = c.max ?? (bounds && c.exclusiveMax === undefined ? bounds.max : undefined);
  if (min !== undefined) schema.minimum = min;
  if (c.exclusiveMin !== undefined) schema.exclusiveMinimum = c.exclusiveMin;
  if (max !== undefined) schema.maximum = max;
  if (c.exclusiveMax !== undefined) schema.exclusiveMaximum = c.exclusiveMax;
  if (c.minLength !== undefined) schema.minLength = c.minLength;
  if (c.maxLength !== undefined) schema.maxLength = c.maxLength;
  if (c.pattern !== undefined) schema.pattern = c.pattern;
  if (c.minItems !== undefined) schema.minItems = c.minItems;
  if (c.maxItems !== undefined) schema.maxItems = c.maxItems;
  if (c.unique !== undefined) schema.uniqueItems = c.unique;
  if (c.const !== undefined) schema.const = c.const;
  if (c.default !== undefined) schema.default = c.default;
  if (c.example !== undefined) schema.examples = [c.example];
  if (c.deprecated === true) schema.deprecated = true;
  if (c.readOnly === true) schema.readOnly = true;
  if (c.writeOnly === true) schema.writeOnly = true;
}

/**
 * The bounds of a primitive's schema: `Int`'s the safe integers, `Int32`'s its range (none on
 * a constant, whose `const` is its one value).
 */
function primitiveBounds(type: Extract<TypeIR, { kind: 'primitive' }>): IntegerBounds | undefined {
  if (type.constraints.const !== undefined) return undefined;
  if (type.name === 'Int') return SAFE_INTEGERS;
  if (type.name === 'Int32') return INT32_RANGE;
  return undefined;
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
      // Key by key, in the order the schema has always had (see `Built`).
      const schema: Built<SchemaObject> = {};
      // Any JSON value: the empty schema, with the annotations written on it.
      if (type.name !== 'Json') {
        schema.type = PRIMITIVE_TYPES[type.name];
        const format = FORMATS[type.name];
        if (format !== undefined) schema.format = format;
        if (type.name === 'Bytes') schema.contentMediaType = 'application/octet-stream';
      }
      addConstraintKeywords(schema, type.constraints, primitiveBounds(type));
      return schema;
    }
    case 'list': {
      const schema: Built<SchemaObject> = {
        type: 'array',
        items: schemaOfType(type.element, types),
      };
      addConstraintKeywords(schema, type.constraints);
      return schema;
    }
    case 'map': {
      const schema: Built<SchemaObject> = {
        type: 'object',
        additionalProperties: schemaOfType(type.value, types),
      };
      addConstraintKeywords(schema, type.constraints);
      return schema;
    }
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
