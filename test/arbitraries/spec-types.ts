/**
 * Generates type references of a spec: primitives, enums, aliases, records, lists, maps,
 * unions and `T?`, with constraints that fit their type and never contradict each other or
 * the constraints of the alias they refine (they only ever tighten those).
 */
import type { Constraint, Primitive, TypeModel, TypeRefModel } from './spec-model.js';
import type { Choices, RT, RecordInfo } from './spec-values.js';
import { makeOpt, numberChoices, patterns, unbounded } from './spec-values.js';

export interface Typed {
  model: TypeModel;
  rt: RT;
}

export interface EnumInfo {
  name: string;
  file: string;
  members: string[];
}

export interface AliasInfo {
  name: string;
  file: string;
  rt: RT;
}

/** What a type may be used for: path and header parameters take scalars, query parameters lists of them too. */
export type TypeUsage = 'field' | 'value' | 'path' | 'header' | 'query';

/** The declarations a type can name, and which of them a file can see. */
export interface TypeWorld {
  g: Choices;
  enums: EnumInfo[];
  aliases: AliasInfo[];
  records: Map<string, RecordInfo>;
  /** Record and error names in creation order (a record's witness needs only those before it). */
  recordOrder: string[];
  visible: (file: string, declarationFile: string) => boolean;
}

export interface TypeOptions {
  file: string;
  /** The index of the record whose field this is: records at or after it are not built yet. */
  self: number;
  usage: TypeUsage;
  depth: number;
}

const primitives: Primitive[] = [
  'String',
  'Int',
  'Float',
  'Bool',
  'Uuid',
  'Email',
  'Url',
  'Date',
  'DateTime',
  'Int32',
  'Int64',
  'Decimal',
  'UriTemplate',
  'Json',
];

/** The constants a type may be (`"card"`, `-2`, `true`). */
const constants: readonly (string | number | boolean)[] = [
  'card',
  'bank',
  'v1',
  'a "b"',
  0,
  2,
  -3,
  true,
  false,
];

export function primitiveRt(name: Primitive): RT {
  if (name === 'Json') return { k: 'json' };
  if (name === 'Int' || name === 'Float' || name === 'Int64') return unbounded(name !== 'Float');
  if (name === 'Int32')
    return { ...unbounded(true), lo: -(2 ** 31), hi: 2 ** 31 - 1, loOpen: false, hiOpen: false };
  if (name === 'Bool') return { k: 'bool' };
  return { k: 'str', format: name, minLen: 0, maxLen: Infinity };
}

/** Whether a value of the type needs a record that is not built before record `self` (so it must be guarded). */
export function needsGuard(rt: RT, w: TypeWorld, self: number): boolean {
  const late = (name: string) => w.recordOrder.indexOf(name) >= self;
  if (rt.k === 'record') return late(rt.name);
  if (rt.k === 'union') return rt.names.every(late);
  return false;
}

/** Whether a type contains a record reference anywhere. */
function mentionsRecord(rt: RT): boolean {
  if (rt.k === 'record' || rt.k === 'union') return true;
  if (rt.k === 'list') return mentionsRecord(rt.el);
  if (rt.k === 'map') return mentionsRecord(rt.val);
  if (rt.k === 'opt') return mentionsRecord(rt.inner);
  return false;
}

/**
 * Constraints that tighten `inherited` (the unconstrained type, or an alias's), and the
 * effective type. `freshUnique` says whether `unique` may be given (not already by an alias);
 * `emptyOnly` keeps lists of not-yet-built records allowed to be empty.
 */
export function tighten(
  g: Choices,
  inherited: RT,
  freshUnique: boolean,
  emptyOnly: boolean,
): { constraints: Constraint[]; rt: RT } {
  const none = { constraints: [], rt: inherited };
  const out: Constraint[] = [];
  if (inherited.k === 'num') {
    const step = inherited.int ? 1 : 0.25;
    const lo0 = Number.isFinite(inherited.lo)
      ? inherited.lo
      : g.int(-60, 20) * step * (inherited.int ? 1 : 2);
    const hi0 = Number.isFinite(inherited.hi) ? inherited.hi : lo0 + g.int(8, 80) * step;
    const room = Math.floor((hi0 - lo0) / step / 3);
    if (room < 1) return none;
    let rt = { ...inherited };
    if (g.bool()) {
      const lo = lo0 + step * g.int(Number.isFinite(inherited.lo) ? 1 : 0, room);
      const exclusive = g.bool();
      out.push({ name: exclusive ? 'exclusiveMin' : 'min', value: lo });
      rt = { ...rt, lo, loOpen: exclusive };
    }
    if (out.length === 0 || g.bool()) {
      const hi = hi0 - step * g.int(Number.isFinite(inherited.hi) ? 1 : 0, room);
      const exclusive = g.bool();
      out.push({ name: exclusive ? 'exclusiveMax' : 'max', value: hi });
      rt = { ...rt, hi, hiOpen: exclusive };
    }
    return numberChoices(rt, 0).length >= 2 ? { constraints: g.shuffle(out), rt } : none;
  }
  if (inherited.k === 'str') {
    if (inherited.format !== 'String') {
      if (inherited.maxLen <= 40 || !g.bool()) return none;
      const maxLen = Math.min(inherited.maxLen - 1, g.int(40, 100));
      return { constraints: [{ name: 'maxLength', value: maxLen }], rt: { ...inherited, maxLen } };
    }
    let { minLen, maxLen, pattern } = inherited;
    if (g.bool()) {
      minLen = g.int(minLen, Math.min(minLen + 4, maxLen));
      out.push({ name: 'minLength', value: minLen });
    }
    if (g.bool()) {
      maxLen = g.int(Math.max(minLen, 1), Math.min(maxLen, minLen + 40));
      out.push({ name: 'maxLength', value: maxLen });
    }
    if (!pattern && (out.length === 0 || g.bool())) {
      const p = g.pick(patterns.filter((x) => x.minLength <= maxLen));
      pattern = p;
      out.push({ name: 'pattern', value: p.source });
    }
    return { constraints: g.shuffle(out), rt: { ...inherited, minLen, maxLen, pattern } };
  }
  if (inherited.k === 'list') {
    let { minItems, maxItems, unique } = inherited;
    if (freshUnique && g.bool()) {
      unique = g.bool();
      out.push({ name: 'unique', value: unique });
    }
    const cap = Math.min(emptyOnly ? 0 : unique ? 1 : 2, maxItems);
    if (g.bool() && minItems < cap) {
      minItems = g.int(minItems + 1, cap);
      out.push({ name: 'minItems', value: minItems });
    }
    if (out.length === 0 || g.bool()) {
      maxItems = g.int(Math.max(minItems, 1), Math.min(maxItems, minItems + 10));
      out.push({ name: 'maxItems', value: maxItems });
    }
    return { constraints: g.shuffle(out), rt: { ...inherited, minItems, maxItems, unique } };
  }
  return none;
}

const ref = (base: TypeRefModel['base'], constraints: Constraint[] = []): TypeRefModel => ({
  kind: 'ref',
  base,
  nullable: false,
  constraints,
});

function isScalar(rt: RT): boolean {
  return rt.k === 'num' || rt.k === 'str' || rt.k === 'bool' || rt.k === 'enum';
}

/** A type for the given use, naming only declarations the file can see. */
export function genType(w: TypeWorld, o: TypeOptions): Typed {
  const g = w.g;
  const params = o.usage === 'path' || o.usage === 'header' || o.usage === 'query';
  const enums = w.enums.filter((e) => w.visible(o.file, e.file));
  const aliases = w.aliases.filter(
    (a) =>
      w.visible(o.file, a.file) &&
      (!params ||
        isScalar(a.rt) ||
        (o.usage === 'query' && a.rt.k === 'list' && isScalar(a.rt.el))),
  );
  const records = w.recordOrder.filter((n) => w.visible(o.file, w.records.get(n)!.file));
  const deep = o.depth >= 2;
  let typed: Typed | undefined;
  switch (g.nat(params ? (o.usage === 'query' ? 3 : 2) : deep ? 3 : 6)) {
    case 1:
      if (enums.length > 0) {
        const e = g.pick(enums);
        typed = {
          model: ref({ kind: 'named', name: e.name }),
          rt: { k: 'enum', name: e.name, members: e.members },
        };
      }
      break;
    case 2:
      if (aliases.length > 0) {
        const a = g.pick(aliases);
        const refined = g.chance(3)
          ? tighten(g, a.rt, false, mentionsRecord(a.rt))
          : { constraints: [], rt: a.rt };
        typed = {
          model: ref({ kind: 'named', name: a.name }, refined.constraints),
          rt: refined.rt,
        };
      }
      break;
    case 3:
      if (records.length > 0 && !params) {
        const name = g.pick(records);
        typed = { model: ref({ kind: 'named', name }), rt: { k: 'record', name } };
      } else if (o.usage === 'query') {
        typed = genList(w, o, { ...o, usage: 'path', depth: o.depth + 1 });
      }
      break;
    case 4:
      typed = genList(w, o, { ...o, usage: 'value', depth: o.depth + 1 });
      break;
    case 5: {
      const value = genType(w, { ...o, usage: 'value', depth: o.depth + 1 });
      typed = { model: ref({ kind: 'map', value: value.model }), rt: { k: 'map', val: value.rt } };
      break;
    }
    case 6:
      if (records.length >= 2) {
        const names = g.shuffle(records).slice(0, g.int(2, Math.min(3, records.length)));
        typed = {
          model: { kind: 'union', options: names.map((n) => ref({ kind: 'named', name: n })) },
          rt: { k: 'union', names },
        };
      }
      break;
  }
  if (!typed && !params && g.chance(8)) {
    const value = g.pick(constants);
    typed = { model: ref({ kind: 'const', value }), rt: { k: 'const', value } };
  }
  if (!typed) {
    // Parameters are scalars: `Json` is a body's or a field's.
    const name = g.pick(params ? primitives.filter((p) => p !== 'Json') : primitives);
    const refined = g.bool()
      ? tighten(g, primitiveRt(name), true, false)
      : { constraints: [], rt: primitiveRt(name) };
    typed = { model: ref({ kind: 'primitive', name }, refined.constraints), rt: refined.rt };
  }
  if (!params && typed.model.kind === 'ref' && g.chance(7)) {
    typed = { model: { ...typed.model, nullable: true }, rt: makeOpt(typed.rt) };
  }
  return typed;
}

/** A list type (its element generated with `element`), perhaps with item constraints. */
export function genList(w: TypeWorld, o: TypeOptions, element: TypeOptions): Typed {
  const el = genType(w, element);
  const plain: RT = { k: 'list', el: el.rt, minItems: 0, maxItems: Infinity, unique: false };
  const refined = w.g.bool()
    ? tighten(w.g, plain, true, needsGuard(el.rt, w, o.self))
    : { constraints: [], rt: plain };
  return { model: ref({ kind: 'list', element: el.model }, refined.constraints), rt: refined.rt };
}
