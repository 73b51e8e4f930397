import type { ErrorIR, RecordIR, TypeDeclIR, TypeIR } from '../../ir/spec-ir.js';

/**
 * One kind of JSON value a type admits: its JSON type, the values of an enum, the record of an
 * object. Constraints are ignored, which only ever makes two types look less exclusive.
 */
type Shape =
  | { readonly json: 'any' }
  | { readonly json: 'string'; readonly values?: readonly string[] }
  | { readonly json: 'integer' | 'number' | 'boolean' | 'null' | 'array' }
  | { readonly json: 'object'; readonly record?: RecordIR | ErrorIR };

/** The named types of a spec, by name. */
export type TypesByName = ReadonlyMap<string, TypeDeclIR>;

const NULL_SHAPE: Shape = { json: 'null' };

function primitiveShape(type: Extract<TypeIR, { kind: 'primitive' }>): Shape {
  const value = type.constraints.const;
  if (typeof value === 'string') return { json: 'string', values: [value] };
  switch (type.name) {
    case 'Json':
      return { json: 'any' };
    case 'Int':
    case 'Int32':
    case 'Int64':
      return { json: 'integer' };
    case 'Float':
      return { json: 'number' };
    case 'Bool':
      return { json: 'boolean' };
    default:
      return { json: 'string' };
  }
}

/** The shapes of the values of a type (aliases followed, each alias once). */
function shapesOf(type: TypeIR, types: TypesByName, seen = new Set<string>()): Shape[] {
  switch (type.kind) {
    case 'primitive':
      return [primitiveShape(type)];
    case 'list':
      return [{ json: 'array' }];
    case 'map':
      return [{ json: 'object' }];
    case 'union':
      return type.options.flatMap((option) => shapesOf(option, types, seen));
    case 'nullable':
      return [...shapesOf(type.inner, types, seen), NULL_SHAPE];
    case 'ref': {
      const decl = types.get(type.name);
      if (!decl) return [{ json: 'object' }];
      if (decl.kind === 'enum')
        return [{ json: 'string', values: decl.members.map((m) => m.name) }];
      if (decl.kind === 'alias') {
        if (seen.has(decl.name)) return [];
        return shapesOf(decl.type, types, new Set(seen).add(decl.name));
      }
      return [{ json: 'object', record: decl }];
    }
  }
}

/** Whether two closed records (`additionalProperties: false`) can share a value. */
function recordsOverlap(a: RecordIR | ErrorIR, b: RecordIR | ErrorIR, types: TypesByName) {
  if (a === b) return true;
  const fieldsOf = (r: RecordIR | ErrorIR) => new Map(r.fields.map((f) => [f.name, f]));
  const [fa, fb] = [fieldsOf(a), fieldsOf(b)];
  for (const [one, other] of [
    [fa, fb],
    [fb, fa],
  ] as const) {
    for (const field of one.values()) {
      const match = other.get(field.name);
      // An open record (`...Map<T>`) may hold a field it does not declare.
      const otherOpen = (one === fa ? b : a).openFields !== undefined;
      if (!field.optional && !match && !otherOpen) return false;
      if (!field.optional && match) {
        // A field one requires and both declare: the records are exclusive when its types are
        // (compared one level deep).
        const overlap = shapesOf(field.type, types).some((x) =>
          shapesOf(match.type, types).some((y) => shapesOverlap(x, y, types, 0)),
        );
        if (!overlap) return false;
      }
    }
  }
  return true;
}

function shapesOverlap(a: Shape, b: Shape, types: TypesByName, depth: number): boolean {
  const numeric = (s: Shape) => s.json === 'integer' || s.json === 'number';
  if (a.json === 'any' || b.json === 'any') return true;
  if (numeric(a) && numeric(b)) return true;
  if (a.json !== b.json) return false;
  if (a.json === 'string' && b.json === 'string' && a.values && b.values)
    return a.values.some((value) => b.values!.includes(value));
  if (a.json === 'object' && b.json === 'object' && a.record && b.record && depth > 0)
    return recordsOverlap(a.record, b.record, types);
  return true;
}

/**
 * The JSON Schema keyword for a union: `oneOf` when no JSON value can fit two of the options
 * (different JSON types, enums without a common member, closed records that differ in a
 * required field), and otherwise `anyOf`, since `oneOf` would reject a value that fits two
 * options (`{}` fits every record whose fields are all optional; `1` is both an `Int` and a
 * `Float`). `nullable` adds a `null` option.
 */
export function unionKeyword(
  options: readonly TypeIR[],
  nullable: boolean,
  types: TypesByName,
): 'oneOf' | 'anyOf' {
  const shapes = options.map((option) => shapesOf(option, types));
  if (nullable) shapes.push([NULL_SHAPE]);
  for (let i = 0; i < shapes.length; i++) {
    for (let j = i + 1; j < shapes.length; j++) {
      const overlap = shapes[i]!.some((x) => shapes[j]!.some((y) => shapesOverlap(x, y, types, 1)));
      if (overlap) return 'anyOf';
    }
  }
  return 'oneOf';
}

/**
 * Whether `null` is a value of the type (a nullable alias, a union with a nullable option,
 * `Json`, whose empty schema admits every value).
 */
export function admitsNull(type: TypeIR, types: TypesByName): boolean {
  return shapesOf(type, types).some((shape) => shape.json === 'null' || shape.json === 'any');
}
