import type {
  AliasIR,
  EnumIR,
  ErrorIR,
  FieldIR,
  RecordIR,
  SpecIR,
  TypeDeclIR,
} from '../../ir/spec-ir.js';
import type { Built } from '../../ir/built.js';
import type { BodylessErrorObject, SchemaObject } from './openapi-document.js';
import { componentRef, schemaOfType, withDescription } from './schema-of-type.js';
import { discriminatorMapping } from '../../ir/discriminator-tags.js';
import { speclCondition } from './specl-condition.js';
import type { TypesByName } from './union-keyword.js';

const describe = (description?: string) => (description === undefined ? {} : { description });

/**
 * A field's schema, made once per field: lowering shares a field's IR among the records its
 * spreads bring it to, so a chain of spreads builds one schema per field declared.
 */
type FieldSchemas = (field: FieldIR) => SchemaObject;

function fieldSchemaMaker(types: TypesByName): FieldSchemas {
  const made = new Map<FieldIR, SchemaObject>();
  return (field) => {
    let schema = made.get(field);
    if (schema === undefined) {
      schema = withDescription(schemaOfType(field.type, types), field.description);
      made.set(field, schema);
    }
    return schema;
  };
}

// Object.fromEntries defines own keys, so that even a name like `__proto__` is a plain key.
function fieldSchemas(fields: readonly FieldIR[], fieldSchema: FieldSchemas) {
  return Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)]));
}

/**
 * A record's or error's schema: a closed `object` (`additionalProperties: false`, as a Specl
 * record is exact: a value has its fields and no others, which also lets `oneOf` tell records
 * apart) unless it is open (`...Map<T>`, `additionalProperties` the schema of `T`), its fields as `properties` in the order written (spreads expanded), `required` for
 * the fields not marked `?`, an error's status as `x-specl-status` and the headers it carries
 * as `x-specl-headers` and its media types (`as "..."`) as `x-specl-media-types` (an error
 * no endpoint answers keeps them nowhere else; import reads them back), and its invariants as
 * `x-specl-invariants`.
 */
function recordSchema(
  decl: RecordIR | ErrorIR,
  types: TypesByName,
  fieldSchema: FieldSchemas,
): SchemaObject {
  const required = decl.fields.filter((field) => !field.optional).map((field) => field.name);
  // Key by key, in the order the schema has always had (see `Built`).
  const schema: Built<SchemaObject> = { type: 'object' };
  if (decl.description !== undefined) schema.description = decl.description;
  if (decl.kind === 'error') {
    schema['x-specl-status'] = decl.status;
    if (decl.headers) schema['x-specl-headers'] = decl.headers;
    if (decl.mediaTypes) schema['x-specl-media-types'] = decl.mediaTypes;
  }
  schema.properties = fieldSchemas(decl.fields, fieldSchema);
  if (required.length > 0) schema.required = required;
  schema.additionalProperties = decl.openFields ? schemaOfType(decl.openFields, types) : false;
  if (decl.invariants.length > 0) {
    schema['x-specl-invariants'] = decl.invariants.map(speclCondition);
  }
  return schema;
}

/** An enum's schema: a `string` with the members as `enum`, and their doc comments if any. */
function enumSchema(decl: EnumIR): SchemaObject {
  const documented = decl.members.filter((member) => member.description !== undefined);
  // Key by key, in the order the schema has always had (see `Built`).
  const schema: Built<SchemaObject> = { type: 'string' };
  if (decl.description !== undefined) schema.description = decl.description;
  schema.enum = decl.members.map((member) => member.name);
  if (documented.length > 0) {
    schema['x-specl-enum-descriptions'] = Object.fromEntries(
      documented.map((member) => [member.name, member.description!]),
    );
  }
  return schema;
}

/**
 * An alias's schema: the schema of the type it stands for (with its constraints), described. A
 * discriminated union (`A | B by kind`) is `oneOf` its options with a `discriminator` whose
 * `mapping` sends each tag to its option's schema.
 */
function aliasSchema(decl: AliasIR, types: TypesByName): SchemaObject {
  const mapping = discriminatorMapping(decl, types);
  if (decl.discriminator === undefined || mapping.length === 0)
    return withDescription(schemaOfType(decl.type, types), decl.description);
  return withDescription(
    {
      oneOf: mapping.map(([, name]) => ({ $ref: componentRef(name) })),
      discriminator: {
        propertyName: decl.discriminator,
        mapping: Object.fromEntries(mapping.map(([tag, name]) => [tag, componentRef(name)])),
      },
    },
    decl.description,
  );
}

function declSchema(decl: TypeDeclIR, types: TypesByName, fieldSchema: FieldSchemas): SchemaObject {
  switch (decl.kind) {
    case 'record':
    case 'error':
      return recordSchema(decl, types, fieldSchema);
    case 'enum':
      return enumSchema(decl);
    case 'alias':
      return aliasSchema(decl, types);
  }
}

/**
 * `components.schemas`: one schema per named type (records, errors with a body, aliases, enums), by name
 * in the IR's order (sorted by name). Descriptions come from doc comments.
 */
export function componentSchemas(ir: SpecIR, types: TypesByName): Record<string, SchemaObject> {
  // An error without a body has no schema.
  const withBodies = ir.types.filter((decl) => decl.kind !== 'error' || !decl.bodyless);
  const fieldSchema = fieldSchemaMaker(types);
  return Object.fromEntries(
    withBodies.map((decl) => [decl.name, declSchema(decl, types, fieldSchema)]),
  );
}

/**
 * `x-specl-bodyless-errors` of `components`: each error without a body (which has no schema)
 * by name, with its status, the headers it carries and its doc comment, in the IR's order;
 * undefined when there is none. An answer names its error (`x-specl-error`), but an error no
 * endpoint answers would be kept nowhere else, and import reads them back from here.
 */
export function bodylessErrors(ir: SpecIR): Record<string, BodylessErrorObject> | undefined {
  const bodyless = ir.types.filter(
    (decl): decl is ErrorIR => decl.kind === 'error' && !!decl.bodyless,
  );
  if (bodyless.length === 0) return undefined;
  return Object.fromEntries(
    bodyless.map((decl) => [
      decl.name,
      {
        status: decl.status,
        ...(decl.headers && { headers: decl.headers }),
        ...describe(decl.description),
      },
    ]),
  );
}
