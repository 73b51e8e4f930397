import type { RecordLike } from './records.js';
import { recordFields, recordOpenFields } from './records.js';
import { resolveTypeExpr } from './resolve-type.js';
import type { SpeclType } from './specl-type.js';
import { stripOptional } from './specl-type.js';
import { workspaceMemo } from './workspace-memo.js';

/** Whether a record reaches `Bytes`, for the records whose answer is known. */
const reachesBytes = workspaceMemo<RecordLike, boolean>();

/**
 * Whether a type holds `Bytes` anywhere inside it: in itself, a list or map element, a union
 * option, a field of a record it reaches or the further fields an open record allows. The records are walked with a stack of their own
 * (a chain of records nesting each other is bounded by memory, not the call stack), and the
 * answer is kept per record: when no `Bytes` is found, every record met reaches none, so each
 * record of a workspace is walked once however many bodies name it.
 */
export function containsBytes(type: SpeclType): boolean {
  // The common cases at once: a primitive, or a record already walked.
  const plain = stripOptional(type);
  if (plain.kind === 'primitive') return plain.name === 'Bytes';
  if (plain.kind === 'record') {
    const known = reachesBytes.get(plain.decl);
    if (known !== undefined) return known;
  }
  const stack: SpeclType[] = [type];
  /** The record each record was first met through: `true` is kept for the whole path. */
  const via = new Map<RecordLike, RecordLike | undefined>();
  const owner: (RecordLike | undefined)[] = [undefined];
  while (stack.length > 0) {
    const t = stripOptional(stack.pop()!);
    const from = owner.pop();
    let found = false;
    if (t.kind === 'primitive') found = t.name === 'Bytes';
    else if (t.kind === 'list') push(t.element, from);
    else if (t.kind === 'map') push(t.value, from);
    else if (t.kind === 'union') for (const option of t.options) push(option, from);
    else if (t.kind === 'record') {
      const known = reachesBytes.get(t.decl);
      if (known === true) found = true;
      else if (known === undefined && !via.has(t.decl)) {
        via.set(t.decl, from);
        for (const field of recordFields(t.decl)) push(resolveTypeExpr(field.type), t.decl);
        const open = recordOpenFields(t.decl);
        if (open) push(resolveTypeExpr(open.type), t.decl);
      }
    }
    if (found) {
      for (let r = from; r; r = via.get(r)) reachesBytes.set(r, true);
      return true;
    }
  }
  for (const decl of via.keys()) reachesBytes.set(decl, false);
  return false;

  function push(inner: SpeclType, from: RecordLike | undefined): void {
    stack.push(inner);
    owner.push(from);
  }
}
