import type { ValidationAcceptor } from 'langium';
import type { Expression, Field } from '../generated/ast.js';
import {
  isBinaryExpr,
  isBuiltinCall,
  isField,
  isNameRef,
  isNumberLiteral,
  isUnaryExpr,
} from '../generated/ast.js';
import type { RecordLike } from '../typing/records.js';
import { recordFields, recordInvariants } from '../typing/records.js';
import { effectiveConstraints, resolveTypeExpr } from '../typing/resolve-type.js';
import { constraintNumber } from '../util/constraint-number.js';
import { sourceOf } from './expression-report.js';
import { report } from './report.js';

/** A set of numbers, `lo..hi`, each end open or closed; `integer` keeps only whole numbers. */
interface Interval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
  integer: boolean;
  /** Where each bound came from, for the message: written only when reported (`sourceOf` reads the CST). */
  why: (() => string)[];
}

function isEmpty(i: Interval): boolean {
  if (i.integer) {
    const first = i.loOpen ? Math.floor(i.lo) + 1 : Math.ceil(i.lo);
    const last = i.hiOpen ? Math.ceil(i.hi) - 1 : Math.floor(i.hi);
    return first > last;
  }
  return i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen));
}

type Op = '<' | '<=' | '>' | '>=' | '==';
const COMPARISONS: ReadonlySet<string> = new Set<Op>(['<', '<=', '>', '>=', '==']);
const flipped: Record<Op, Op> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==' };

/** `value op n` narrows the interval of `value`. */
function narrow(i: Interval, op: Op, n: number): Interval {
  // A plain literal: one with a property after a spread (`{ ...i, why }`) takes V8's slow path.
  const next: Interval = {
    lo: i.lo,
    loOpen: i.loOpen,
    hi: i.hi,
    hiOpen: i.hiOpen,
    integer: i.integer,
    why: i.why.slice(),
  };
  if (
    (op === '>' || op === '>=' || op === '==') &&
    (n > next.lo || (n === next.lo && op === '>'))
  ) {
    next.lo = n;
    next.loOpen = op === '>';
  }
  if (
    (op === '<' || op === '<=' || op === '==') &&
    (n < next.hi || (n === next.hi && op === '<'))
  ) {
    next.hi = n;
    next.hiOpen = op === '<';
  }
  return next;
}

/** What an atom constrains: a field's value, or its length (`len(field)`). */
type Subject = { field: Field; length: boolean };

function subjectOf(expr: Expression): Subject | undefined {
  if (isNameRef(expr) && isField(expr.target.ref)) return { field: expr.target.ref, length: false };
  if (isBuiltinCall(expr) && expr.name === 'len' && expr.args.length === 1) {
    const inner = subjectOf(expr.args[0]!);
    return inner && !inner.length ? { field: inner.field, length: true } : undefined;
  }
  return undefined;
}

function literalOf(expr: Expression): number | undefined {
  if (isNumberLiteral(expr)) return Number(expr.value);
  if (isUnaryExpr(expr) && expr.op === '-' && isNumberLiteral(expr.operand))
    return -Number(expr.operand.value);
  return undefined;
}

/** The comparisons of an invariant that must all hold: `a and b` gives the atoms of both. */
function* atoms(
  expr: Expression | undefined,
): Generator<{ node: Expression; subject: Subject; op: Op; n: number }> {
  if (!isBinaryExpr(expr)) return;
  if (expr.op === 'and') {
    yield* atoms(expr.left);
    yield* atoms(expr.right);
    return;
  }
  if (!COMPARISONS.has(expr.op)) return;
  const op = expr.op as Op;
  const leftSubject = subjectOf(expr.left);
  const rightNumber = literalOf(expr.right);
  if (leftSubject && rightNumber !== undefined)
    yield { node: expr, subject: leftSubject, op, n: rightNumber };
  const rightSubject = subjectOf(expr.right);
  const leftNumber = literalOf(expr.left);
  if (rightSubject && leftNumber !== undefined)
    yield { node: expr, subject: rightSubject, op: flipped[op], n: leftNumber };
}

/** The interval a field's constraints allow, for its value or its length. */
function initialInterval(subject: Subject): Interval {
  const type = resolveTypeExpr(subject.field.type);
  const interval: Interval = {
    lo: -Infinity,
    loOpen: false,
    hi: Infinity,
    hiOpen: false,
    integer: false,
    why: [],
  };
  if (subject.length) {
    interval.lo = 0;
    interval.integer = true;
  } else {
    interval.integer = type.kind === 'primitive' && type.name === 'Int';
  }
  let result = interval;
  for (const { name, constraint } of effectiveConstraints(subject.field.type)) {
    const n = constraintNumber(constraint.value);
    if (n === undefined) continue;
    const op = boundOp(name, subject.length);
    if (!op) continue;
    result = narrow(result, op, n);
    result.why.push(() => `\`${name}: ${n}\``);
  }
  return result;
}

// Module constants: an object literal in `boundOp` was a new table for every constraint read.
const LENGTH_BOUNDS: ReadonlyMap<string, Op> = new Map<string, Op>([
  ['minLength', '>='],
  ['maxLength', '<='],
  ['minItems', '>='],
  ['maxItems', '<='],
]);
const VALUE_BOUNDS: ReadonlyMap<string, Op> = new Map<string, Op>([
  ['min', '>='],
  ['max', '<='],
  ['exclusiveMin', '>'],
  ['exclusiveMax', '<'],
]);

function boundOp(name: string, length: boolean): Op | undefined {
  return (length ? LENGTH_BOUNDS : VALUE_BOUNDS).get(name);
}

/**
 * Warns about an invariant that can never hold where that is decidable: comparisons of a
 * field (or its length) with a number, against the field's constraints and the other
 * invariants of the record. `min: 5` with `invariant x < 3` is such a case.
 */
export function checkInvariantSatisfiability(decl: RecordLike, accept: ValidationAcceptor): void {
  const invariants = recordInvariants(decl);
  if (invariants.length === 0) return;
  let fields: Set<Field> | undefined;
  const intervals = new Map<string, Interval>();
  // Each field (or length) that can hold no value is reported once, at the invariant that empties it.
  const emptied = new Set<string>();
  for (const invariant of invariants) {
    for (const atom of atoms(invariant.expr)) {
      fields ??= new Set(recordFields(decl));
      if (!fields.has(atom.subject.field)) continue;
      const key = `${atom.subject.field.name}/${atom.subject.length}`;
      if (emptied.has(key)) continue;

      const before = intervals.get(key) ?? initialInterval(atom.subject);
      const after = narrow(before, atom.op, atom.n);
      const node = atom.node;
      after.why.push(() => `\`${sourceOf(node)}\``);
      intervals.set(key, after);
      if (isEmpty(after) && !isEmpty(before)) {
        // Its own invariant, not one a spread brings.
        if (decl.members.includes(invariant)) {
          const subject = atom.subject.length
            ? `len(${atom.subject.field.name})`
            : atom.subject.field.name;
          const reasons =
            before.why.length > 0 ? before.why.map((why) => why()).join(' and ') : 'its type';
          report(
            accept,
            'specl/unsatisfiable-invariant',
            'default',
            { subject, reasons },
            { node: atom.node },
          );
        }
        emptied.add(key);
      }
    }
  }
}
