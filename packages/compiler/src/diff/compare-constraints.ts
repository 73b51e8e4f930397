import type { ConstraintsIR } from '../ir/spec-ir.js';
import { sameValue } from './same-value.js';
import type { TypeDelta } from './type-delta.js';

type Key = keyof ConstraintsIR;

/** A bound on numbers, lengths or item counts, as the constraints write it. */
interface Bound {
  /** The smallest (lower) or largest (upper) value allowed; for integers, inclusive. */
  readonly value: number;
  readonly exclusive: boolean;
  readonly text: string;
}

const show = (name: Key, value: number | string | boolean) =>
  `${name}: ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;

/**
 * The bound that `inclusive` and `exclusive` (either may be absent) put together, the stricter
 * where both are written. On integers an exclusive bound is the inclusive one next to it
 * (`exclusiveMin: 0` is `min: 1`), so that the two spellings compare equal.
 */
function bound(
  constraints: ConstraintsIR,
  inclusive: Key,
  exclusive: Key | undefined,
  side: 'lower' | 'upper',
  integer: boolean,
): Bound | undefined {
  const sign = side === 'lower' ? 1 : -1;
  const candidates: Bound[] = [];
  const inc = constraints[inclusive] as number | undefined;
  if (inc !== undefined) {
    const value = integer ? (side === 'lower' ? Math.ceil(inc) : Math.floor(inc)) : inc;
    candidates.push({ value, exclusive: false, text: show(inclusive, inc) });
  }
  const exc = exclusive ? (constraints[exclusive] as number | undefined) : undefined;
  if (exclusive && exc !== undefined) {
    candidates.push(
      integer
        ? {
            value: side === 'lower' ? Math.floor(exc) + 1 : Math.ceil(exc) - 1,
            exclusive: false,
            text: show(exclusive, exc),
          }
        : { value: exc, exclusive: true, text: show(exclusive, exc) },
    );
  }
  if (candidates.length === 0) return undefined;
  const strictness = (b: Bound) => [sign * b.value, b.exclusive ? 1 : 0] as const;
  const picked = candidates.reduce((a, b) => {
    const [av, ae] = strictness(a);
    const [bv, be] = strictness(b);
    return bv > av || (bv === av && be > ae) ? b : a;
  });
  return { ...picked, text: candidates.map((c) => c.text).join(', ') };
}

/** 1 when `b` allows fewer values than `a`, -1 when more, 0 when the same. */
function compareBounds(a: Bound | undefined, b: Bound | undefined, side: 'lower' | 'upper') {
  if (!a && !b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  const sign = side === 'lower' ? 1 : -1;
  if (a.value !== b.value) return sign * b.value > sign * a.value ? 1 : -1;
  if (a.exclusive !== b.exclusive) return b.exclusive ? 1 : -1;
  return 0;
}

/** The bounds constraints set: which keys, which side, and what to call their absence. */
const boundKinds: readonly {
  inclusive: Key;
  exclusive?: Key;
  side: 'lower' | 'upper';
  none: string;
}[] = [
  { inclusive: 'min', exclusive: 'exclusiveMin', side: 'lower', none: 'no minimum' },
  { inclusive: 'max', exclusive: 'exclusiveMax', side: 'upper', none: 'no maximum' },
  { inclusive: 'minLength', side: 'lower', none: 'no minLength' },
  { inclusive: 'maxLength', side: 'upper', none: 'no maxLength' },
  { inclusive: 'minItems', side: 'lower', none: 'no minItems' },
  { inclusive: 'maxItems', side: 'upper', none: 'no maxItems' },
];

/**
 * How the constraints on one type reference changed: each bound (min/exclusiveMin,
 * max/exclusiveMax, minLength, maxLength, minItems, maxItems) narrowed or widened, `unique`
 * added or dropped, a `pattern` added (narrowed), dropped (widened) or changed (undecided: one
 * regular expression's language is not compared with another's). `integer` for `Int`, whose
 * exclusive bounds are compared as the inclusive ones they equal.
 */
export function compareConstraints(
  a: ConstraintsIR,
  b: ConstraintsIR,
  integer: boolean,
  part: string,
): TypeDelta[] {
  const deltas: TypeDelta[] = [];
  for (const kind of boundKinds) {
    const before = bound(a, kind.inclusive, kind.exclusive, kind.side, integer);
    const after = bound(b, kind.inclusive, kind.exclusive, kind.side, integer);
    if ((before?.text ?? '') === (after?.text ?? '')) continue;
    const change = `\`${before?.text ?? kind.none}\` → \`${after?.text ?? kind.none}\``;
    const order = compareBounds(before, after, kind.side);
    deltas.push({
      kind: order > 0 ? 'constraint-narrowed' : order < 0 ? 'constraint-widened' : 'type-rewritten',
      part,
      message: order === 0 ? `${change} (the same values)` : change,
    });
  }
  if ((a.unique ?? false) !== (b.unique ?? false)) {
    deltas.push({
      kind: b.unique ? 'constraint-narrowed' : 'constraint-widened',
      part,
      message: b.unique ? '`unique: true` added' : '`unique: true` dropped',
    });
  }
  if (a.pattern !== b.pattern) {
    const text = (p: string | undefined) => (p === undefined ? 'no pattern' : show('pattern', p));
    deltas.push({
      kind:
        a.pattern === undefined
          ? 'constraint-narrowed'
          : b.pattern === undefined
            ? 'constraint-widened'
            : 'constraint-changed',
      part,
      message: `\`${text(a.pattern)}\` → \`${text(b.pattern)}\``,
    });
  }
  for (const key of ['example', 'examples', 'default'] as const) {
    if (sameValue(a[key], b[key])) continue;
    const what = a[key] === undefined ? 'added' : b[key] === undefined ? 'removed' : 'changed';
    deltas.push({
      kind: key === 'default' ? 'default-changed' : 'example-changed',
      part,
      message: `\`${key}\` ${what}`,
    });
  }
  return deltas;
}
