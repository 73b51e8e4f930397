import type { ExprIR, TypeIR, ValueKind } from '../../ir/spec-ir.js';
import type { RuntimeHelper } from './runtime-imports.js';
import { RUNTIME_HELPERS } from './runtime-imports.js';
import type { TypesByName } from './type-lookup.js';
import { admitsNull, elementOf, fieldOf } from './type-lookup.js';
import type { Code } from './ts-code.js';
import {
  ADDITIVE,
  AND,
  COALESCE,
  MULTIPLICATIVE,
  OR,
  POSTFIX,
  PRIMARY,
  RELATIONAL,
  UNARY,
  mixesLogic,
  wrap,
} from './ts-code.js';
import { propertyAccess, propertyKey, RESERVED_WORDS, tsNumber, tsString } from './ts-syntax.js';

/**
 * An expression that names a value from outside: a bare name, `body`, `response` or a header
 * of the answer (`headers.remaining`).
 */
export type NameReference = Extract<
  ExprIR,
  { kind: 'name' } | { kind: 'body' } | { kind: 'response' } | { kind: 'responseHeader' }
>;

/** What a name stands for in the generated code. */
export interface ResolvedName {
  /**
   * TypeScript code for the value that may stand before `.` unparenthesised: an identifier or
   * a property chain (`value.end`, `request.body`).
   */
  readonly code: string;
  /** The value's declared Specl type, when known: it tells which fields read from it may be absent. */
  readonly type?: TypeIR;
  /** Whether the declaration is optional (`name?:`, `query limit?:`), typed `T | undefined`. */
  readonly optional?: boolean;
}

/** What the translator needs from where the expression stands. */
export interface TranslationContext {
  /**
   * Resolves a name that is not a quantifier variable of the expression itself: a record's
   * field in an invariant; `body`, `response` and parameters in `requires`/`ensures`; `forall`
   * variables and `let` bindings in a property.
   */
  resolve(reference: NameReference): ResolvedName;
  /** The name to call a runtime helper by (the caller imports it). */
  helper(name: RuntimeHelper): string;
  /** The spec's named types, to type field reads. */
  readonly types: TypesByName;
  /**
   * Identifiers that the resolved code uses (`value`, `request`, `let` names), which quantifier
   * variables must not shadow. Reserved words and runtime helpers are always avoided.
   */
  readonly reserved?: Iterable<string>;
}

interface Variable {
  readonly code: string;
  readonly type?: TypeIR;
  /** Set when the predicate reads the variable (an unread one gets no parameter). */
  used: boolean;
}

const ARITHMETIC = {
  '+': ADDITIVE,
  '-': ADDITIVE,
  '*': MULTIPLICATIVE,
  '/': MULTIPLICATIVE,
  '%': MULTIPLICATIVE,
};

const isNull = (expr: ExprIR) => expr.kind === 'literal' && expr.value === null;

/**
 * The kind a comparison should treat a value as. The IR types `at ?? "2020-01-01T00:00:00Z"` as
 * a `string` (a format joined with `String`), but its values are date-times all the same.
 */
function comparisonKind(expr: ExprIR): ValueKind {
  if (expr.kind !== 'binary' || expr.op !== '??') return expr.valueKind;
  const kinds = [comparisonKind(expr.left), comparisonKind(expr.right)];
  return kinds.find((kind) => kind === 'datetime' || kind === 'date') ?? expr.valueKind;
}

/**
 * Translates a typed Specl expression to one TypeScript expression, at emit time. Specl's
 * meaning is kept exactly:
 *
 * - `and`, `or` short-circuit as `&&`, `||`; `a implies b` is `!a || b`.
 * - `==`/`!=` are structural (`deepEqual`), instants for date-times (`sameInstant`), and
 *   `x == null` is `isAbsent(x)`, true for `null` and `undefined` alike (both mean absent).
 * - `< <= > >=` compare numbers and strings directly, dates and date-times chronologically
 *   (`compareValues`).
 * - `?.` and `??` are JavaScript's, which treat `null` and `undefined` alike; on a value that is
 *   never absent they read as `.` and the left operand alone.
 * - `x in list` is `inList`, `len` and `matches` the runtime's, quantifiers `every`/`some`
 *   (`one`: `filter(...).length === 1`).
 *
 * The code narrows no types (it has no `typeof`, `===` or `== null`): where Specl knows a value
 * is present (`x != null and x.y > 0`) but TypeScript types it optional, the read gets a non-null
 * assertion (`value.x!.y`) instead, so the code compiles under `strict` whatever the narrowing.
 */
export function translateExpression(expr: ExprIR, context: TranslationContext): string {
  return translator(context).translate(expr, new Map()).code;
}

/** The negation of a condition (`!(a && b)`, `!deepEqual(a, b)`), parenthesised only as needed. */
export function translateNegation(expr: ExprIR, context: TranslationContext): string {
  return translator(context).negate(expr, new Map()).code;
}

function translator(context: TranslationContext): Translator {
  return new Translator(
    context,
    new Set([...RESERVED_WORDS, ...RUNTIME_HELPERS, ...(context.reserved ?? [])]),
  );
}

class Translator {
  constructor(
    private readonly context: TranslationContext,
    private readonly taken: ReadonlySet<string>,
  ) {}

  translate(expr: ExprIR, scope: ReadonlyMap<string, Variable>): Code {
    const sub = (e: ExprIR) => this.translate(e, scope);
    const helper = (name: RuntimeHelper, ...args: Code[]) => ({
      code: `${this.context.helper(name)}(${args.map((a) => a.code).join(', ')})`,
      prec: POSTFIX,
    });
    switch (expr.kind) {
      case 'literal':
        if (typeof expr.value === 'number')
          return { code: tsNumber(expr.value), prec: expr.value < 0 ? UNARY : PRIMARY };
        if (typeof expr.value === 'string') return { code: tsString(expr.value), prec: PRIMARY };
        return { code: String(expr.value), prec: PRIMARY };
      case 'enumMember':
        return { code: tsString(expr.member), prec: PRIMARY };
      case 'list':
        return { code: `[${expr.items.map((item) => sub(item).code).join(', ')}]`, prec: PRIMARY };
      case 'record': {
        const fields = expr.fields.map((f) => `${propertyKey(f.name, true)}: ${sub(f.value).code}`);
        return { code: fields.length ? `{ ${fields.join(', ')} }` : '{}', prec: PRIMARY };
      }
      case 'name':
      case 'body':
      case 'response':
      case 'responseHeader':
        return this.present(expr, this.reference(expr, scope));
      case 'member': {
        const receiver = sub(expr.receiver);
        const field = fieldOf(receiver.type, expr.name, this.context.types);
        const chain = expr.optionalChain && expr.receiver.optional;
        return this.present(expr, {
          code: `${wrap(receiver, POSTFIX)}${propertyAccess(expr.name, chain)}`,
          prec: POSTFIX,
          type: field?.type,
          absentable: field && (field.optional || admitsNull(field.type, this.context.types)),
        });
      }
      case 'unary': {
        const operand = sub(expr.operand);
        if (expr.op === 'not') return { code: `!${wrap(operand, UNARY)}`, prec: UNARY };
        // `- -x` must not print as `--x`.
        const code = operand.code.startsWith('-') ? `(${operand.code})` : wrap(operand, UNARY);
        return { code: `-${code}`, prec: UNARY };
      }
      case 'binary':
        return this.binary(expr, scope, helper);
      case 'quantifier': {
        const collection = sub(expr.collection);
        const name = this.fresh(expr.variable, scope);
        const element = elementOf(collection.type, this.context.types);
        const variable: Variable = { code: name, type: element, used: false };
        const predicate = this.translate(
          expr.predicate,
          new Map(scope).set(expr.variable, variable),
        );
        const list = expr.collection.optional
          ? `(${collection.code} ?? [])`
          : wrap(collection, POSTFIX);
        const params = variable.used ? `(${name})` : '()';
        // `one`: exactly one item satisfies the predicate.
        if (expr.quantifier === 'one')
          return {
            code: `(${list}.filter(${params} => ${predicate.code}).length === 1)`,
            prec: PRIMARY,
          };
        const method = expr.quantifier === 'all' ? 'every' : 'some';
        return { code: `${list}.${method}(${params} => ${predicate.code})`, prec: POSTFIX };
      }
      case 'builtin':
        return helper(expr.name, ...expr.args.map(sub));
    }
  }

  /** The negation of a condition: `not a` is `a`, `==` and `!=` swap, others get `!`. */
  negate(expr: ExprIR, scope: ReadonlyMap<string, Variable>): Code {
    if (expr.kind === 'unary' && expr.op === 'not') return this.translate(expr.operand, scope);
    if (expr.kind === 'binary' && (expr.op === '==' || expr.op === '!=')) {
      const flipped: ExprIR = { ...expr, op: expr.op === '==' ? '!=' : '==' };
      return this.translate(flipped, scope);
    }
    return { code: `!${wrap(this.translate(expr, scope), UNARY)}`, prec: UNARY };
  }

  private binary(
    expr: Extract<ExprIR, { kind: 'binary' }>,
    scope: ReadonlyMap<string, Variable>,
    helper: (name: RuntimeHelper, ...args: Code[]) => Code,
  ): Code {
    const { op } = expr;
    if (op === '??' && !expr.left.optional) return this.translate(expr.left, scope);
    const left =
      op === 'implies' ? this.negate(expr.left, scope) : this.translate(expr.left, scope);
    const right = this.translate(expr.right, scope);
    const infix = (l: string, symbol: string, r: string, prec: number, extra?: Partial<Code>) => ({
      code: `${l} ${symbol} ${r}`,
      prec,
      ...extra,
    });
    switch (op) {
      case 'and':
      case 'or': {
        const prec = op === 'and' ? AND : OR;
        const side = (c: Code) => mixesLogic(c) ?? wrap(c, prec);
        return infix(side(left), op === 'and' ? '&&' : '||', side(right), prec, { logical: true });
      }
      case 'implies': {
        // `a implies b` is `!a || b`, with `left` already negated.
        const side = (c: Code) => mixesLogic(c) ?? wrap(c, OR);
        return infix(side(left), '||', side(right), OR, { logical: true });
      }
      case '??': {
        const side = (c: Code, min: number) => (c.logical ? `(${c.code})` : wrap(c, min));
        return infix(side(left, COALESCE), '??', side(right, AND + 1), COALESCE, {
          coalesce: true,
        });
      }
      case '==':
      case '!=': {
        const negate = op === '!=' ? '!' : '';
        if (isNull(expr.right) || isNull(expr.left)) {
          // Not `x == null`: a call narrows no types, so that TypeScript's narrowing (which
          // differs from Specl's) never makes a later read `never`; presence is asserted instead.
          const absent = helper('isAbsent', isNull(expr.right) ? left : right);
          return negate ? { code: `!${absent.code}`, prec: UNARY } : absent;
        }
        const kinds = [comparisonKind(expr.left), comparisonKind(expr.right)];
        const call = helper(kinds.includes('datetime') ? 'sameInstant' : 'deepEqual', left, right);
        return negate ? { code: `!${call.code}`, prec: UNARY } : call;
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const kinds = [comparisonKind(expr.left), comparisonKind(expr.right)];
        const direct = kinds.every((k) => k === 'number') || kinds.every((k) => k === 'string');
        if (direct) return infix(wrap(left, ADDITIVE), op, wrap(right, ADDITIVE), RELATIONAL);
        const kind = kinds.includes('datetime')
          ? 'datetime'
          : kinds.includes('date')
            ? 'date'
            : undefined;
        const args = kind ? [left, right, { code: tsString(kind), prec: PRIMARY }] : [left, right];
        return infix(helper('compareValues', ...args).code, op, '0', RELATIONAL);
      }
      case 'in':
        return helper('inList', left, right);
      default: {
        const prec = ARITHMETIC[op];
        return infix(wrap(left, prec), op, wrap(right, prec + 1), prec);
      }
    }
  }

  private reference(expr: NameReference, scope: ReadonlyMap<string, Variable>): Code {
    const variable =
      expr.kind === 'name' && expr.scope === 'quantifier' ? scope.get(expr.name) : undefined;
    if (variable) {
      variable.used = true;
      const absentable = variable.type && admitsNull(variable.type, this.context.types);
      return { code: variable.code, prec: PRIMARY, type: variable.type, absentable };
    }
    const resolved = this.context.resolve(expr);
    const absentable =
      resolved.optional === true ||
      (resolved.type !== undefined && admitsNull(resolved.type, this.context.types));
    return { code: resolved.code, prec: POSTFIX, type: resolved.type, absentable };
  }

  /** Asserts presence where Specl knows the value is there but TypeScript may not. */
  private present(expr: ExprIR, code: Code): Code {
    if (expr.optional || !code.absentable) return code;
    return { ...code, code: `${code.code}!`, absentable: false };
  }

  /** A TypeScript name for a quantifier variable that shadows nothing the code reads. */
  private fresh(name: string, scope: ReadonlyMap<string, Variable>): string {
    const inScope = new Set([...scope.values()].map((variable) => variable.code));
    let candidate = name;
    while (this.taken.has(candidate) || inScope.has(candidate)) candidate += '_';
    return candidate;
  }
}
