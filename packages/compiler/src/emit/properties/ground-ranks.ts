import type { TypeDeclIR, TypeIR } from '../../ir/spec-ir.js';

/**
 * Whether a type has a finite value built from the named types in `ground` alone: every
 * required part (a field, a list's `minItems` items, one option of a union) must be.
 */
export function isGround(
  type: TypeIR,
  ground: ReadonlySet<string>,
  types: ReadonlyMap<string, TypeDeclIR>,
): boolean {
  switch (type.kind) {
    case 'primitive':
    case 'nullable':
      return true;
    case 'list':
      return (type.constraints.minItems ?? 0) === 0 || isGround(type.element, ground, types);
    case 'map':
      return (type.constraints.minItems ?? 0) === 0 || isGround(type.value, ground, types);
    case 'ref':
      return ground.has(type.name) || types.get(type.name)?.kind === 'enum';
    case 'union':
      return type.options.some((option) => isGround(option, ground, types));
  }
}

function declarationIsGround(
  decl: TypeDeclIR,
  ground: ReadonlySet<string>,
  types: ReadonlyMap<string, TypeDeclIR>,
): boolean {
  switch (decl.kind) {
    case 'enum':
      return true;
    case 'alias':
      return isGround(decl.type, ground, types);
    default:
      return decl.fields.every((field) => field.optional || isGround(field.type, ground, types));
  }
}

/**
 * The ground rank of every named type: the round in which it first has a finite value, when
 * each round admits the types whose required parts use only types admitted before. A type's
 * required parts can always be built from types of lower rank, so generating "downwards" in
 * rank always ends. (The checker rejects types with no finite value, which get no rank.)
 */
export function groundRanks(types: ReadonlyMap<string, TypeDeclIR>): ReadonlyMap<string, number> {
  const ranks = new Map<string, number>();
  let waiting = [...types.values()];
  for (let round = 0; ; round++) {
    // The types admitted in rounds before this one (one set a round, not one a declaration).
    const ground: ReadonlySet<string> = new Set(ranks.keys());
    const admitted = waiting.filter((decl) => declarationIsGround(decl, ground, types));
    if (admitted.length === 0) return ranks;
    for (const decl of admitted) ranks.set(decl.name, round);
    waiting = waiting.filter((decl) => !ranks.has(decl.name));
  }
}
