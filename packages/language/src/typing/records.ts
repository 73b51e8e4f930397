import type { AliasDecl, ErrorDecl, RecordDecl, RecordMember } from '../generated/ast.js';
import { workspaceMemo } from './workspace-memo.js';
import {
  Field,
  Invariant,
  OpenFields,
  Spread,
  isAliasDecl,
  isErrorDecl,
  isRecordDecl,
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
  if (!isAliasDecl(target)) return isRecordLike(target) ? target : undefined;
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

const expanded = workspaceMemo<RecordLike, readonly RecordMember[]>();
const fields = workspaceMemo<RecordLike, readonly Field[]>();

const expanding = new Set<RecordLike>();

/** A record being expanded: its members so far, and the index of the next one to read. */
interface Expansion {
  readonly decl: RecordLike;
  readonly members: Set<RecordMember>;
  next: number;
}

/**
 * A record's members with spreads expanded in place, computed once per record. A spread that
 * leads back to a record being expanded adds nothing, so cyclic spreads terminate (the
 * validator reports the cycle). The spreads are followed with a stack of their own, not by
 * recursion, so a chain of spreads is bounded by memory, not by the call stack.
 */
function expandMembers(decl: RecordLike): readonly RecordMember[] {
  const known = expanded.get(decl);
  if (known) return known;
  // Most records spread nothing: their members are their own list, without a set and a copy.
  if (!hasSpread(decl)) {
    expanded.set(decl, decl.members);
    return decl.members;
  }
  // A record reached twice through spreads (a diamond) contributes its members once.
  const stack: Expansion[] = [{ decl, members: new Set(), next: 0 }];
  expanding.add(decl);
  let result: RecordMember[] = [];
  try {
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.decl.members.length) {
        const member = top.decl.members[top.next++]!;
        if (member.$type !== Spread.$type) {
          top.members.add(member);
          continue;
        }
        const target = spreadTarget(member);
        if (!target || expanding.has(target)) continue;
        const done = expanded.get(target);
        if (done) {
          for (const inner of done) top.members.add(inner);
          continue;
        }
        expanding.add(target);
        stack.push({ decl: target, members: new Set(), next: 0 });
        continue;
      }
      stack.pop();
      expanding.delete(top.decl);
      result = [...top.members];
      expanded.set(top.decl, result);
      const below = stack[stack.length - 1];
      if (below) for (const inner of result) below.members.add(inner);
    }
  } finally {
    for (const open of stack) expanding.delete(open.decl);
  }
  return result;
}

function hasSpread(decl: RecordLike): boolean {
  const members = decl.members;
  for (let i = 0; i < members.length; i++) {
    if (members[i]!.$type === Spread.$type) return true;
  }
  return false;
}

/**
 * Whether a record's member is a field. The members are told apart by `$type` here and below
 * (none of these types has a subtype): a record's members are sorted once for every record,
 * and a question to the reflection for each was the most of it.
 */
function isFieldMember(member: RecordMember): member is Field {
  return member.$type === Field.$type;
}

/**
 * Every field of a record, its own and those its spreads bring, in declaration order. The list
 * may be the record's own list of members (when they are all fields): not to be changed.
 */
export function recordFields(decl: RecordLike): readonly Field[] {
  const known = fields.get(decl);
  if (known) return known;
  const members = expandMembers(decl);
  const result = members.every(isFieldMember) ? members : members.filter(isFieldMember);
  fields.set(decl, result);
  return result;
}

/** Every invariant of a record, its own and those its spreads bring. */
export function recordInvariants(decl: RecordLike): Invariant[] {
  return expandMembers(decl).filter(
    (member): member is Invariant => member.$type === Invariant.$type,
  );
}

/** The field of a record with the given name, own or spread. */
export function findField(decl: RecordLike, name: string): Field | undefined {
  return recordFields(decl).find((field) => field.name === name);
}

/**
 * What opens a record to further fields (`...Map<T>`), its own or brought by a spread: the
 * first met, in declaration order (a second is reported by the checker).
 */
export function recordOpenFields(decl: RecordLike): OpenFields | undefined {
  return expandMembers(decl).find(
    (member): member is OpenFields => member.$type === OpenFields.$type,
  );
}
