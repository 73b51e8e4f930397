import { AstUtils } from 'langium';
import type { Expression, Invariant, NameRef } from '../generated/ast.js';
import { isEnumDecl, isEnumMember, isField, isQuantifierVar } from '../generated/ast.js';
import type { RecordLike } from '../typing/records.js';
import { recordInvariants } from '../typing/records.js';
import { stripOptional } from '../typing/specl-type.js';
import { typeOf } from '../typing/type-of.js';
import type { JsonValue } from '../util/annotation-json.js';

/** The most steps one invariant's evaluation takes; past it, it is not judged. */
const STEP_BUDGET = 100_000;

/** Thrown where an invariant cannot be judged on a value: it is then taken as holding. */
class NotJudged extends Error {}

const notJudged = (): never => {
  throw new NotJudged();
};

/** An example's value: JSON, `undefined` for an absent field (absent and null mean the same). */
type Value = JsonValue | undefined;

const isAbsent = (value: Value) => value === undefined || value === null;

function isObject(value: Value): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality, as the runtime's `deepEqual`: absent equals null. */
function same(a: Value, b: Value): boolean {
  if (isAbsent(a) || isAbsent(b)) return isAbsent(a) && isAbsent(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => same(item, b[i]));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => same(a[key], b[key]));
  }
  return a === b;
}

/**
 * Evaluates invariants on an example value at check time, with Specl's meaning where it is
 * plain (numbers, strings, booleans, lists, absent values, quantifiers, `len`, `matches`);
 * anything it cannot judge for sure (a date-time compared, a record literal, a value of a
 * kind it did not expect) leaves the invariant unjudged, so an example is never reported for
 * an invariant the verifier would find it keeps.
 */
class Evaluator {
  private steps = 0;

  constructor(private readonly fields: { [key: string]: JsonValue }) {}

  eval(expr: Expression | undefined, scope: ReadonlyMap<object, Value>): Value {
    if (!expr || ++this.steps > STEP_BUDGET) return notJudged();
    const sub = (e: Expression | undefined) => this.eval(e, scope);
    switch (expr.$type) {
      case 'NumberLiteral':
        return Number(expr.value);
      case 'StringLiteral':
        return expr.value;
      case 'BooleanLiteral':
        return expr.value;
      case 'NullLiteral':
        return null;
      case 'ListLiteral':
        return expr.items.map((item) => sub(item) ?? null);
      case 'NameRef': {
        const target = expr.target?.ref;
        if (isQuantifierVar(target) && scope.has(target)) return scope.get(target);
        if (isEnumMember(target)) return target.name;
        if (isField(target)) return this.fields[target.name];
        return notJudged();
      }
      case 'MemberAccess': {
        const member = expr.member?.ref;
        if (isEnumMember(member) && isEnumDecl(member.$container)) return member.name;
        const receiver = sub(expr.receiver);
        if (isAbsent(receiver)) return expr.optional ? undefined : notJudged();
        if (!isObject(receiver)) return notJudged();
        return receiver[expr.member.$refText];
      }
      case 'UnaryExpr': {
        const operand = sub(expr.operand);
        if (expr.op === 'not') return typeof operand === 'boolean' ? !operand : notJudged();
        return typeof operand === 'number' ? -operand : notJudged();
      }
      case 'BinaryExpr':
        return this.binary(expr, scope);
      case 'Quantifier': {
        const list = sub(expr.collection);
        if (!Array.isArray(list)) return notJudged();
        const holds = (item: Value) => {
          const result = this.eval(expr.predicate, new Map(scope).set(expr.variable, item));
          return typeof result === 'boolean' ? result : notJudged();
        };
        if (expr.kind === 'all') return list.every(holds);
        if (expr.kind === 'any') return list.some(holds);
        return list.filter(holds).length === 1;
      }
      case 'BuiltinCall': {
        const [first, second] = expr.args.map(sub);
        if (expr.name === 'len') {
          if (typeof first === 'string') return [...first].length;
          if (Array.isArray(first)) return first.length;
          return isObject(first) ? Object.keys(first).length : notJudged();
        }
        if (typeof first !== 'string' || typeof second !== 'string') return notJudged();
        try {
          return new RegExp(second, 'u').test(first);
        } catch {
          return notJudged();
        }
      }
      default:
        return notJudged();
    }
  }

  private binary(
    expr: Extract<Expression, { $type: 'BinaryExpr' }>,
    scope: ReadonlyMap<object, Value>,
  ): Value {
    const left = () => this.eval(expr.left, scope);
    const right = () => this.eval(expr.right, scope);
    const bool = (value: Value) => (typeof value === 'boolean' ? value : notJudged());
    switch (expr.op) {
      case 'and':
        return bool(left()) && bool(right());
      case 'or':
        return bool(left()) || bool(right());
      case 'implies':
        return !bool(left()) || bool(right());
      case '??': {
        const value = left();
        return isAbsent(value) ? right() : value;
      }
      case '==':
      case '!=': {
        // Date-times are equal as instants, which text does not tell.
        if (this.isDateTime(expr.left) || this.isDateTime(expr.right)) return notJudged();
        const equal = same(left(), right());
        return expr.op === '==' ? equal : !equal;
      }
      case 'in': {
        const item = left();
        const list = right();
        if (isAbsent(list)) return false;
        return Array.isArray(list) ? list.some((each) => same(item, each)) : notJudged();
      }
      default:
        return this.ordered(expr, left(), right());
    }
  }

  private ordered(expr: Extract<Expression, { $type: 'BinaryExpr' }>, a: Value, b: Value): Value {
    const numbers = typeof a === 'number' && typeof b === 'number';
    switch (expr.op) {
      case '<':
      case '<=':
      case '>':
      case '>=': {
        // Strings and dates (`YYYY-MM-DD`) order as text; date-times are instants.
        const texts = typeof a === 'string' && typeof b === 'string';
        if (!(numbers || texts) || this.isDateTime(expr.left) || this.isDateTime(expr.right))
          return notJudged();
        const x = a as number | string;
        const y = b as number | string;
        if (expr.op === '<') return x < y;
        if (expr.op === '<=') return x <= y;
        if (expr.op === '>') return x > y;
        return x >= y;
      }
      case '+':
        if (typeof a === 'string' && typeof b === 'string') return a + b;
        return numbers ? a + b : notJudged();
      case '-':
        return numbers ? a - b : notJudged();
      case '*':
        return numbers ? a * b : notJudged();
      case '/':
        return numbers && b !== 0 ? a / b : notJudged();
      case '%':
        return numbers && b !== 0 ? a % b : notJudged();
      default:
        return notJudged();
    }
  }

  private isDateTime(expr: Expression): boolean {
    const type = stripOptional(typeOf(expr));
    return type.kind === 'primitive' && type.name === 'DateTime';
  }
}

/**
 * The first invariant of a record (its own and those it spreads in) that an example value of
 * it breaks, or undefined when each holds or cannot be judged at check time.
 */
export function brokenInvariant(
  decl: RecordLike,
  value: JsonValue,
  leftOut: ReadonlySet<string> = new Set(),
): Invariant | undefined {
  if (!isObject(value)) return undefined;
  const evaluator = new Evaluator(value);
  return recordInvariants(decl).find((invariant) => {
    // An invariant that reads a field the example's direction leaves out says nothing of it.
    if (leftOut.size > 0 && readsAny(invariant.expr, leftOut)) return false;
    try {
      return evaluator.eval(invariant.expr, new Map()) === false;
    } catch (error) {
      if (error instanceof NotJudged) return false;
      throw error;
    }
  });
}

/** Whether an expression reads (by a bare name) any of the record's fields named in `names`. */
function readsAny(expr: Expression | undefined, names: ReadonlySet<string>): boolean {
  if (!expr) return false;
  for (const node of AstUtils.streamAst(expr)) {
    if (node.$type !== 'NameRef') continue;
    const target = (node as NameRef).target?.ref;
    if (isField(target) && names.has(target.name)) return true;
  }
  return false;
}
