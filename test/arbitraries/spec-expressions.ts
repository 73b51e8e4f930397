/**
 * Generates well-typed Specl conditions with a chosen truth value on the witness values in
 * scope: a condition generated `true` on a witness can hold, so invariants, `requires`,
 * `ensures` and `where` stay satisfiable. Literals stay inside the constraints of what they
 * are compared with.
 */
import type { BinaryOp, Expr } from './spec-model.js';
import type { ExprEnv, Term } from './spec-terms.js';
import { presentWhen, terms } from './spec-terms.js';
import type { LiteralContext, RT, RecordInfo, Scope, Value } from './spec-values.js';
import {
  available,
  evaluate,
  literal,
  num,
  numberChoices,
  patterns,
  stringWitness,
  stripOpt,
  unbounded,
  witness,
} from './spec-values.js';

const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
const not = (operand: Expr): Expr => ({ kind: 'unary', op: 'not', operand });

const negated: Partial<Record<BinaryOp, BinaryOp>> = {
  '==': '!=',
  '!=': '==',
  '<': '>=',
  '>=': '<',
  '>': '<=',
  '<=': '>',
};

/** Makes an atom evaluate to `target`: flips a comparison, or puts `not` before it. */
function fix(e: Expr, target: boolean, scope: Scope): Expr {
  if (evaluate(e, scope) === target) return e;
  if (e.kind === 'binary' && negated[e.op]) return { ...e, op: negated[e.op]! };
  return not(e);
}

const comparisons: BinaryOp[] = ['==', '!=', '<', '<=', '>', '>='];

function lit(env: ExprEnv): LiteralContext {
  return { g: env.g, records: env.records, canQualify: env.canQualify };
}

/** An atom on a numeric term: a comparison with a literal in its bounds, arithmetic on it, `in`, or another number. */
function numericAtom(env: ExprEnv, t: Term, value: number, all: Term[]): Expr {
  const g = env.g;
  const rt = stripOpt(t.rt) as Extract<RT, { k: 'num' }>;
  const others = all.filter((o) => o.rt.k === 'num' && o !== t);
  const shape = g.nat(5);
  if (shape === 1 && others.length > 0) {
    const other = g.pick(others).expr;
    return g.bool()
      ? bin(g.pick(comparisons), t.expr, other)
      : bin(g.pick(comparisons), other, t.expr);
  }
  if (shape === 2) {
    const items = Array.from({ length: g.nat(3) }, () => num(g.pick(numberChoices(rt, value, 3))));
    if (g.bool()) items.push(num(value));
    return bin('in', t.expr, { kind: 'list', items: g.shuffle(items) });
  }
  // Arithmetic: the result is compared with a literal near its value.
  let expr = t.expr;
  let int = rt.int;
  for (let i = shape === 3 ? g.int(1, 3) : 0; i > 0; i--) {
    const other = others.length > 0 ? g.pick(others) : undefined;
    switch (g.nat(4)) {
      case 0:
        expr = bin(g.pick(['+', '-', '*']), expr, num(g.int(1, 3)));
        break;
      case 1:
        expr = bin('/', expr, num(g.pick([2, 4])));
        int = false;
        break;
      case 2:
        if (int && (evaluate(expr, env.scope) as number) >= 0)
          expr = bin('%', expr, num(g.int(2, 5)));
        break;
      case 3:
        expr = { kind: 'unary', op: '-', operand: expr };
        break;
      default:
        if (other) {
          expr = g.bool()
            ? bin(g.pick(['+', '-', '*']), expr, other.expr)
            : bin(g.pick(['+', '-']), other.expr, expr);
          int = int && (other.rt as { int: boolean }).int;
        }
    }
  }
  const bounds = expr === t.expr ? rt : unbounded(int);
  const v = evaluate(expr, env.scope) as number;
  const choices = numberChoices(bounds, Math.round(v), 6);
  const n = g.chance(3) || choices.length === 0 ? v : g.pick(choices);
  const literalExpr = Number.isInteger(n * 4) ? num(n, g.chance(8)) : num(Math.round(n));
  return g.chance(5)
    ? bin(g.pick(comparisons), literalExpr, expr)
    : bin(g.pick(comparisons), expr, literalExpr);
}

/** `len(term) op n`, with n inside the term's length constraints. */
function lengthAtom(env: ExprEnv, t: Term, length: number): Expr {
  const rt = stripOpt(t.rt);
  const [lo, hi] =
    rt.k === 'str'
      ? [rt.minLen, rt.maxLen]
      : rt.k === 'list'
        ? [rt.minItems, rt.maxItems]
        : [0, Infinity];
  const n = env.g.pick([
    length,
    Math.max(lo, length - 1),
    Math.min(hi, length + 1),
    lo,
    Math.min(hi, lo + 4),
  ]);
  return bin(env.g.pick(comparisons), { kind: 'builtin', name: 'len', args: [t.expr] }, num(n));
}

function stringAtom(env: ExprEnv, t: Term, value: string, all: Term[]): Expr {
  const g = env.g;
  const rt = stripOpt(t.rt) as Extract<RT, { k: 'str' }>;
  const other = () => (g.bool() ? value : stringWitness(g, rt));
  const same = all.filter(
    (o) =>
      o !== t &&
      o.rt.k === 'str' &&
      (o.rt.format === rt.format || o.rt.format === 'String' || rt.format === 'String'),
  );
  if (same.length > 0 && g.chance(4)) return bin(g.pick(comparisons), t.expr, g.pick(same).expr);
  if (g.chance(5)) {
    // `+` concatenates strings: compared with a literal (the same text, or another).
    const suffix: Expr =
      same.length > 0 && g.bool() ? g.pick(same).expr : { kind: 'str', value: other() };
    const joined = g.bool() ? bin('+', t.expr, suffix) : bin('+', suffix, t.expr);
    const text = evaluateString(joined, env.scope);
    return bin(g.pick(['==', '!=']), joined, { kind: 'str', value: g.bool() ? text : other() });
  }
  switch (g.nat(4)) {
    case 1:
      return lengthAtom(env, t, value.length);
    case 2:
      return {
        kind: 'builtin',
        name: 'matches',
        args: [t.expr, { kind: 'str', value: g.pick(patterns).source }],
      };
    case 3: {
      const items: Expr[] = Array.from({ length: g.nat(3) }, () => ({
        kind: 'str',
        value: other(),
      }));
      return bin('in', t.expr, { kind: 'list', items });
    }
    case 4:
      return bin(g.pick(['<', '<=', '>', '>=']), t.expr, { kind: 'str', value: other() });
    default:
      return bin(g.pick(['==', '!=']), t.expr, { kind: 'str', value: other() });
  }
}

function enumAtom(
  env: ExprEnv,
  t: Term,
  rt: Extract<RT, { k: 'enum' }>,
  all: Term[],
): Expr | undefined {
  const g = env.g;
  const same = all.filter((o) => o !== t && o.rt.k === 'enum' && o.rt.name === rt.name);
  if (same.length > 0 && g.chance(4)) return bin(g.pick(['==', '!=']), t.expr, g.pick(same).expr);
  const memberLit = () => literal(g.pick(rt.members), rt, lit(env));
  if (g.chance(3)) {
    const items = Array.from({ length: g.nat(3) }, memberLit);
    if (items.some((i) => i === undefined)) return undefined;
    return bin('in', t.expr, { kind: 'list', items: items as Expr[] });
  }
  const m = memberLit();
  if (!m) return undefined;
  return g.chance(4) ? bin(g.pick(['==', '!=']), m, t.expr) : bin(g.pick(['==', '!=']), t.expr, m);
}

function listAtom(env: ExprEnv, t: Term, items: Value[], depth: number): Expr | undefined {
  const g = env.g;
  const rt = stripOpt(t.rt) as Extract<RT, { k: 'list' }>;
  const choice = g.nat(3);
  if (choice === 0) return lengthAtom(env, t, items.length);
  if (choice === 3) {
    // Structural equality with a list literal (the same list, or another one).
    const other = literal(g.bool() ? items : witness(g, rt, env.records), rt, lit(env));
    if (other) return bin(g.pick(['==', '!=']), t.expr, other);
  }
  const sample =
    items.length > 0 && g.bool()
      ? g.pick(items)
      : available(rt.el, env.records)
        ? witness(g, rt.el, env.records)
        : undefined;
  if (sample === undefined) return lengthAtom(env, t, items.length);
  if (choice === 1) {
    const element = literal(sample, rt.el, lit(env));
    return element ? bin('in', element, t.expr) : lengthAtom(env, t, items.length);
  }
  const variable = env.fresh();
  const inner: ExprEnv = {
    ...env,
    roots: [...env.roots, { expr: { kind: 'name', name: variable }, rt: rt.el }],
    scope: new Map([...env.scope, [variable, sample]]),
  };
  const predicate = condition(inner, g.bool(), Math.max(depth - 1, 0));
  return {
    kind: 'quantifier',
    q: g.pick(['all', 'any', 'one'] as const),
    variable,
    collection: t.expr,
    predicate,
  };
}

/** Whether every value of `source` is a `target` (structurally, as the checker compares records). */
function fits(source: RecordInfo, target: RecordInfo): boolean {
  return target.fields.every((tf) => {
    const sf = source.fields.find((f) => f.name === tf.name);
    if (!sf) return tf.optional;
    return (tf.optional || !sf.optional) && JSON.stringify(sf.rt) === JSON.stringify(tf.rt);
  });
}

function evaluateString(e: Expr, scope: Scope): string {
  return evaluate(e, scope) as string;
}

/** An atom about one term, or undefined when its type offers none. */
function atomOf(env: ExprEnv, t: Term, all: Term[], depth: number): Expr | undefined {
  const g = env.g;
  const value = evaluate(t.expr, env.scope);
  if (t.rt.k === 'opt') {
    const inner = t.rt.inner;
    const scalar = ['num', 'str', 'bool', 'enum'].includes(inner.k);
    if (inner.k === 'list' && g.bool()) {
      // `xs ?? []` or `xs ?? [a, b]`: a list that is always there.
      const items = g.bool() ? [] : (witness(g, inner, env.records) as Value[]);
      const d = literal(items, inner, lit(env));
      if (d) return atomOf(env, { expr: bin('??', t.expr, d), rt: inner }, all, depth);
    }
    if (!scalar || g.chance(3)) {
      const isNull: Expr = { kind: 'null' };
      return g.chance(4)
        ? bin(g.pick(['==', '!=']), isNull, t.expr)
        : bin(g.pick(['==', '!=']), t.expr, isNull);
    }
    const fallback = witness(g, inner, env.records);
    let d = literal(
      inner.k === 'num' ? g.pick(numberChoices(inner, fallback as number, 0)) : fallback,
      inner,
      lit(env),
    );
    if (!d) return undefined;
    // `a ?? b ?? d`, with b another optional value of the same type.
    const chain = all.filter(
      (o) => o !== t && o.rt.k === 'opt' && JSON.stringify(o.rt) === JSON.stringify(t.rt),
    );
    if (chain.length > 0 && g.chance(4)) d = bin('??', g.pick(chain).expr, d);
    return atomOf(env, { expr: bin('??', t.expr, d), rt: inner }, all, depth);
  }
  switch (t.rt.k) {
    case 'num':
      return numericAtom(env, t, value as number, all);
    case 'str':
      return stringAtom(env, t, value as string, all);
    case 'bool':
      return g.bool()
        ? t.expr
        : bin(g.pick(['==', '!=']), t.expr, { kind: 'bool', value: g.bool() });
    case 'enum':
      return enumAtom(env, t, t.rt, all);
    case 'list':
      return listAtom(env, t, value as Value[], depth);
    case 'map':
      return lengthAtom(env, t, (value as Map<string, Value>).size);
    case 'record': {
      // Records compare structurally: the other side may be another record that fits this one, or that it fits.
      const mine = env.records.get(t.rt.name)!;
      const same = all.filter((o) => {
        if (o === t || o.rt.k !== 'record') return false;
        const theirs = env.records.get(o.rt.name)!;
        return fits(mine, theirs) || fits(theirs, mine);
      });
      if (same.length > 0 && g.bool()) return bin(g.pick(['==', '!=']), t.expr, g.pick(same).expr);
      const l = literal(value, t.rt, lit(env));
      return l ? bin(g.pick(['==', '!=']), t.expr, l) : undefined;
    }
    default:
      return undefined;
  }
}

/** A Bool condition over the terms in scope that evaluates to `target` there. */
export function condition(env: ExprEnv, target: boolean, depth: number): Expr {
  const g = env.g;
  const choice = g.nat(depth > 0 ? 8 : 3);
  if (choice <= 3) {
    const all = terms(env);
    for (let attempt = 0; attempt < 4 && all.length > 0; attempt++) {
      const atom = atomOf(env, g.pick(all), all, depth);
      if (atom) return fix(atom, target, env.scope);
    }
    return fix({ kind: 'bool', value: g.bool() }, target, env.scope);
  }
  const sub = (t: boolean) => condition(env, t, depth - 1);
  /** `left op right`, the right side generated where the left narrows (true for and/implies, false for or). */
  const pair = (
    op: 'and' | 'or' | 'implies',
    leftTruth: boolean,
    rightTruth: (left: boolean) => boolean,
  ): Expr => {
    const left = sub(leftTruth);
    const present = presentWhen(left, op !== 'or', new Set(env.present));
    return bin(op, left, condition({ ...env, present }, rightTruth(leftTruth), depth - 1));
  };
  switch (choice) {
    case 4:
      // and: true needs both; false needs one false.
      return pair('and', target || g.bool(), (l) => (target ? true : l ? false : g.bool()));
    case 5:
      return pair('or', target ? g.bool() : false, (l) => (target && l ? g.bool() : target));
    case 6:
      return pair('implies', target ? g.bool() : true, (l) => (target && !l ? g.bool() : target));
    case 7:
      return { kind: 'paren', inner: sub(target) };
    default:
      return not(sub(!target));
  }
}
