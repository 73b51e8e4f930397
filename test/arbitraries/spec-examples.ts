/**
 * Annotations of a generated spec: `example` and `default` values on fields, parameters and
 * aliases, `deprecated` fields and parameters, and the `example` or named `examples` of a body
 * or a response. Every value is a witness of its type (spec-values.ts), so it fits the type and
 * its constraints; a message's example leaves out the fields its direction never carries
 * (readOnly ones in a request, writeOnly ones in an answer), at any depth.
 */
import type { Builder } from './spec-arbitrary.js';
import type { Constraint, JsonValue, RecordMember, TypeModel } from './spec-model.js';
import type { RT, RecordInfo, Value } from './spec-values.js';
import { available, witness } from './spec-values.js';

/** Which way a value travels: a request leaves out readOnly fields, an answer writeOnly ones. */
export type Direction = 'request' | 'response' | 'any';

/** A witness of `rt` as the JSON an example writes (maps as objects, absent fields left out). */
export function toJson(
  value: Value,
  rt: RT,
  records: Map<string, RecordInfo>,
  direction: Direction,
): JsonValue {
  if (value === null) return null;
  switch (rt.k) {
    case 'opt':
      return toJson(value, rt.inner, records, direction);
    case 'list':
      return (value as Value[]).map((v) => toJson(v, rt.el, records, direction));
    case 'map': {
      const entries = [...(value as Map<string, Value>)];
      return Object.fromEntries(
        entries.map(([k, v]) => [k, toJson(v, rt.val, records, direction)]),
      );
    }
    case 'record':
    case 'union': {
      const names = rt.k === 'record' ? [rt.name] : rt.names;
      const info = names.map((n) => records.get(n)!).find((r) => r.witness === value);
      if (!info) throw new Error(`generator bug: a value of ${names.join(' | ')} is no witness`);
      const object = value as { [key: string]: Value };
      const out: { [key: string]: JsonValue } = {};
      for (const f of info.fields) {
        const v = object[f.name];
        if (v === undefined) continue;
        if (direction === 'request' && f.access === 'readOnly') continue;
        if (direction === 'response' && f.access === 'writeOnly') continue;
        // `null` is written only where the field's type takes it; else the field is absent.
        if (v === null && f.rt.k !== 'opt' && f.rt.k !== 'json') continue;
        out[f.name] = toJson(v, f.rt, records, direction);
      }
      return out;
    }
    case 'outcome':
      throw new Error('outcomes are no JSON');
    default:
      return value as JsonValue;
  }
}

/** `model` with `annotations` added to its braces (a union written in place takes none). */
export function annotate(model: TypeModel, annotations: Constraint[]): TypeModel {
  if (model.kind !== 'ref' || annotations.length === 0) return model;
  return { ...model, constraints: [...model.constraints, ...annotations] };
}

/** A value of `rt` as JSON, when one can be built now. */
function exampleOf(b: Builder, rt: RT, direction: Direction): JsonValue | undefined {
  if (!available(rt, b.records)) return undefined;
  return toJson(witness(b.g, rt, b.records), rt, b.records, direction);
}

/**
 * The annotations of a field or parameter of type `rt` (its nullable `?` included, not its
 * optional `?`): now and then an `example`, a `default` when `optional`, `deprecated: true`.
 */
export function valueAnnotations(b: Builder, rt: RT, optional: boolean): Constraint[] {
  const g = b.g;
  const out: Constraint[] = [];
  if (g.chance(6)) {
    const value = exampleOf(b, rt, 'any');
    if (value !== undefined) out.push({ name: 'example', value });
  }
  if (optional && g.chance(8)) {
    const value = exampleOf(b, rt, 'any');
    if (value !== undefined) out.push({ name: 'default', value });
  }
  if (g.chance(12)) out.push({ name: 'deprecated', value: true });
  return out;
}

/** Annotates the own fields among `members` of a record or error whose witnesses are built. */
export function annotateFields(b: Builder, info: RecordInfo, members: RecordMember[]): void {
  members.forEach((m, i) => {
    if (m.kind !== 'field') return;
    const field = info.fields.find((f) => f.name === m.name)!;
    members[i] = { ...m, type: annotate(m.type, valueAnnotations(b, field.rt, m.optional)) };
  });
}

/**
 * The example of a body or a response (one time in `n`): one `example`, or named
 * `examples` (one to three), values of `rt` as `direction` carries them.
 */
export function messageExamples(b: Builder, rt: RT, direction: Direction, n: number): Constraint[] {
  const g = b.g;
  if (!g.chance(n)) return [];
  if (g.bool()) {
    const value = exampleOf(b, rt, direction);
    return value === undefined ? [] : [{ name: 'example', value }];
  }
  const named: { [key: string]: JsonValue } = {};
  for (const name of ['first', 'second', 'x-third'].slice(0, g.int(1, 3))) {
    const value = exampleOf(b, rt, direction);
    if (value === undefined) return [];
    named[name] = value;
  }
  return [{ name: 'examples', value: named }];
}
