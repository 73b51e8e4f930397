import { FORMAT_SHAPES } from '@specl/language';
import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';
import { enumMembers, typesOf } from './schema-shape.js';
import { jsonLiteral } from './json-literal.js';
import { numberLiteral, shortJson, stringLiteral } from './specl-text.js';

/** What holds a type: a record field, or a parameter; optional or not. */
export interface AnnotationHolder {
  readonly field: boolean;
  readonly optional: boolean;
}

/** Keywords that say something of a value's use, not which values are allowed. */
const annotationKeywords = new Set([
  'readOnly',
  'writeOnly',
  'deprecated',
  'example',
  'examples',
  'default',
  'description',
  'title',
]);

/** Whether a schema holds annotations only (`{ readOnly: true }`): it allows every value. */
export function isAnnotationOnly(schema: unknown): boolean {
  return isObject(schema) && Object.keys(schema).every((key) => annotationKeywords.has(key));
}

/**
 * Where a field's annotations are: its schema, or, for a reference with annotations (as Specl
 * compiles `X { readOnly: true }`: `allOf: [{ $ref }, { readOnly: true }]`, and `X? { ... }`:
 * that, or null; `Json? { ... }`: the annotations, or null), the part that holds them
 * (constraints may stand beside them).
 */
export function annotationSite(
  schema: unknown,
  pointer: string,
): { schema: unknown; pointer: string } {
  if (!isObject(schema)) return { schema, pointer };
  let target: unknown = schema;
  let at = pointer;
  const keyword = Array.isArray(schema.oneOf)
    ? 'oneOf'
    : Array.isArray(schema.anyOf)
      ? 'anyOf'
      : undefined;
  const options = keyword ? (schema[keyword] as unknown[]) : [];
  const nullAt = options.findIndex((o) => isObject(o) && o.type === 'null');
  if (options.length === 2 && nullAt >= 0) {
    target = options[1 - nullAt];
    at = childPointer(pointer, keyword!, 1 - nullAt);
  }
  // `Json? { readOnly: true }`: `anyOf: [{ readOnly: true }, { type: 'null' }]`.
  if (target !== schema && isAnnotationOnly(target)) return { schema: target, pointer: at };
  if (!isObject(target) || !Array.isArray(target.allOf) || target.allOf.length !== 2)
    return { schema, pointer };
  // The second part: annotations, maybe beside constraints (`{ pattern, writeOnly }`).
  const [first, second] = target.allOf as unknown[];
  if (
    !isObject(first) ||
    typeof first.$ref !== 'string' ||
    !isObject(second) ||
    second.$ref !== undefined ||
    isObject(second.properties) ||
    !Object.keys(second).some((key) => annotationKeywords.has(key))
  )
    return { schema, pointer };
  return { schema: second, pointer: childPointer(at, 'allOf', 1) };
}

/**
 * `type` with the annotations of `site` (a part that only annotates, from
 * {@link annotationSite}) that can be written; those that cannot are warned of.
 */
export function annotatedType(
  context: ImportContext,
  type: string,
  site: { schema: unknown; pointer: string },
): string {
  const entries = annotationEntries(context, site.schema, site.pointer, {
    field: false,
    optional: false,
  });
  const annotated = withAnnotations(type, entries);
  if (annotated === undefined) annotationsLeftOut(context, site.pointer);
  return annotated ?? type;
}

/** The Specl type of each string format import writes (as the schema translator maps them). */
const formatTypes: Readonly<Record<string, string>> = {
  uuid: 'Uuid',
  email: 'Email',
  uri: 'Url',
  date: 'Date',
  'date-time': 'DateTime',
  'uri-template': 'UriTemplate',
};

/**
 * The annotations of a field's or parameter's schema that Specl can write (`example`,
 * `default`, `readOnly`, `writeOnly`, `deprecated`), as `name: literal` entries. The keywords
 * it takes are marked in `context.annotated`, so the schema's notes do not warn about them; an
 * example or default that does not fit the schema stays a comment (warned there).
 */
export function annotationEntries(
  context: ImportContext,
  schema: unknown,
  pointer: string,
  holder: AnnotationHolder,
): string[] {
  if (!isObject(schema)) return [];
  const entries: string[] = [];
  const taken = new Set<string>();
  const take = (keyword: string, entry: string) => {
    taken.add(keyword);
    entries.push(entry);
  };
  const example = firstExample(schema);
  if (example.keyword !== undefined) {
    const literal = fittingLiteral(context, example.value, schema, pointer);
    if (literal !== undefined) {
      take(example.keyword, `example: ${literal}`);
      if (leftToChecker(context, example.value, schema, pointer))
        context.structured(`example: ${literal}`, childPointer(pointer, example.keyword));
      if (example.more)
        context.warn(
          'left-out',
          childPointer(pointer, 'examples'),
          `examples after the first are left out: ${shortJson((schema.examples as unknown[]).slice(1))}`,
        );
    }
  }
  if (schema.default !== undefined && holder.optional) {
    const literal = fittingLiteral(context, schema.default, schema, pointer);
    if (literal !== undefined) take('default', `default: ${literal}`);
    if (literal !== undefined && leftToChecker(context, schema.default, schema, pointer))
      context.structured(`default: ${literal}`, childPointer(pointer, 'default'));
  }
  if (holder.field && (schema.readOnly === true) !== (schema.writeOnly === true)) {
    const which = schema.readOnly === true ? 'readOnly' : 'writeOnly';
    take(which, `${which}: true`);
  }
  if (schema.deprecated === true) take('deprecated', 'deprecated: true');
  if (taken.size > 0) context.annotated.set(pointer, taken);
  return entries;
}

/**
 * `type` with `entries` added to its braces, or undefined when it is a union (whose braces would
 * constrain its last option only).
 */
export function withAnnotations(type: string, entries: readonly string[]): string | undefined {
  if (entries.length === 0) return type;
  let depth = 0;
  let lastBlock = -1;
  for (let i = 0; i < type.length; i++) {
    const c = type[i]!;
    if (c === '"') {
      for (i++; i < type.length && type[i] !== '"'; i++) if (type[i] === '\\') i++;
    } else if (c === '<' || c === '{') {
      if (c === '{' && depth === 0) lastBlock = i;
      depth++;
    } else if (c === '>' || c === '}') depth--;
    else if (c === '|' && depth === 0) return undefined;
  }
  if (lastBlock >= 0 && type.endsWith('}'))
    return `${type.slice(0, -1).trimEnd()}, ${entries.join(', ')} }`;
  return `${type} { ${entries.join(', ')} }`;
}

/** Warns about annotations taken for a type that cannot hold them, and unmarks them. */
export function annotationsLeftOut(context: ImportContext, pointer: string): void {
  const taken = context.annotated.get(pointer);
  if (!taken) return;
  context.annotated.delete(pointer);
  for (const keyword of taken)
    context.warn(
      'left-out',
      childPointer(pointer, keyword),
      `\`${keyword}\` is left out: Specl writes annotations on a single type, not a union`,
    );
}

function firstExample(schema: Record<string, unknown>): {
  keyword?: string;
  value?: unknown;
  more?: boolean;
} {
  if (Array.isArray(schema.examples) && schema.examples.length > 0)
    return { keyword: 'examples', value: schema.examples[0], more: schema.examples.length > 1 };
  if (schema.example !== undefined) return { keyword: 'example', value: schema.example };
  return {};
}

/** Whether a value is an object, a list or null: written as is, and judged by the checker. */
function isStructured(value: unknown): boolean {
  return value === null || typeof value === 'object';
}

/**
 * Whether the checker, not import, judges whether `value` fits: an object, a list or null, or
 * any value of a schema that holds no type of its own (the annotations part of `allOf: [{ $ref
 * }, { examples }]`, as Specl compiles `Status { example: "a" }`, whose type is the reference's).
 */
function leftToChecker(
  context: ImportContext,
  value: unknown,
  schema: Record<string, unknown>,
  pointer: string,
): boolean {
  if (isStructured(value)) return true;
  const { value: resolved } = context.deref(schema, pointer);
  if (!isObject(resolved) || typesOf(resolved).length > 0 || enumMembers(resolved)) return false;
  return ['$ref', 'enum', 'const', 'allOf', 'oneOf', 'anyOf'].every(
    (k) => resolved[k] === undefined,
  );
}

/**
 * A Specl literal of `value` when the schema (after refs) is a scalar it fits; an object, list
 * or null as it is, and any value of a schema without a type of its own (the checker judges
 * those against the type import wrote, and import takes out those that do not fit).
 */
function fittingLiteral(
  context: ImportContext,
  value: unknown,
  schema: Record<string, unknown>,
  pointer: string,
): string | undefined {
  if (leftToChecker(context, value, schema, pointer)) return jsonLiteral(value);
  const { value: resolved } = context.deref(schema, pointer);
  if (!isObject(resolved) || !fits(resolved, value)) return undefined;
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return numberLiteral(value);
  return value ? 'true' : 'false';
}

function fits(schema: Record<string, unknown>, value: unknown): boolean {
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  const members = enumMembers(schema);
  if (members) return typeof value === 'string' && members.includes(value);
  const types = typesOf(schema);
  if (types.length !== 1 || schema.allOf !== undefined || schema.oneOf !== undefined) return false;
  switch (types[0]) {
    case 'string':
      return typeof value === 'string' && fitsString(schema, value);
    case 'integer':
      return Number.isSafeInteger(value) && fitsNumber(schema, value as number);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && fitsNumber(schema, value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return false;
  }
}

function fitsString(schema: Record<string, unknown>, value: string): boolean {
  const format = typeof schema.format === 'string' ? formatTypes[schema.format] : undefined;
  if (format !== undefined && !FORMAT_SHAPES[format]!.test(value)) return false;
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
  if (typeof schema.pattern === 'string') {
    try {
      if (!new RegExp(schema.pattern, 'u').test(value)) return false;
    } catch {
      return true;
    }
  }
  return true;
}

function fitsNumber(schema: Record<string, unknown>, value: number): boolean {
  const bound = (key: string) =>
    typeof schema[key] === 'number' ? (schema[key] as number) : undefined;
  const min = bound('minimum');
  const max = bound('maximum');
  const exMin = schema.exclusiveMinimum === true ? min : bound('exclusiveMinimum');
  const exMax = schema.exclusiveMaximum === true ? max : bound('exclusiveMaximum');
  if (min !== undefined && value < min) return false;
  if (max !== undefined && value > max) return false;
  if (exMin !== undefined && value <= exMin) return false;
  if (exMax !== undefined && value >= exMax) return false;
  return Math.abs(value) <= Number.MAX_SAFE_INTEGER || !Number.isInteger(value);
}
