import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { isNullable, isNullSchema, isRecordSchema, typesOf, unionOptions } from './schema-shape.js';

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
 * Whether records tell each other apart: for every two, one requires a property the other
 * (closed) does not declare, or a property one requires and both declare takes JSON values
 * of kinds (or string constants) the other's does not.
 */
function disjointRecords(context: ImportContext, options: unknown[], pointer: string): boolean {
  const shapes = options.map((option) => {
    const { value } = context.deref(option, pointer);
    if (!isObject(value) || !isObject(value.properties)) return undefined;
    const required = Array.isArray(value.required)
      ? value.required.filter((r): r is string => typeof r === 'string')
      : [];
    return { properties: value.properties, closed: value.additionalProperties === false, required };
  });
  if (shapes.some((shape) => shape === undefined)) return false;
  type Shape = NonNullable<(typeof shapes)[number]>;
  const apart = (a: Shape, b: Shape) =>
    a.required.some((r) => {
      if (!Object.hasOwn(b.properties, r)) return b.closed;
      const x = valueKinds(context, a.properties[r], pointer);
      const y = valueKinds(context, b.properties[r], pointer);
      return x !== undefined && y !== undefined && !kindsOverlap(x, y);
    });
  for (let i = 0; i < shapes.length; i++) {
    for (let j = i + 1; j < shapes.length; j++) {
      if (!apart(shapes[i]!, shapes[j]!) && !apart(shapes[j]!, shapes[i]!)) return false;
    }
  }
  return true;
}

/**
 * The kinds of JSON value a schema (after refs) allows, one level deep: `string:VALUE` for each
 * string of an enum or constant, else its JSON types (`integer` counted as `number`), with
 * `null` when nullable; undefined when it may be any value or is not known.
 */
function valueKinds(
  context: ImportContext,
  schema: unknown,
  pointer: string,
  depth = 0,
): Set<string> | undefined {
  const { value } = context.deref(schema, pointer);
  if (!isObject(value) || depth > 8) return undefined;
  const kinds = new Set<string>();
  if (isNullable(value)) kinds.add('null');
  const options = unionOptions(value).filter((option) => !isNullSchema(option));
  if (options.length > 0) {
    for (const option of options) {
      const inner = valueKinds(context, option, pointer, depth + 1);
      if (inner === undefined) return undefined;
      for (const kind of inner) kinds.add(kind);
    }
    return kinds;
  }
  if (Array.isArray(value.allOf) && value.allOf.length > 0) {
    return valueKinds(context, value.allOf[0], pointer, depth + 1);
  }
  const constants = value.const !== undefined ? [value.const] : value.enum;
  if (Array.isArray(constants) && constants.every((c) => typeof c === 'string' || c === null)) {
    for (const c of constants) kinds.add(c === null ? 'null' : `string:${c}`);
    return kinds;
  }
  const types = typesOf(value);
  if (types.length === 0) return undefined;
  for (const t of types) kinds.add(t === 'integer' ? 'number' : t);
  return kinds;
}

/** Whether one value can be of a kind in each set (a string type allows every constant). */
function kindsOverlap(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  const stringIn = (set: ReadonlySet<string>) => [...set].some((k) => k.startsWith('string'));
  if ((x.has('string') && stringIn(y)) || (y.has('string') && stringIn(x))) return true;
  return [...x].some((kind) => y.has(kind));
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
