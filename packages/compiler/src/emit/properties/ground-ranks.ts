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
  for (let round = 0; ; round++) {
    const admitted = [...types.values()].filter(
      (decl) => !ranks.has(decl.name) && declarationIsGround(decl, new Set(ranks.keys()), types),
    );
    if (admitted.length === 0) return ranks;
    for (const decl of admitted) ranks.set(decl.name, round);
  }
}
