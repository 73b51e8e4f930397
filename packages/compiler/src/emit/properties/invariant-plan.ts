import type { ConstraintsIR, ErrorIR, ExprIR, FieldIR, RecordIR } from '../../ir/spec-ir.js';
import { numberOf } from '../../ir/number-of.js';

/** Two fields whose values must be ordered: `low <= high` (`<` when strict). */
export interface FieldOrder {
  readonly low: string;
  readonly high: string;
}

/**
 * How a record's invariants shape generation, by construction, so that values satisfy them
 * without a filter rejecting most of what is generated. Read from the invariants' top-level
 * conjuncts (`a and b` is two); a conjunct of any other form is left to the final filter, which
 * checks every invariant anyway.
 */
export interface InvariantPlan {
  /** Fields pinned to one value (`f == v`) or a few (`f in [a, b]`): the values' expressions. */
  readonly choices: ReadonlyMap<string, readonly ExprIR[]>;
  /** Bounds on a field's value or length (`f <= 10`, `len(f) >= 1`), joined. */
  readonly bounds: ReadonlyMap<string, ConstraintsIR>;
  /** Pairs of fields of one type that must be ordered (`end >= start`): swapped when not. */
  readonly orders: readonly FieldOrder[];
  /** Optional fields compared `== null` (`f == null`, `null == f`): always left out. */
  readonly absent: ReadonlySet<string>;
}

type Binary = Extract<ExprIR, { kind: 'binary' }>;
type Comparison = '<' | '<=' | '>' | '>=';

const MIRRORED: Record<Comparison, Comparison> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

const NEGATED: Partial<Record<Binary['op'], Binary['op']>> = {
  '!=': '==',
  '==': '!=',
  '<': '>=',
  '>=': '<',
  '>': '<=',
  '<=': '>',
};

/** `not expr`. */
const negation = (expr: ExprIR): ExprIR => ({
  kind: 'unary',
  op: 'not',
  operand: expr,
  valueKind: 'bool',
  optional: false,
});

/**
 * The top-level conjuncts of a condition, `not` pushed into comparisons and through `or` and
 * `implies` (`not (a or b)` is `not a` and `not b`; `not (a implies b)` is `a` and `not b`).
 */
function conjuncts(expr: ExprIR): ExprIR[] {
  if (expr.kind === 'binary' && expr.op === 'and')
    return [...conjuncts(expr.left), ...conjuncts(expr.right)];
  if (expr.kind === 'unary' && expr.op === 'not') {
    const inner = expr.operand;
    if (inner.kind === 'unary' && inner.op === 'not') return conjuncts(inner.operand);
    if (inner.kind === 'binary' && inner.op === 'or')
      return [...conjuncts(negation(inner.left)), ...conjuncts(negation(inner.right))];
    if (inner.kind === 'binary' && inner.op === 'implies')
      return [...conjuncts(inner.left), ...conjuncts(negation(inner.right))];
    const op = inner.kind === 'binary' ? NEGATED[inner.op] : undefined;
    // Negated orderings of numbers are orderings again (no NaN in Specl values).
    if (inner.kind === 'binary' && op !== undefined) return [{ ...inner, op }];
  }
  return [expr];
}

/** A constant: a literal other than null, an enum member, or a negated number. */
function isConstant(expr: ExprIR): boolean {
  if (expr.kind === 'literal') return expr.value !== null;
  if (expr.kind === 'enumMember') return true;
  return expr.kind === 'unary' && expr.op === '-' && expr.operand.kind === 'literal';
}

const isComparison = (op: Binary['op']): op is Comparison =>
  op === '<' || op === '<=' || op === '>' || op === '>=';

/** `f OP n` as constraints on the field's value. */
function valueBound(op: Comparison, n: number): ConstraintsIR {
  switch (op) {
    case '<':
      return { exclusiveMax: n };
    case '<=':
      return { max: n };
    case '>':
      return { exclusiveMin: n };
    case '>=':
      return { min: n };
  }
}

/** `len(f) OP n` as length constraints (lengths are whole numbers). */
function lengthBound(op: Comparison, n: number, list: boolean): ConstraintsIR {
  const [min, max] = list
    ? (['minItems', 'maxItems'] as const)
    : (['minLength', 'maxLength'] as const);
  switch (op) {
    case '<':
      return { [max]: Math.ceil(n) - 1 };
    case '<=':
      return { [max]: Math.floor(n) };
    case '>':
      return { [min]: Math.floor(n) + 1 };
    case '>=':
      return { [min]: Math.ceil(n) };
  }
}

const tighter = (a: ConstraintsIR, b: ConstraintsIR): ConstraintsIR => {
  const pick = (key: keyof ConstraintsIR, choose: (x: number, y: number) => number) => {
    const [x, y] = [a[key], b[key]] as (number | undefined)[];
    return x === undefined ? y : y === undefined ? x : choose(x, y);
  };
  const entries = {
    min: pick('min', Math.max),
    max: pick('max', Math.min),
    exclusiveMin: pick('exclusiveMin', Math.max),
    exclusiveMax: pick('exclusiveMax', Math.min),
    minLength: pick('minLength', Math.max),
    maxLength: pick('maxLength', Math.min),
    minItems: pick('minItems', Math.max),
    maxItems: pick('maxItems', Math.min),
  };
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
};

/**
 * Reads how a record's invariants can be met by construction. Only required fields are
 * shaped (an optional field may be absent, which the conditions then speak of), but for an
 * optional field that a conjunct says is `null`: it is left out.
 */
export function planInvariants(decl: RecordIR | ErrorIR): InvariantPlan {
  const fields = new Map(decl.fields.map((field) => [field.name, field]));
  const field = (expr: ExprIR): FieldIR | undefined =>
    expr.kind === 'name' && expr.scope === 'field' && !expr.optional
      ? ((f) => (f && !f.optional ? f : undefined))(fields.get(expr.name))
      : undefined;
  const nullableField = (expr: ExprIR): FieldIR | undefined => {
    const found =
      expr.kind === 'name' && expr.scope === 'field' ? fields.get(expr.name) : undefined;
    return found && !found.optional && found.type.kind === 'nullable' ? found : undefined;
  };
  const optionalField = (expr: ExprIR): FieldIR | undefined => {
    const found =
      expr.kind === 'name' && expr.scope === 'field' ? fields.get(expr.name) : undefined;
    return found?.optional ? found : undefined;
  };
  const choices = new Map<string, readonly ExprIR[]>();
  const bounds = new Map<string, ConstraintsIR>();
  const orders: FieldOrder[] = [];
  const absent = new Set<string>();
  const bound = (name: string, constraints: ConstraintsIR) =>
    bounds.set(name, tighter(bounds.get(name) ?? {}, constraints));

  for (const expr of decl.invariants.flatMap((invariant) => conjuncts(invariant.expr))) {
    if (expr.kind !== 'binary') continue;
    const { op, left, right } = expr;
    if (op === '==') {
      const [target, value] = field(left) ? [field(left), right] : [field(right), left];
      if (target && isConstant(value) && !choices.has(target.name))
        choices.set(target.name, [value]);
      // `f == null` pins a required field that may be null (an optional one may be absent).
      const nullable = [nullableField(left), nullableField(right)];
      const isNull = (expr: ExprIR) => expr.kind === 'literal' && expr.value === null;
      const pinned = isNull(right) ? nullable[0] : isNull(left) ? nullable[1] : undefined;
      if (pinned && !choices.has(pinned.name))
        choices.set(pinned.name, [isNull(right) ? right : left]);
      // `f == null` of an optional field: absent, which meets it (and is always allowed).
      const tested = isNull(right) ? left : isNull(left) ? right : undefined;
      const optional = tested && optionalField(tested);
      if (optional) absent.add(optional.name);
      continue;
    }
    if (op === 'in') {
      const target = field(left);
      if (
        target &&
        right.kind === 'list' &&
        right.items.length > 0 &&
        right.items.every(isConstant)
      )
        if (!choices.has(target.name)) choices.set(target.name, right.items);
      continue;
    }
    if (!isComparison(op)) continue;
    const leftField = field(left);
    const rightField = field(right);
    if (leftField && rightField) {
      const sameType = JSON.stringify(leftField.type) === JSON.stringify(rightField.type);
      const ordered = ['number', 'date', 'datetime'].includes(left.valueKind);
      if (sameType && ordered && leftField !== rightField)
        orders.push(
          op === '<' || op === '<='
            ? { low: leftField.name, high: rightField.name }
            : { low: rightField.name, high: leftField.name },
        );
      continue;
    }
    const [subject, n, comparison] =
      numberOf(right) !== undefined
        ? [left, numberOf(right)!, op]
        : [right, numberOf(left), MIRRORED[op]];
    if (n === undefined) continue;
    const target = field(subject);
    if (target && subject.valueKind === 'number') bound(target.name, valueBound(comparison, n));
    if (subject.kind === 'builtin' && subject.name === 'len') {
      const measured = field(subject.args[0]!);
      const kind = subject.args[0]!.valueKind;
      if (measured && (kind === 'string' || kind === 'list'))
        bound(measured.name, lengthBound(comparison, n, kind === 'list'));
    }
  }
  return { choices, bounds, orders, absent };
}
