import type { ExprIR } from '../ir/spec-ir.js';
import { numberOf } from '../ir/number-of.js';
import { sameValue } from './same-value.js';

/**
 * A sound, incomplete test of whether one set of conditions implies another: `true` means it
 * surely does; `false` means it could not be shown. Conditions are split into their top-level
 * `and`s; a conjunct is implied when an equal one is there, when it is `true`, when one of its
 * `or` options is implied, or when it bounds the same expression as one there by a number and
 * its range holds the other's (`x > 5` implies `x >= 1`, `len(s) == 3` implies `len(s) <= 10`).
 */
export function implies(premises: readonly ExprIR[], conclusions: readonly ExprIR[]): boolean {
  const facts = premises.flatMap(conjuncts);
  const keyed = facts.map((fact) => ({ key: exprKey(fact), range: rangeOf(fact) }));
  return conclusions.flatMap(conjuncts).every((goal) => conjunctHolds(goal, keyed));
}

interface Fact {
  readonly key: string;
  readonly range: Range | undefined;
}

function conjunctHolds(goal: ExprIR, facts: readonly Fact[]): boolean {
  if (goal.kind === 'literal' && goal.value === true) return true;
  const key = exprKey(goal);
  if (facts.some((fact) => fact.key === key)) return true;
  if (goal.kind === 'binary' && goal.op === 'or') {
    return conjunctHolds(goal.left, facts) || conjunctHolds(goal.right, facts);
  }
  const wanted = rangeOf(goal);
  return (
    wanted !== undefined &&
    facts.some((fact) => fact.range?.subject === wanted.subject && within(fact.range, wanted))
  );
}

/** An expression's top-level conjuncts: `a and (b and c)` is a, b, c. */
export function conjuncts(expr: ExprIR): ExprIR[] {
  return expr.kind === 'binary' && expr.op === 'and'
    ? [...conjuncts(expr.left), ...conjuncts(expr.right)]
    : [expr];
}

/** The parts of an expression's IR that are the checker's typing, not what the text says. */
const typing: ReadonlySet<string> = new Set(['valueKind', 'optional']);

/**
 * A canonical key of an expression's meaning: its IR as JSON, without the types the checker
 * gave its parts (a field that became optional changes those, not what the condition says).
 */
export function exprKey(expr: ExprIR): string {
  return JSON.stringify(expr, (key, value) => (typing.has(key) ? undefined : value));
}

/** Whether two expressions say the same (as {@link exprKey} compares them, without building keys). */
export function sameExpr(a: ExprIR, b: ExprIR): boolean {
  return sameValue(a, b, typing);
}

/** The values a comparison with a number allows its other side: `subject` in [low, high]. */
interface Range {
  readonly subject: string;
  readonly low: number;
  readonly lowOpen: boolean;
  readonly high: number;
  readonly highOpen: boolean;
}

const flipped = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==' } as const;

function rangeOf(expr: ExprIR): Range | undefined {
  if (expr.kind !== 'binary' || !(expr.op in flipped)) return undefined;
  let op = expr.op as keyof typeof flipped;
  let subject = expr.left;
  let bound = numberOf(expr.right);
  if (bound === undefined) {
    bound = numberOf(expr.left);
    subject = expr.right;
    op = flipped[op];
  }
  if (bound === undefined || numberOf(subject) !== undefined) return undefined;
  const key = exprKey(subject);
  const all = { subject: key, low: -Infinity, lowOpen: true, high: Infinity, highOpen: true };
  switch (op) {
    case '<':
      return { ...all, high: bound, highOpen: true };
    case '<=':
      return { ...all, high: bound, highOpen: false };
    case '>':
      return { ...all, low: bound, lowOpen: true };
    case '>=':
      return { ...all, low: bound, lowOpen: false };
    case '==':
      return { subject: key, low: bound, lowOpen: false, high: bound, highOpen: false };
  }
}

/** Whether every value in `inner` is in `outer`. */
function within(inner: Range, outer: Range): boolean {
  const lowOk =
    inner.low > outer.low || (inner.low === outer.low && (inner.lowOpen || !outer.lowOpen));
  const highOk =
    inner.high < outer.high || (inner.high === outer.high && (inner.highOpen || !outer.highOpen));
  return lowOk && highOk;
}
