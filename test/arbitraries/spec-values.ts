/**
 * What the spec generator knows about the meaning of a spec: resolved types with their
 * effective constraints, witness values that satisfy them (and every invariant, which is
 * generated to hold on the witness), an evaluator of expressions, and literals of values.
 * Generating conditions that are true on a witness is how generated specs stay satisfiable.
 */
import type { Expr, Primitive, TypeModel } from './spec-model.js';

/** The choices of a generator, read from a tape of numbers; 0 (and an exhausted tape) is the simplest choice. */
export class Choices {
  private at = 0;
  constructor(private readonly tape: readonly number[]) {}
  /** A number in 0..max. */
  nat(max: number): number {
    if (max <= 0) return 0;
    return (this.tape[this.at++] ?? 0) % (max + 1);
  }
  int(lo: number, hi: number): number {
    return lo + this.nat(hi - lo);
  }
  bool(): boolean {
    return this.nat(1) === 1;
  }
  /** True once in `n` times (never on the simplest choice). */
  chance(n: number): boolean {
    return this.nat(n - 1) === n - 1;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.nat(items.length - 1)]!;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = i - this.nat(i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/** A regex for `pattern` and `matches`, anchored (so full-match and search agree), and how to build a match. */
export interface Pattern {
  source: string;
  minLength: number;
  make: (length: number) => string;
}

const letters = 'abcdefghijklmnopqrstuvwxyz';
const cycle = (alphabet: string, n: number) =>
  Array.from({ length: n }, (_, i) => alphabet[i % alphabet.length]).join('');

export const patterns: readonly Pattern[] = [
  { source: '^[a-z]+$', minLength: 1, make: (n) => cycle(letters, n) },
  { source: '^[a-z0-9_]*$', minLength: 0, make: (n) => cycle('a1_b2', n) },
  { source: '^[A-Z][a-z]*$', minLength: 1, make: (n) => 'Q' + cycle(letters, n - 1) },
  { source: '^\\d+$', minLength: 1, make: (n) => cycle('0123456789', n) },
  { source: '^[a-z]+(-[a-z]+)*$', minLength: 1, make: (n) => cycle('ab-', n).replace(/-$/, 'c') },
  { source: '^\\S*$', minLength: 0, make: (n) => cycle('x"\\y', n) },
];

/** A type after aliases are resolved, with its effective constraints. */
export type RT =
  | { k: 'num'; int: boolean; lo: number; hi: number; loOpen: boolean; hiOpen: boolean }
  | { k: 'str'; format: Primitive; minLen: number; maxLen: number; pattern?: Pattern }
  | { k: 'bool' }
  | { k: 'enum'; name: string; members: string[] }
  | { k: 'record'; name: string }
  | { k: 'union'; names: string[] }
  | { k: 'list'; el: RT; minItems: number; maxItems: number; unique: boolean }
  | { k: 'map'; val: RT }
  | { k: 'opt'; inner: RT }
  | { k: 'outcome'; value: RT | undefined; status: number }
  // v0.1: any JSON value (conditions never read it), and a constant.
  | { k: 'json' }
  | { k: 'const'; value: string | number | boolean };

export type Value =
  number | string | boolean | null | Value[] | { [key: string]: Value } | Map<string, Value>;

export interface FieldInfo {
  name: string;
  optional: boolean;
  rt: RT;
  /** `readOnly: true` (answered, never sent) or `writeOnly: true` (sent, never answered). */
  access?: 'readOnly' | 'writeOnly';
}

/** A record or an error body, with every field (its own and spread ones) and a witness once built. */
export interface RecordInfo {
  name: string;
  file: string;
  index: number;
  fields: FieldInfo[];
  witness?: { [key: string]: Value };
  /** `...Map<T>`: further fields allowed (its own, or a spread record's). */
  open?: boolean;
  /** An option of a discriminated union: the constant field that tells it apart, and its value. */
  tag?: { field: string; value: string };
  /**
   * A page of a paginated listing: the field of its items (a list) and their type, the field
   * of the next page's cursor (absent or null on the last page), and the cursor's type.
   */
  page?: { items: string; item: RT; next: string; cursor: { model: TypeModel; rt: RT } };
  /** A required field holding a page record (a listing answers the record, its page in it). */
  holdsPage?: { field: string; record: string };
}

/** Words the grammar reserves: they may name fields, enum members and path words, but not be bare names. */
export const keywords: ReadonlySet<string> = new Set(
  (
    'spec version import type enum error endpoint invariant property header query body response errors requires ' +
    'ensures forall where let try expect true false null and or not implies in all any len matches List Map ' +
    'String Int Float Bool Uuid Email Url Date DateTime'
  ).split(' '),
);

export const makeOpt = (rt: RT): RT => (rt.k === 'opt' ? rt : { k: 'opt', inner: rt });

export const unbounded = (int: boolean): Extract<RT, { k: 'num' }> => ({
  k: 'num',
  int,
  lo: -Infinity,
  hi: Infinity,
  loOpen: false,
  hiOpen: false,
});

/** The type a constant's literal is written as. */
function primitiveOf(value: string | number | boolean): RT {
  if (typeof value === 'number') return unbounded(true);
  return typeof value === 'string'
    ? { k: 'str', format: 'String', minLen: 0, maxLen: Infinity }
    : { k: 'bool' };
}

export function stripOpt(rt: RT): RT {
  return rt.k === 'opt' ? rt.inner : rt;
}

/** The numbers a generator may pick for a numeric type: whole numbers, or quarters for Float. */
export function numberChoices(rt: Extract<RT, { k: 'num' }>, near: number, spread = 12): number[] {
  const step = rt.int ? 1 : 0.25;
  const lo = Number.isFinite(rt.lo) ? rt.lo : near - spread;
  const hi = Number.isFinite(rt.hi) ? rt.hi : near + spread;
  const first =
    Math.ceil(lo / step) * step + (rt.loOpen && Math.ceil(lo / step) * step === lo ? step : 0);
  const last =
    Math.floor(hi / step) * step - (rt.hiOpen && Math.floor(hi / step) * step === hi ? step : 0);
  if (first > last) return [];
  const count = Math.min(Math.round((last - first) / step), 400);
  return Array.from({ length: count + 1 }, (_, i) => first + i * step);
}

const ymd = (g: Choices) => `20${g.int(10, 39)}-0${g.int(1, 9)}-${g.int(10, 28)}`;

function formatWitness(g: Choices, format: Primitive): string {
  switch (format) {
    case 'Uuid':
      return `${cycle('0123456789abcdef'.slice(g.nat(8)), 8)}-1234-4abc-8def-0123456789ab`;
    case 'Email':
      return `user${g.nat(99)}@example.com`;
    case 'Url':
      return `https://example.com/p${g.nat(99)}`;
    case 'Date':
      return ymd(g);
    case 'DateTime':
      return `${ymd(g)}T1${g.nat(9)}:30:00Z`;
    case 'Decimal':
      return `${g.int(-99, 999)}.${g.int(10, 99)}`;
    default:
      throw new Error(`not a format: ${format}`);
  }
}

/** A string of a String type's constraints; `text` for plain ones, so that quotes and backslashes occur. */
export function stringWitness(g: Choices, rt: Extract<RT, { k: 'str' }>): string {
  if (rt.format !== 'String') return formatWitness(g, rt.format);
  const min = Math.max(rt.minLen, rt.pattern?.minLength ?? 0);
  const length = g.int(min, Math.max(min, Math.min(rt.maxLen, min + 8)));
  if (rt.pattern) return rt.pattern.make(length);
  return cycle(g.pick(['abc', 'xyz01', 'a b', 'q"r\\s', 'Mix9', 'añé']), length);
}

/** Whether a witness of the type can be built now (records need theirs; containers can be empty). */
export function available(rt: RT, records: Map<string, RecordInfo>): boolean {
  if (rt.k === 'record') return records.get(rt.name)?.witness !== undefined;
  if (rt.k === 'union') return rt.names.some((n) => records.get(n)?.witness !== undefined);
  return true;
}

/** A value of the type that satisfies its constraints and invariants. */
export function witness(g: Choices, rt: RT, records: Map<string, RecordInfo>): Value {
  switch (rt.k) {
    case 'num': {
      const choices = numberChoices(rt, 0);
      if (choices.length === 0) throw new Error(`empty numeric type ${JSON.stringify(rt)}`);
      return g.pick(choices);
    }
    case 'str':
      return stringWitness(g, rt);
    case 'bool':
      return g.bool();
    case 'enum':
      return g.pick(rt.members);
    case 'record':
    case 'union': {
      const names = rt.k === 'record' ? [rt.name] : rt.names;
      const found = names.map((n) => records.get(n)?.witness).filter((w) => w !== undefined);
      if (found.length === 0) throw new Error(`no witness for ${names.join(' | ')}`);
      return g.pick(found);
    }
    case 'list': {
      if (!available(rt.el, records)) return [];
      const max = Math.min(rt.maxItems, rt.unique ? 1 : rt.minItems + 3);
      return Array.from({ length: g.int(rt.minItems, Math.max(rt.minItems, max)) }, () =>
        witness(g, rt.el, records),
      );
    }
    case 'map': {
      const size = available(rt.val, records) ? g.nat(2) : 0;
      return new Map(
        Array.from({ length: size }, (_, i) => [`k${i}`, witness(g, rt.val, records)] as const),
      );
    }
    case 'opt':
      return available(rt.inner, records) && g.bool() ? witness(g, rt.inner, records) : null;
    case 'outcome':
      throw new Error('outcomes have no witness');
    case 'json':
      return g.pick<Value>([0, 'x', true, [1, 'two'], null]);
    case 'const':
      return rt.value;
  }
}

export function deepEqual(a: Value | undefined, b: Value | undefined): boolean {
  if (a === undefined || a === null || b === undefined || b === null)
    return (a ?? null) === (b ?? null);
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    return [...a].every(([k, v]) => b.has(k) && deepEqual(v, b.get(k)));
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => deepEqual(x, b[i]))
    );
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return a === b;
}

/** Values by name for evaluation; `body` and `response` under `$body` and `$response`. */
export type Scope = ReadonlyMap<string, Value>;

/** Evaluates an expression as docs/language.md defines it; enum members evaluate to their names. */
export function evaluate(e: Expr, scope: Scope): Value {
  const ev = (x: Expr) => evaluate(x, scope);
  switch (e.kind) {
    case 'num':
    case 'str':
    case 'bool':
      return e.value;
    case 'null':
      return null;
    case 'name':
      return scope.has(e.name) ? scope.get(e.name)! : e.name;
    case 'body':
      return scope.get('$body') ?? null;
    case 'response':
      return scope.get('$response') ?? null;
    case 'paren':
      return ev(e.inner);
    case 'member': {
      if (e.receiver.kind === 'name' && !scope.has(e.receiver.name)) return e.name; // `Enum.member`
      const receiver = ev(e.receiver);
      if (
        receiver === null ||
        typeof receiver !== 'object' ||
        Array.isArray(receiver) ||
        receiver instanceof Map
      )
        return null;
      return receiver[e.name] ?? null;
    }
    case 'unary':
      return e.op === 'not' ? !ev(e.operand) : -(ev(e.operand) as number);
    case 'builtin': {
      const arg = ev(e.args[0]!);
      if (e.name === 'matches')
        return new RegExp((e.args[1] as { value: string }).value, 'u').test(arg as string);
      return arg instanceof Map ? arg.size : (arg as string | Value[]).length;
    }
    case 'quantifier': {
      const items = ev(e.collection) as Value[];
      const holds = (item: Value) =>
        evaluate(e.predicate, new Map([...scope, [e.variable, item]])) === true;
      if (e.q === 'one') return items.filter(holds).length === 1;
      return e.q === 'all' ? items.every(holds) : items.some(holds);
    }
    case 'list':
      return e.items.map(ev);
    case 'record':
      return Object.fromEntries(e.fields.map((f) => [f.name, ev(f.value)]));
    case 'call':
      throw new Error('calls are not evaluated');
    case 'binary': {
      const left = ev(e.left);
      switch (e.op) {
        case 'and':
          return left === true && ev(e.right) === true;
        case 'or':
          return left === true || ev(e.right) === true;
        case 'implies':
          return left !== true || ev(e.right) === true;
        case '??':
          return left ?? ev(e.right);
        case '==':
          return deepEqual(left, ev(e.right));
        case '!=':
          return !deepEqual(left, ev(e.right));
        case 'in':
          return (ev(e.right) as Value[]).some((item) => deepEqual(left, item));
      }
      const right = ev(e.right) as number;
      const l = left as number;
      switch (e.op) {
        case '<':
          return l < right;
        case '<=':
          return l <= right;
        case '>':
          return l > right;
        case '>=':
          return l >= right;
        case '+':
          return l + right;
        case '-':
          return l - right;
        case '*':
          return l * right;
        case '/':
          return l / right;
        case '%':
          return l % right;
      }
    }
  }
}

/** Where a literal is written, for enum members: bare (context decides) or qualified by a visible enum. */
export interface LiteralContext {
  g: Choices;
  records: Map<string, RecordInfo>;
  canQualify: (enumName: string) => boolean;
}

/** A number literal (`-n` for negatives); `exponent` writes it as `ne0`, a Float. */
export const num = (n: number, exponent = false): Expr => {
  const literal: Expr = { kind: 'num', value: Math.abs(n), ...(exponent ? { exponent } : {}) };
  return n < 0 ? { kind: 'unary', op: '-', operand: literal } : literal;
};

/** A literal of a value of a type, or undefined where none can be written (maps, unions). */
export function literal(value: Value, rt: RT, c: LiteralContext): Expr | undefined {
  if (value === null) return rt.k === 'opt' ? { kind: 'null' } : undefined;
  switch (rt.k) {
    case 'opt':
      return literal(value, rt.inner, c);
    case 'num':
      return num(value as number);
    case 'str':
      return { kind: 'str', value: value as string };
    case 'bool':
      return { kind: 'bool', value: value as boolean };
    case 'const':
      return literal(value, primitiveOf(rt.value), c);
    case 'enum': {
      const member = value as string;
      const qualify = c.canQualify(rt.name) && (keywords.has(member) || c.g.chance(4));
      if (qualify)
        return {
          kind: 'member',
          receiver: { kind: 'name', name: rt.name },
          name: member,
          optional: false,
        };
      return keywords.has(member) ? undefined : { kind: 'name', name: member };
    }
    case 'list': {
      const items = (value as Value[]).map((v) => literal(v, rt.el, c));
      return items.every((i) => i !== undefined)
        ? { kind: 'list', items: items as Expr[] }
        : undefined;
    }
    case 'record': {
      const record = value as { [key: string]: Value };
      const fields: { name: string; value: Expr }[] = [];
      for (const field of c.records.get(rt.name)!.fields) {
        const v = record[field.name];
        if (v === undefined || (v === null && field.optional && !c.g.chance(3))) continue;
        const lit = literal(v, field.optional ? makeOpt(field.rt) : field.rt, c);
        if (!lit) return undefined;
        fields.push({ name: field.name, value: lit });
      }
      return { kind: 'record', fields: c.g.shuffle(fields) };
    }
    default:
      return undefined;
  }
}
