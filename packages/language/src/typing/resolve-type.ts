import type { AliasDecl, Constraint, TypeExpr, TypeRef } from '../generated/ast.js';
import {
  isAliasDecl,
  isEnumDecl,
  isErrorDecl,
  isRecordDecl,
  isTypeRef,
  isUnionTypeRef,
} from '../generated/ast.js';
import type { PrimitiveName, SpeclType } from './specl-type.js';
import { builtinTypeOf } from './media-types.js';
import { makeOptional, stripOptional, unknownType } from './specl-type.js';

/**
 * The type a type expression denotes, with aliases resolved. Alias cycles and names that are
 * not types give `unknown` (the validator reports them).
 */
export function resolveTypeExpr(expr: TypeExpr | undefined, seen?: Set<AliasDecl>): SpeclType {
  if (!expr) return unknownType;
  if (isUnionTypeRef(expr)) {
    const options = expr.options.map((option) => resolveTypeExpr(option, seen));
    // `A? | B` is `(A | B)?`: absence belongs to the union, not to one option.
    const union: SpeclType = { kind: 'union', options: options.map(stripOptional) };
    return options.some((option) => option.kind === 'optional') ? makeOptional(union) : union;
  }
  const base = resolveTypeRefBase(expr, seen);
  return expr.nullable ? makeOptional(base) : base;
}

function resolveTypeRefBase(ref: TypeRef, seen?: Set<AliasDecl>): SpeclType {
  if (ref.primitive) return { kind: 'primitive', name: ref.primitive as PrimitiveName };
  const builtin = builtinTypeOf(ref);
  if (builtin) return { kind: 'primitive', name: builtin };
  if (ref.collection === 'List')
    return { kind: 'list', element: resolveTypeExpr(ref.element, seen) };
  if (ref.collection === 'Map') return { kind: 'map', value: resolveTypeExpr(ref.element, seen) };
  const decl = ref.ref?.ref;
  if (isRecordDecl(decl) || isErrorDecl(decl)) return { kind: 'record', decl };
  if (isEnumDecl(decl)) return { kind: 'enum', decl };
  if (isAliasDecl(decl)) {
    // The aliases on the path from the outermost reference: a cycle makes the type unknown.
    // Sibling branches (`Id | List<Id>`) each get their own path.
    if (seen?.has(decl)) return unknownType;
    return resolveTypeExpr(decl.type, new Set(seen).add(decl));
  }

  return unknownType;
}

/** A constraint in effect on a type reference, and where it was written. */
export interface EffectiveConstraint {
  readonly name: string;
  readonly constraint: Constraint;
  /** True when the constraint comes from an alias the reference names, not from the reference. */
  readonly inherited: boolean;
}

/**
 * The constraints in effect on a type reference: those of the aliases it names (outermost
 * alias last) followed by its own.
 */
export function effectiveConstraints(ref: TypeExpr | undefined): EffectiveConstraint[] {
  if (!isTypeRef(ref)) return [];
  const inherited: EffectiveConstraint[] = [];
  const seen = new Set<AliasDecl>();
  let decl = ref.ref?.ref;
  while (isAliasDecl(decl) && !seen.has(decl)) {
    seen.add(decl);
    const aliasTarget = decl.type;
    if (!isTypeRef(aliasTarget)) break;
    inherited.unshift(
      ...aliasTarget.constraints.map((constraint) => ({
        name: constraint.name,
        constraint,
        inherited: true,
      })),
    );
    decl = aliasTarget.ref?.ref;
  }
  const own = ref.constraints.map((constraint) => ({
    name: constraint.name,
    constraint,
    inherited: false,
  }));
  return [...inherited, ...own];
}
