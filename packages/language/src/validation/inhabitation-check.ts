import type { ValidationAcceptor } from 'langium';
import type { Field, SpecFile } from '../generated/ast.js';
import { TypeRef } from '../generated/ast.js';
import type { RecordLike } from '../typing/records.js';
import { isRecordLike, recordFields } from '../typing/records.js';
import { effectiveConstraints, resolveTypeExpr } from '../typing/resolve-type.js';
import { constraintNumber } from '../util/constraint-number.js';
import { report } from './report.js';
import { article } from '../util/article.js';

/** The record a required field cannot do without, if there is one. */
function neededRecord(field: Field): RecordLike | undefined {
  if (field.optional) return undefined;
  // A primitive (`id: Uuid`, most fields) needs no record: answered without resolving it.
  if (field.type?.$type === TypeRef.$type && field.type.primitive) return undefined;
  const type = resolveTypeExpr(field.type);
  if (type.kind === 'record') return type.decl;
  // A list that must hold at least one element needs one of its element type.
  if (type.kind === 'list' && type.element.kind === 'record') {
    const minItems = effectiveConstraints(field.type).filter((c) => c.name === 'minItems');
    const min = constraintNumber(minItems[minItems.length - 1]?.constraint.value) ?? 0;
    if (min > 0) return type.element.decl;
  }
  return undefined;
}

/**
 * Reports records that can hold no finite value: every value needs another value of a type
 * on the same cycle of required fields (`type S { s: S }`, `A { b: B }` with `B { a: A }`).
 * No request or response could ever be built of them, and generating one would never end.
 * A worklist over the required-field graph: linear in the number of fields.
 */
export function checkInhabitation(file: SpecFile, accept: ValidationAcceptor): void {
  const own = file.declarations.filter(isRecordLike);
  if (own.length === 0) return;
  const needs = new Map<RecordLike, { field: Field; record: RecordLike }[]>();
  const queue: RecordLike[] = [...own];
  while (queue.length > 0) {
    const record = queue.pop()!;
    if (needs.has(record)) continue;
    const required: { field: Field; record: RecordLike }[] = [];
    for (const field of recordFields(record)) {
      const needed = neededRecord(field);
      if (needed) required.push({ field, record: needed });
    }
    needs.set(record, required);
    for (const { record: next } of required) if (!needs.has(next)) queue.push(next);
  }
  const waitingOn = new Map<RecordLike, number>();
  const neededBy = new Map<RecordLike, RecordLike[]>();
  const ready: RecordLike[] = [];
  for (const [record, required] of needs) {
    // The records it needs, each once, in order (most records need none or one; a set for
    // many, so that a record of thousands of required fields stays linear).
    let distinct: RecordLike[] = [];
    if (required.length <= 16) {
      for (const r of required) if (!distinct.includes(r.record)) distinct.push(r.record);
    } else {
      distinct = [...new Set(required.map((r) => r.record))];
    }
    waitingOn.set(record, distinct.length);
    if (distinct.length === 0) ready.push(record);
    for (const dependency of distinct) {
      if (!neededBy.has(dependency)) neededBy.set(dependency, []);
      neededBy.get(dependency)!.push(record);
    }
  }
  const inhabited = new Set<RecordLike>();
  while (ready.length > 0) {
    const record = ready.pop()!;
    inhabited.add(record);
    for (const dependent of neededBy.get(record) ?? []) {
      const left = waitingOn.get(dependent)! - 1;
      waitingOn.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  for (const record of own) {
    if (inhabited.has(record)) continue;
    const blocking = needs.get(record)!.find((r) => !inhabited.has(r.record))!;
    const other =
      blocking.record === record
        ? `another \`${record.name}\``
        : `${article(blocking.record.name)} \`${blocking.record.name}\``;

    const isList = resolveTypeExpr(blocking.field.type).kind === 'list';
    const fix = isList
      ? `make a field on this cycle optional, or let \`${blocking.field.name}\` be empty (drop its \`minItems\`)`
      : `make a field on this cycle optional (\`${blocking.field.name}?:\`) or a List`;
    const tail = blocking.record === record ? 'without end' : `which in turn can hold no value`;
    report(
      accept,
      'specl/uninhabited-type',
      'default',
      { recordName: record.name, other, fieldName: blocking.field.name, tail, fix },

      { node: record, property: 'name' },
    );
  }
}
