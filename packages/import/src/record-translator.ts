import type { ImportContext, RecordMember } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';
import { noteSchemaKeywords } from './schema-notes.js';
import { isNullable, isRecordSchema } from './schema-shape.js';
import type { SchemaTranslator } from './schema-translator.js';
import { camelCase, isFieldName, NameRegistry, pascalCase } from './specl-names.js';
import { docLines } from './specl-text.js';
import { conditionSources } from './specl-extensions.js';
import {
  annotationEntries,
  annotationSite,
  annotationsLeftOut,
  withAnnotations,
} from './annotations.js';

interface Property {
  readonly key: string;
  readonly schema: unknown;
  readonly pointer: string;
}

/**
 * The members of a record for an object schema: its properties as fields (optional unless
 * `required`), and `allOf` parts that name records as spreads (inlined when their fields
 * would clash). The record is open (`...Map<T>`) unless `additionalProperties: false`.
 */
export function translateRecord(
  context: ImportContext,
  types: SchemaTranslator,
  schema: Record<string, unknown>,
  pointer: string,
  name: string,
): RecordMember[] {
  const spreads: string[] = [];
  const spreadKeys = new Set<string>();
  const properties = new Map<string, Property>();
  const required = new Set<string>();
  let open = true;
  let extra: { schema: unknown; pointer: string } | undefined;

  const visit = (part: Record<string, unknown>, at: string, top: boolean): void => {
    if (!top) noteSchemaKeywords(context, { ...part, description: undefined }, at);
    if (part.additionalProperties === false) open = false;
    else if (
      extra === undefined &&
      isObject(part.additionalProperties) &&
      Object.keys(part.additionalProperties).length > 0
    )
      extra = {
        schema: part.additionalProperties,
        pointer: childPointer(at, 'additionalProperties'),
      };
    if (isObject(part.properties)) {
      for (const [key, value] of Object.entries(part.properties)) {
        const where = childPointer(at, 'properties', key);
        if (properties.has(key) || spreadKeys.has(key)) {
          context.warn(
            'approximated',
            where,
            `property \`${key}\` is declared twice; the first is kept`,
          );
          continue;
        }
        properties.set(key, { key, schema: value, pointer: where });
      }
    }
    if (Array.isArray(part.required))
      for (const key of part.required) if (typeof key === 'string') required.add(key);
    if (Array.isArray(part.allOf)) {
      part.allOf.forEach((item, i) => {
        const where = childPointer(at, 'allOf', i);
        const target =
          isObject(item) && typeof item.$ref === 'string' ? types.nameAt(item.$ref) : undefined;
        // A nullable record is declared as an alias of its record or null: copy its fields.
        const spreadable =
          target !== undefined &&
          isRecordSchema(context, item, where) &&
          !isNullable(context.deref(item, where).value as Record<string, unknown>);
        if (target && spreadable) {
          const keys = fieldKeys(context, item, where);
          const clash = [...keys].some((key) => properties.has(key) || spreadKeys.has(key));
          if (!clash) {
            spreads.push(target);
            for (const key of keys) spreadKeys.add(key);
            return;
          }
          context.warn(
            'approximated',
            where,
            `the fields of \`${target}\` are copied, not spread: some clash with others of the record`,
          );
        }
        const { value, pointer: resolved } = context.deref(item, where);
        if (isObject(value)) visit(value, resolved, false);
      });
    }
  };
  visit(schema, pointer, true);

  for (const key of required) {
    if (properties.has(key)) continue;
    const where = childPointer(pointer, 'required');
    if (spreadKeys.has(key)) {
      context.warn(
        'widened',
        where,
        `\`${key}\` stays as the spread record declares it (required here)`,
      );
    } else {
      context.warn('widened', where, `required property \`${key}\` has no schema: left out`);
    }
  }

  const fieldNames = new NameRegistry();
  fieldNames.reserve(...spreadKeys);
  const members: RecordMember[] = spreads.map((target) => ({ kind: 'spread', target }));
  // OpenAPI objects are open unless `additionalProperties: false`: so is the record. (Written
  // before the fields: `specl fmt` indents `...Map<T>` after a field as a continuation.)
  if (open) {
    const type = extra ? types.typeExpr(extra.schema, extra.pointer, `${name}Value`) : 'Json';
    members.push({ kind: 'open', type });
  }
  for (const property of properties.values()) {
    members.push(field(context, types, property, required.has(property.key), name, fieldNames));
  }
  if (context.restoreSpecl) {
    for (const source of conditionSources(schema['x-specl-invariants']))
      members.push({ kind: 'invariant', source });
  }
  return members;
}

function field(
  context: ImportContext,
  types: SchemaTranslator,
  property: Property,
  isRequired: boolean,
  record: string,
  fieldNames: NameRegistry,
): RecordMember {
  const { key, schema, pointer } = property;
  const wanted = isFieldName(key) ? key : camelCase(key);
  const { result, notes } = context.collecting(() => {
    const fieldName = fieldNames.claim(wanted);
    if (fieldName !== key) {
      context.warn(
        'renamed',
        pointer,
        `property \`${key}\` is named \`${fieldName}\`: the wire name differs`,
      );
    }
    const site = annotationSite(schema, pointer);
    const entries = annotationEntries(context, site.schema, site.pointer, {
      field: true,
      optional: !isRequired,
    });
    const plain = types.typeExpr(schema, pointer, `${record}${pascalCase(key)}`);
    const type = withAnnotations(plain, entries);
    if (type === undefined) annotationsLeftOut(context, pointer);
    return { fieldName, type: type ?? plain };
  });
  const description = isObject(schema) ? schema.description : undefined;
  const target = /^[A-Za-z_]\w*$/.test(result.type) ? result.type : undefined;
  return {
    kind: 'field',
    name: result.fieldName,
    optional: !isRequired,
    type: result.type,
    target,
    lines: [...notes, ...docLines(description)],
    pointer,
  };
}

/** The property names of a record schema, its `allOf` parts' included. */
function fieldKeys(
  context: ImportContext,
  schema: unknown,
  pointer: string,
  depth = 0,
): Set<string> {
  const keys = new Set<string>();
  const { value, pointer: at } = context.deref(schema, pointer);
  if (!isObject(value) || depth > 32) return keys;
  if (isObject(value.properties)) for (const key of Object.keys(value.properties)) keys.add(key);
  if (Array.isArray(value.allOf)) {
    value.allOf.forEach((part, i) => {
      for (const key of fieldKeys(context, part, childPointer(at, 'allOf', i), depth + 1))
        keys.add(key);
    });
  }
  return keys;
}
