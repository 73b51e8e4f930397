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
  // Indexed loops over arrays (the records in the order they were met beside the map):
  // this runs once a file, mostly before V8 optimizes it, where each step of an iterator
  // (the map's entries, each field and dependency) was an object or two (5 MB at N = 5,000).
  const needs = new Map<RecordLike, { field: Field; record: RecordLike }[]>();
  const met: RecordLike[] = [];
  const queue: RecordLike[] = own.slice();
  while (queue.length > 0) {
    const record = queue.pop()!;
    if (needs.has(record)) continue;
    const required: { field: Field; record: RecordLike }[] = [];
    const fields = recordFields(record);
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const needed = neededRecord(field);
      if (needed) required.push({ field, record: needed });
    }
    needs.set(record, required);
    met.push(record);
    for (let i = 0; i < required.length; i++) {
      const next = required[i]!.record;
      if (!needs.has(next)) queue.push(next);
    }
  }
  const waitingOn = new Map<RecordLike, number>();
  const neededBy = new Map<RecordLike, RecordLike[]>();
  const ready: RecordLike[] = [];
  for (let m = 0; m < met.length; m++) {
    const record = met[m]!;
    const required = needs.get(record)!;
    // The records it needs, each once, in order (most records need none or one; a set for
    // many, so that a record of thousands of required fields stays linear).
    let distinct: RecordLike[] = [];
    if (required.length <= 16) {
      for (let i = 0; i < required.length; i++) {
        const needed = required[i]!.record;
        if (!distinct.includes(needed)) distinct.push(needed);
      }
    } else {
      distinct = [...new Set(required.map((r) => r.record))];
    }
    waitingOn.set(record, distinct.length);
    if (distinct.length === 0) ready.push(record);
    for (let i = 0; i < distinct.length; i++) {
      const dependency = distinct[i]!;
      const dependents = neededBy.get(dependency);
      if (dependents) dependents.push(record);
      else neededBy.set(dependency, [record]);
    }
  }
  const inhabited = new Set<RecordLike>();
  while (ready.length > 0) {
    const record = ready.pop()!;
    inhabited.add(record);
    const dependents = neededBy.get(record);
    if (!dependents) continue;
    for (let i = 0; i < dependents.length; i++) {
      const dependent = dependents[i]!;
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
