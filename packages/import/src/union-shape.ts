import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { isRecordSchema, typesOf, unionOptions } from './schema-shape.js';

/**
 * The `discriminator` property of a union schema when Specl can keep it (`A | B by kind`):
 * every option names a record schema whose property is required and a string `const`, each
 * its own value; otherwise undefined.
 */
export function discriminatorOf(
  context: ImportContext,
  schema: Record<string, unknown>,
  pointer: string,
): string | undefined {
  const discriminator = schema.discriminator;
  const options = Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string' || !options)
    return undefined;
  const field = discriminator.propertyName;
  const tags = new Set<string>();
  for (const option of options) {
    if (!isObject(option) || typeof option.$ref !== 'string') return undefined;
    const { value } = context.deref(option, pointer);
    if (!isObject(value) || !isObject(value.properties)) return undefined;
    const property = context.deref(value.properties[field], pointer).value;
    const required = Array.isArray(value.required) && value.required.includes(field);
    if (!required || !isObject(property) || typeof property.const !== 'string') return undefined;
    if (tags.has(property.const)) return undefined;
    tags.add(property.const);
  }
  return tags.size >= 2 ? field : undefined;
}

/** Whether no value can match two of `options`: each allows JSON types no other does. */
export function disjointOptions(
  context: ImportContext,
  options: unknown[],
  pointer: string,
): boolean {
  return disjointTypes(context, options, pointer) || disjointRecords(context, options, pointer);
}

/**
 * Whether closed records tell each other apart: for every two, one requires a property the
 * other (closed) does not declare.
 */
function disjointRecords(context: ImportContext, options: unknown[], pointer: string): boolean {
  const shapes = options.map((option) => {
    const { value } = context.deref(option, pointer);
    if (!isObject(value) || value.additionalProperties !== false || !isObject(value.properties))
      return undefined;
    const required = Array.isArray(value.required)
      ? value.required.filter((r): r is string => typeof r === 'string')
      : [];
    return { keys: new Set(Object.keys(value.properties)), required };
  });
  if (shapes.some((shape) => shape === undefined)) return false;
  for (let i = 0; i < shapes.length; i++) {
    for (let j = i + 1; j < shapes.length; j++) {
      const a = shapes[i]!;
      const b = shapes[j]!;
      if (!a.required.some((r) => !b.keys.has(r)) && !b.required.some((r) => !a.keys.has(r)))
        return false;
    }
  }
  return true;
}

function disjointTypes(context: ImportContext, options: unknown[], pointer: string): boolean {
  const seen = new Set<string>();
  for (const option of options) {
    const { value } = context.deref(option, pointer);
    if (!isObject(value)) return false;
    const types = isRecordSchema(context, value, pointer) ? ['object'] : typesOf(value);
    if (types.length === 0 || unionOptions(value).length > 0) return false;
    const kinds = types.map((t) => (t === 'integer' ? 'number' : t));
    if (kinds.some((t) => seen.has(t))) return false;
    for (const t of kinds) seen.add(t);
  }
  return true;
}
