import type {
  AliasDecl,
  ErrorDecl,
  Field,
  Invariant,
  RecordDecl,
  RecordMember,
  Spread,
} from '../generated/ast.js';
import {
  isAliasDecl,
  isErrorDecl,
  isField,
  isInvariant,
  isRecordDecl,
  isSpread,
  isTypeRef,
} from '../generated/ast.js';

/** A record-like declaration: a `type X { ... }` or an `error X 404 { ... }`. */
export type RecordLike = RecordDecl | ErrorDecl;

export function isRecordLike(node: unknown): node is RecordLike {
  return isRecordDecl(node) || isErrorDecl(node);
}

/** The record a spread copies: the one it names, or the record an alias of it stands for. */
export function spreadTarget(spread: Spread): RecordLike | undefined {
  let target = spread.target.ref;
  const seen = new Set<AliasDecl>();
  while (isAliasDecl(target) && !seen.has(target)) {
    seen.add(target);
    const aliased: unknown = target.type;
    if (!isTypeRef(aliased) || aliased.nullable || aliased.collection || aliased.primitive)
      return undefined;
    target = aliased.ref?.ref;
  }
  return isRecordLike(target) ? target : undefined;
}

/**
 * Walks a record's members, expanding spreads in place (each spread target once, so that
 * cyclic spreads terminate; the validator reports the cycle).
 */
function* expandMembers(decl: RecordLike, seen: Set<RecordLike>): Generator<RecordMember> {
  if (seen.has(decl)) return;
  seen.add(decl);
  for (const member of decl.members) {
    if (isSpread(member)) {
      const target = spreadTarget(member);
      if (target) yield* expandMembers(target, seen);
    } else {
      yield member;
    }
  }
}

/** Every field of a record, its own and those its spreads bring, in declaration order. */
export function recordFields(decl: RecordLike): Field[] {
  return [...expandMembers(decl, new Set())].filter(isField);
}

/** Every invariant of a record, its own and those its spreads bring. */
export function recordInvariants(decl: RecordLike): Invariant[] {
  return [...expandMembers(decl, new Set())].filter(isInvariant);
}

/** The field of a record with the given name, own or spread. */
export function findField(decl: RecordLike, name: string): Field | undefined {
  return recordFields(decl).find((field) => field.name === name);
}
