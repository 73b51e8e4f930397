import type { Constraint, ConstraintValue, TypeExpr } from '../generated/ast.js';
import {
  AliasDecl,
  EnumDecl,
  ErrorDecl,
  RecordDecl,
  TypeRef,
  UnionTypeRef,
  isBooleanLiteral,
  isStringLiteral,
  isAliasDecl,
  isTypeRef,
} from '../generated/ast.js';
import type { PrimitiveName, SpeclType } from './specl-type.js';
import type { BuiltinTypeName } from './media-types.js';
import { builtinTypeOf } from './media-types.js';
import { constraintNumber } from '../util/constraint-number.js';
import { makeOptional, stripOptional, unknownType } from './specl-type.js';
import { workspaceMemo } from './workspace-memo.js';

/**
 * The type a type expression denotes, with aliases resolved. Alias cycles and names that are
 * not types give `unknown` (the validator reports them).
 */
export function resolveTypeExpr(expr: TypeExpr | undefined): SpeclType {
  if (!expr) return unknownType;
  // By `$type`, as below: neither kind of type expression has a subtype.
  if (expr.$type === UnionTypeRef.$type) {
    const options = expr.options.map((option) => resolveTypeExpr(option));
    // `A? | B` is `(A | B)?`: absence belongs to the union, not to one option.
    const union: SpeclType = { kind: 'union', options: options.map(stripOptional) };
    return options.some((option) => option.kind === 'optional') ? makeOptional(union) : union;
  }
  const base = resolveTypeRefBase(expr);
  return expr.nullable ? makeOptional(base) : base;
}

/**
 * What the built-in types added in v0.1 are in expressions: `Int32` and `Int64` are `Int`s,
 * `Decimal` and `UriTemplate` strings (a decimal's digits travel as one), and `Json` any value, which the checker
 * cannot know (as `unknown`, it fits everywhere).
 */
const BUILTIN_EXPRESSION_TYPES: Readonly<Record<BuiltinTypeName, SpeclType>> = {
  Bytes: { kind: 'primitive', name: 'Bytes' },
  Int32: { kind: 'primitive', name: 'Int' },
  Int64: { kind: 'primitive', name: 'Int' },
  Decimal: { kind: 'primitive', name: 'String' },
  UriTemplate: { kind: 'primitive', name: 'String' },
  Json: unknownType,
};

/** The primitive a constant type (`"card"`, `3`, `true`) belongs to. */
export function constantPrimitive(value: ConstraintValue): PrimitiveName {
  if (isStringLiteral(value)) return 'String';
  if (isBooleanLiteral(value)) return 'Bool';
  const number = constraintNumber(value);
  return number !== undefined && Number.isInteger(number) ? 'Int' : 'Float';
}

/** One type object per primitive: types are values no one changes, and most refs name one. */
const primitiveTypes = new Map<string, SpeclType>();

function primitiveType(name: PrimitiveName): SpeclType {
  let type = primitiveTypes.get(name);
  if (!type) primitiveTypes.set(name, (type = { kind: 'primitive', name }));
  return type;
}

function resolveTypeRefBase(ref: TypeRef): SpeclType {
  if (ref.primitive) return primitiveType(ref.primitive as PrimitiveName);
  if (ref.constant) return primitiveType(constantPrimitive(ref.constant));
  const builtin = builtinTypeOf(ref);
  if (builtin) return BUILTIN_EXPRESSION_TYPES[builtin];
  if (ref.collection === 'List') return { kind: 'list', element: resolveTypeExpr(ref.element) };
  if (ref.collection === 'Map') return { kind: 'map', value: resolveTypeExpr(ref.element) };
  const decl = ref.ref?.ref;
  // By `$type` (none of these declarations has a subtype): one read instead of up to five
  // questions to the reflection, for every type reference the checks resolve.
  switch (decl?.$type) {
    case RecordDecl.$type:
    case ErrorDecl.$type:
      return { kind: 'record', decl: decl as RecordDecl | ErrorDecl };
    case EnumDecl.$type:
      return { kind: 'enum', decl: decl as EnumDecl };
    case AliasDecl.$type:
      return resolveAlias(decl as AliasDecl);
    default:
      return unknownType;
  }
}

/** The types of aliases resolved without meeting a cycle (those met one depend on the path). */
const aliasTypes = workspaceMemo<AliasDecl, SpeclType>();
/** The aliases being resolved: the path from the outermost reference. */
const resolving = new Set<AliasDecl>();
/** How many alias cycles were cut: a result computed while this grew is not memoised. */
let cyclesCut = 0;

/** The alias a type expression names plainly (`type B = A` or `A?`), if it names one. */
function plainAliasTarget(expr: TypeExpr): AliasDecl | undefined {
  if (!isTypeRef(expr) || expr.primitive || expr.collection) return undefined;
  const target = expr.ref?.ref;
  return isAliasDecl(target) ? target : undefined;
}

/**
 * The type an alias stands for. A chain of aliases naming each other (`type B = A`) is walked
 * without recursion, so its depth is bounded by memory, not the stack; an alias met again on
 * the path from the outermost reference is a cycle and stands for `unknown`.
 */
function resolveAlias(decl: AliasDecl): SpeclType {
  const known = aliasTypes.get(decl);
  if (known) return known;
  const cutBefore = cyclesCut;
  const chain: AliasDecl[] = [];
  let end: SpeclType | undefined;
  try {
    let current: AliasDecl | undefined = decl;
    while (current) {
      const memo = aliasTypes.get(current);
      if (memo) {
        end = memo;
        break;
      }
      if (resolving.has(current)) {
        cyclesCut++;
        end = unknownType;
        break;
      }
      chain.push(current);
      resolving.add(current);
      current = plainAliasTarget(current.type);
    }
    // Each alias of the chain stands for the type of the next, made optional by a `?`.
    let type: SpeclType;
    let i = chain.length - 1;
    if (end) {
      type = end;
    } else {
      type = resolveTypeExpr(chain[i]!.type);
      if (cyclesCut === cutBefore) aliasTypes.set(chain[i]!, type);
      i--;
    }
    for (; i >= 0; i--) {
      type = (chain[i]!.type as TypeRef).nullable ? makeOptional(type) : type;
      if (cyclesCut === cutBefore) aliasTypes.set(chain[i]!, type);
    }
    return type;
  } finally {
    for (const alias of chain) resolving.delete(alias);
  }
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
  if (ref?.$type !== TypeRef.$type) return [];
  let decl: unknown = ref.ref?.ref;
  let effective: EffectiveConstraint[] = [];
  if (isAliasDecl(decl)) {
    // Each alias's constraints go before those of the alias that names it.
    const seen = new Set<AliasDecl>();
    while (isAliasDecl(decl) && !seen.has(decl)) {
      seen.add(decl);
      const aliasTarget: TypeExpr | undefined = decl.type;
      if (!isTypeRef(aliasTarget)) break;
      const inherited = aliasTarget.constraints.map((constraint) => ({
        name: constraint.name,
        constraint,
        inherited: true,
      }));
      effective = inherited.length > 0 ? inherited.concat(effective) : effective;
      decl = aliasTarget.ref?.ref;
    }
  }
  for (const constraint of ref.constraints) {
    effective.push({ name: constraint.name, constraint, inherited: false });
  }
  return effective;
}
