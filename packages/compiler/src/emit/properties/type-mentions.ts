import type { TypeDeclIR, TypeIR } from '../../ir/spec-ir.js';

/** The named types a type mentions, through aliases' own text too (not through records). */
export function mentions(type: TypeIR): string[] {
  switch (type.kind) {
    case 'primitive':
      return [];
    case 'list':
      return mentions(type.element);
    case 'map':
      return mentions(type.value);
    case 'ref':
      return [type.name];
    case 'union':
      return type.options.flatMap(mentions);
    case 'nullable':
      return mentions(type.inner);
  }
}

/**
 * Whether values of a type can hold a list or a map: directly, or through the named types it
 * mentions (an alias's type, a record's fields or its other fields `...Map<T>`, each named
 * type looked at once).
 */
export function holdsCollections(
  type: TypeIR,
  types: ReadonlyMap<string, TypeDeclIR>,
  seen: Set<string> = new Set(),
): boolean {
  if (type.kind === 'list' || type.kind === 'map') return true;
  return mentions(type).some((name) => {
    if (seen.has(name)) return false;
    seen.add(name);
    const decl = types.get(name);
    if (decl === undefined || decl.kind === 'enum') return false;
    if (decl.kind === 'alias') return holdsCollections(decl.type, types, seen);
    return (
      decl.openFields !== undefined ||
      decl.fields.some((field) => holdsCollections(field.type, types, seen))
    );
  });
}
