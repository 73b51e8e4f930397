import type {
  AliasDecl,
  ErrorDecl,
  Field,
  Invariant,
  RecordDecl,
  RecordMember,
  Spread,
} from '../generated/ast.js';
import { workspaceMemo } from './workspace-memo.js';
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
  let target = spread.target?.ref;
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

const expanded = workspaceMemo<RecordLike, RecordMember[]>();
const fields = workspaceMemo<RecordLike, Field[]>();

const expanding = new Set<RecordLike>();

/**
 * A record's members with spreads expanded in place, computed once per record. A spread that
 * leads back to a record being expanded adds nothing, so cyclic spreads terminate (the
 * validator reports the cycle).
 */
function expandMembers(decl: RecordLike): RecordMember[] {
  const known = expanded.get(decl);
  if (known) return known;
  expanding.add(decl);
  // A record reached twice through spreads (a diamond) contributes its members once.
  const members = new Set<RecordMember>();
  try {
    for (const member of decl.members) {
      if (!isSpread(member)) {
        members.add(member);
        continue;
      }
      const target = spreadTarget(member);
      if (target && !expanding.has(target)) {
        for (const inner of expandMembers(target)) members.add(inner);
      }
    }
  } finally {
    expanding.delete(decl);
  }
  const result = [...members];
  expanded.set(decl, result);
  return result;
}

/** Every field of a record, its own and those its spreads bring, in declaration order. */
export function recordFields(decl: RecordLike): Field[] {
  const known = fields.get(decl);
  if (known) return known;
  const result = expandMembers(decl).filter(isField);
  fields.set(decl, result);
  return result;
}

/** Every invariant of a record, its own and those its spreads bring. */
export function recordInvariants(decl: RecordLike): Invariant[] {
  return expandMembers(decl).filter(isInvariant);
}

/** The field of a record with the given name, own or spread. */
export function findField(decl: RecordLike, name: string): Field | undefined {
  return recordFields(decl).find((field) => field.name === name);
}
