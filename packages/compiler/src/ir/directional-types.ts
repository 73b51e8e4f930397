import type {
  ConditionIR,
  ErrorIR,
  ExprIR,
  FieldIR,
  RecordIR,
  SpecIR,
  TypeDeclIR,
  TypeIR,
} from './spec-ir.js';

/**
 * Which way a value travels: a request carries no `readOnly` field (the server sets it), a
 * response no `writeOnly` one (the client sends it, as a password, and never reads it back).
 */
export type Direction = 'request' | 'response';

/** The annotations a type carries, through a `?` (`id: Uuid? { readOnly: true }`). */
function annotated(type: TypeIR): TypeIR {
  return type.kind === 'nullable' ? annotated(type.inner) : type;
}

/** Whether a field does not travel that way: readOnly in a request, writeOnly in a response. */
export function isHiddenIn(field: FieldIR, direction: Direction): boolean {
  const type = annotated(field.type);
  if (type.kind === 'union' || type.kind === 'nullable') return false;
  return direction === 'request'
    ? type.constraints.readOnly === true
    : type.constraints.writeOnly === true;
}

/** The named types a type names, at any depth of lists, maps, unions and `?`. */
function named(type: TypeIR): string[] {
  switch (type.kind) {
    case 'primitive':
      return [];
    case 'list':
      return named(type.element);
    case 'map':
      return named(type.value);
    case 'ref':
      return [type.name];
    case 'union':
      return type.options.flatMap(named);
    case 'nullable':
      return named(type.inner);
  }
}

function mentioned(decl: TypeDeclIR): string[] {
  switch (decl.kind) {
    case 'record':
    case 'error':
      return [
        ...decl.fields.flatMap((field) => named(field.type)),
        ...(decl.openFields ? named(decl.openFields) : []),
      ];
    case 'alias':
      return named(decl.type);
    case 'enum':
      return [];
  }
}

/**
 * The named types whose values differ by direction: records with a field hidden that way, and
 * every type that names one of them (at any depth). Each gets a validator and an arbitrary of
 * its own for that direction; the others are the same both ways.
 */
export function directionalTypes(ir: SpecIR, direction: Direction): ReadonlySet<string> {
  const found = new Set(
    ir.types
      .filter((decl) => decl.kind === 'record' || decl.kind === 'error')
      .filter((decl) => decl.fields.some((field) => isHiddenIn(field, direction)))
      .map((decl) => decl.name),
  );
  if (found.size === 0) return found;
  const edges = ir.types.map((decl) => [decl.name, mentioned(decl)] as const);
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, targets] of edges) {
      if (!found.has(name) && targets.some((target) => found.has(target))) {
        found.add(name);
        grew = true;
      }
    }
  }
  return found;
}

/** The fields of its record an expression (an invariant) reads, by name. */
function fieldsRead(expr: ExprIR): string[] {
  switch (expr.kind) {
    case 'name':
      return expr.scope === 'field' ? [expr.name] : [];
    case 'list':
      return expr.items.flatMap(fieldsRead);
    case 'record':
      return expr.fields.flatMap((field) => fieldsRead(field.value));
    case 'member':
      return fieldsRead(expr.receiver);
    case 'unary':
      return fieldsRead(expr.operand);
    case 'binary':
      return [...fieldsRead(expr.left), ...fieldsRead(expr.right)];
    case 'quantifier':
      return [...fieldsRead(expr.collection), ...fieldsRead(expr.predicate)];
    case 'builtin':
      return expr.args.flatMap(fieldsRead);
    default:
      return [];
  }
}

/**
 * How a record's invariant is checked on values travelling one way: `always`; only when the
 * value carries the fields that way leaves out (`present`, the fields it reads that are hidden:
 * an invariant about a field that is absent says nothing); or `never`, when it reads a field
 * whose own type differs that way (what it reads inside may be absent, at any depth).
 */
export type InvariantUse =
  | { readonly kind: 'always' }
  | { readonly kind: 'present'; readonly fields: readonly string[] }
  | { readonly kind: 'never' };

/** How `invariant` of `decl` is checked in `direction` (see {@link InvariantUse}). */
export function invariantUse(
  decl: RecordIR | ErrorIR,
  invariant: ConditionIR,
  direction: Direction,
  differs: (name: string) => boolean,
): InvariantUse {
  const read = new Set(fieldsRead(invariant.expr));
  const fields = decl.fields.filter((field) => read.has(field.name));
  if (fields.some((field) => named(field.type).some(differs))) return { kind: 'never' };
  const hidden = fields.filter((field) => isHiddenIn(field, direction)).map((f) => f.name);
  return hidden.length === 0 ? { kind: 'always' } : { kind: 'present', fields: hidden };
}
