import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { emitTypes } from '@specl/compiler';
import { lowerProject } from '../../helpers/lower.js';
import type { SpecProject } from '../../arbitraries/spec-model.js';
import {
  Builder,
  declareTypes,
  multiFileSpecArbitrary,
  specArbitrary,
} from '../../arbitraries/spec-arbitrary.js';
import { genEndpoint } from '../../arbitraries/spec-endpoints.js';
import type { RecordInfo, RT, Value } from '../../arbitraries/spec-values.js';
import { Choices } from '../../arbitraries/spec-values.js';
import { failure, load, typeCheck, validatorOf } from './typescript-helpers.js';

const emit = (ir: SpecIR) => emitTypes(ir, {})[0]!.content;

describe('types.ts of generated valid specs', () => {
  it('compiles under strict TypeScript, and is the same on every emit', async () => {
    const projects = [
      ...fc.sample(specArbitrary, { seed: 7, numRuns: 60 }),
      ...fc.sample(multiFileSpecArbitrary, { seed: 8, numRuns: 40 }),
    ];
    const files: Record<string, string> = {};
    for (const [index, project] of projects.entries()) {
      const ir = await lowerProject(project);
      const types = emit(ir);
      expect(emit(ir)).toBe(types);
      expect(emit(await lowerProject(project))).toBe(types);
      files[`spec${index}.ts`] = types;
    }
    const [first, ...others] = Object.entries(files);
    expect(typeCheck('random', first![1], Object.fromEntries(others))).toBe('');
  }, 120_000); // 10-20 s alone; 50-70 s at a load of 20
});

/**
 * A single-file project built as spec-arbitrary.ts builds one, keeping the builder: its records
 * and errors carry witness values, which satisfy their constraints and invariants.
 */
function buildWithWitnesses(tape: readonly number[]): { project: SpecProject; builder: Builder } {
  const g = new Choices(tape);
  const root = '/spec/main.specl';
  const builder = new Builder(g, [root], new Map([[root, []]]));
  declareTypes(builder, () => root);
  for (let i = g.nat(2); i > 0; i--) genEndpoint(builder, root);
  const layout = { commas: true, oneLine: false, comments: false, crlf: false, indent: '  ' };
  const file = {
    header: { name: 'Witnessed', version: '1.0.0' },
    imports: [],
    declarations: builder.decls.get(root)!,
    layout,
  };
  return { project: { root, files: { [root]: file } }, builder };
}

/** A witness as JSON would carry it: maps as objects, absent optional fields left out. */
function toJson(value: Value, rt: RT, records: ReadonlyMap<string, RecordInfo>): unknown {
  if (value === null) return null;
  switch (rt.k) {
    case 'list':
      return (value as Value[]).map((item) => toJson(item, rt.el, records));
    case 'map':
      return Object.fromEntries(
        [...(value as Map<string, Value>)].map(([k, v]) => [k, toJson(v, rt.val, records)]),
      );
    case 'opt':
      return toJson(value, rt.inner, records);
    case 'record':
    case 'union': {
      const names = rt.k === 'record' ? [rt.name] : rt.names;
      const info = names.map((n) => records.get(n)!).find((r) => r.witness === value)!;
      return recordJson(info, records);
    }
    default:
      return value;
  }
}

function recordJson(info: RecordInfo, records: ReadonlyMap<string, RecordInfo>): unknown {
  const entries = info.fields.flatMap((field) => {
    const value = info.witness![field.name]!;
    return field.optional && value === null ? [] : [[field.name, toJson(value, field.rt, records)]];
  });
  return Object.fromEntries(entries);
}

describe('validators of generated valid specs', () => {
  it('accept the witness of every record and error', async () => {
    const tapes = fc.sample(fc.array(fc.nat({ max: 0xffff }), { maxLength: 1500, size: 'max' }), {
      seed: 11,
      numRuns: 40,
    });
    let checked = 0;
    for (const [index, tape] of tapes.entries()) {
      const { project, builder } = buildWithWitnesses(tape);
      const module = await load(`witness${index}`, emit(await lowerProject(project)));
      const withBodies = builder.errors.filter((e) => !e.bodyless);
      for (const info of [...builder.records.values(), ...withBodies]) {
        const value = recordJson(info, builder.records);
        const result = validatorOf(module, info.name)(value);
        expect({ type: info.name, value, result }).toEqual({
          type: info.name,
          value,
          result: { ok: true },
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('check a discriminated union by its tag: each option by its own, an unknown tag at the tag', async () => {
    const tapes = fc.sample(fc.array(fc.nat({ max: 0xffff }), { maxLength: 1500, size: 'max' }), {
      seed: 12,
      numRuns: 40,
    });
    let checked = 0;
    for (const [index, tape] of tapes.entries()) {
      const { project, builder } = buildWithWitnesses(tape);
      if (builder.taggedUnions.length === 0) continue;
      const module = await load(`tagged${index}`, emit(await lowerProject(project)));
      for (const union of builder.taggedUnions) {
        const validate = validatorOf(module, union.name);
        const tags = union.options.map((o) => JSON.stringify(o.tag!.value)).join(', ');
        for (const option of union.options) {
          const value = recordJson(option, builder.records) as Record<string, unknown>;
          expect({ union: union.name, value, result: validate(value) }).toEqual({
            union: union.name,
            value,
            result: { ok: true },
          });
          const untagged = { ...value, [union.field]: 'no such tag' };
          expect(validate(untagged)).toEqual(
            failure(`$.${union.field}`, `expected one of ${tags}, got "no such tag"`),
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
