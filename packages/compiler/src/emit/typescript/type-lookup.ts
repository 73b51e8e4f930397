import type { FieldIR, TypeDeclIR, TypeIR } from '../../ir/spec-ir.js';

/** The named types of a spec, by name. */
export type TypesByName = ReadonlyMap<string, TypeDeclIR>;

/** The type an alias chain stands for (each alias followed once; a cycle gives undefined). */
export function resolveAliases(type: TypeIR, types: TypesByName): TypeIR | undefined {
  let current = type;
  const seen = new Set<string>();
  while (current.kind === 'ref') {
    const decl = types.get(current.name);
    if (decl?.kind !== 'alias') return current;
    if (seen.has(decl.name)) return undefined;
    seen.add(decl.name);
    current = decl.type;
  }
  return current;
}

/** Whether `null` is a value of the type: a nullable type, or an alias of one. */
export function admitsNull(type: TypeIR, types: TypesByName): boolean {
  const resolved = resolveAliases(type, types);
  if (resolved === undefined) return false;
  if (resolved.kind === 'nullable') return true;
  return resolved.kind === 'union' && resolved.options.some((option) => admitsNull(option, types));
}

/** The records a type's values may be (through aliases, nullable types and unions). */
function recordsOf(type: TypeIR, types: TypesByName): TypeDeclIR[] {
  const resolved = resolveAliases(type, types);
  if (resolved === undefined) return [];
  switch (resolved.kind) {
    case 'nullable':
      return recordsOf(resolved.inner, types);
    case 'union':
      return resolved.options.flatMap((option) => recordsOf(option, types));
    case 'ref': {
      const decl = types.get(resolved.name);
      return decl && (decl.kind === 'record' || decl.kind === 'error') ? [decl] : [];
    }
    default:
      return [];
  }
}

/**
 * The field a member access reads, from the receiver's type: its type, and whether some record
 * the receiver may be declares it optional. Undefined when the type is unknown or has no such
 * field.
 */
export function fieldOf(
  type: TypeIR | undefined,
  name: string,
  types: TypesByName,
): { readonly type: TypeIR; readonly optional: boolean } | undefined {
  if (type === undefined) return undefined;
  const fields = recordsOf(type, types).map((decl) =>
    decl.kind === 'record' || decl.kind === 'error'
      ? decl.fields.find((field: FieldIR) => field.name === name)
      : undefined,
  );
  const first = fields.find((field) => field !== undefined);
  if (first === undefined) return undefined;
  return {
    type: first.type,
    optional: fields.some((field) => field === undefined || field.optional),
  };
}

/** The element type of a list type (through aliases and nullable types), if it is one. */
export function elementOf(type: TypeIR | undefined, types: TypesByName): TypeIR | undefined {
  if (type === undefined) return undefined;
  const resolved = resolveAliases(type, types);
  if (resolved?.kind === 'nullable') return elementOf(resolved.inner, types);
  return resolved?.kind === 'list' ? resolved.element : undefined;
}
