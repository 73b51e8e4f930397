import type { ActionStep } from './fast-build-steps.js';
import type { Feature } from './fast-cst-builder.js';
import { FastRuleBase } from './fast-rule-base.js';
import type { NodeType } from './node-constructors.js';

const COMPARISONS = ['==', '!=', '<', '<=', '>', '>=', 'in'];
const LITERAL_STARTS = new Set(['NUMBER', 'STRING', 'true', 'false', 'null']);
/** Keywords an expression can start with, besides names and literals. */
const WORD_STARTS = new Set(['all', 'any', 'len', 'matches', 'body', 'response']);

/**
 * Levels of the precedence chain, as the rules of grammar/specl.langium call each other:
 * Implication 0, Disjunction 1, Conjunction 2, Negation 3, Comparison 4, Coalesce 5,
 * Additive 6, Multiplicative 7, Prefix 8 (then Postfix and Primary).
 */
const IMPLICATION = 0;
const CONJUNCTION = 2;
const NEGATION = 3;
const COALESCE = 5;
const MULTIPLICATIVE = 7;
const PREFIX = 8;

/** A binary level: `First ({infer BinaryExpr.left=current} op=(…) right=Next)` once or `*`. */
interface BinaryLevel {
  readonly type: NodeType;
  readonly first: Feature;
  readonly action: ActionStep;
  readonly ops: ReadonlyMap<string, Feature>;
  readonly next: Feature;
  /** The level of the right operand's rule. */
  readonly nextLevel: number;
  /** Whether the operator may come again at this level (`(…)*`), else once (`(…)?`). */
  readonly repeated: boolean;
}

/**
 * The fast parser's rules for expressions (`Expression` down to `Postfix`; `Primary` is in
 * fast-primary-rules.ts), each following its rule in grammar/specl.langium.
 *
 * Every operand goes down the precedence chain, eleven rules, most of which find no operator
 * and hand over the node of the rule they called. The CST builder keeps a CST node of each, so
 * it is driven through every rule; the AST builder keeps nothing of such a rule, and is driven
 * by {@link chain}: the rules that find an operator, with the same steps in the same order.
 */
export abstract class FastOperatorRules extends FastRuleBase {
  /** The expression rules' features and levels, found at the first expression parsed. */
  private operatorTables: ReturnType<FastOperatorRules['findOperatorTables']> | undefined;

  /** The features of the expression rules (see {@link operators}). */
  private get e() {
    return this.operators.e;
  }

  /**
   * The expression rules' features and precedence levels: found when the first expression is
   * parsed, not at every start (a spec without expressions never needs them).
   */
  private get operators() {
    return (this.operatorTables ??= this.findOperatorTables());
  }

  private findOperatorTables() {
    const g = this.g;
    const k = g.keyword.bind(g);
    const c = g.call.bind(g);
    const binary = (
      rule: string,
      operand: string,
      ops: string[],
      nextLevel: number,
      repeated: boolean,
    ): BinaryLevel => {
      const rightRecursive = rule === 'Implication' || rule === 'Coalesce';
      return {
        type: g.nodeType(rule),
        first: c(rule, operand, 0),
        action: g.action(rule),
        ops: new Map(ops.map((op) => [op, k(rule, op)])),
        next: c(rule, rightRecursive ? rule : operand, rightRecursive ? 0 : 1),
        nextLevel,
        repeated,
      };
    };
    const e = {
      expression: g.nodeType('Expression'),
      implicationCall: c('Expression', 'Implication'),
      implication: binary('Implication', 'Disjunction', ['implies'], IMPLICATION, false),
      disjunction: binary('Disjunction', 'Conjunction', ['or'], CONJUNCTION, true),
      conjunction: binary('Conjunction', 'Negation', ['and'], NEGATION, true),
      comparison: binary('Comparison', 'Coalesce', COMPARISONS, COALESCE, false),
      coalesce: binary('Coalesce', 'Additive', ['??'], COALESCE, false),
      additive: binary('Additive', 'Multiplicative', ['+', '-'], MULTIPLICATIVE, true),
      multiplicative: binary('Multiplicative', 'Prefix', ['*', '/', '%'], PREFIX, true),
      negation: {
        type: g.nodeType('Negation'),
        action: g.action('Negation'),
        not: k('Negation', 'not'),
        operand: c('Negation', 'Negation'),
        comparison: c('Negation', 'Comparison'),
      },
      prefix: {
        type: g.nodeType('Prefix'),
        action: g.action('Prefix'),
        minus: k('Prefix', '-'),
        operand: c('Prefix', 'Prefix'),
        postfix: c('Prefix', 'Postfix'),
      },
      postfix: {
        type: g.nodeType('Postfix'),
        primary: c('Postfix', 'Primary'),
        action: g.action('Postfix'),
        optional: k('Postfix', '?.'),
        dot: k('Postfix', '.'),
        member: g.crossRef('Postfix'),
      },
    };
    /** The binary levels by level (`undefined` at Negation and Prefix). */
    const levels: readonly (BinaryLevel | undefined)[] = [
      e.implication,
      e.disjunction,
      e.conjunction,
      undefined,
      e.comparison,
      e.coalesce,
      e.additive,
      e.multiplicative,
      undefined,
    ];
    /** The level of each binary operator (each is the operator of one level). */
    const levelOf = new Map<string, number>();
    levels.forEach((level, at) => level?.ops.forEach((_, op) => levelOf.set(op, at)));
    /** The node type each level's rule begins with. */
    const levelTypes: readonly NodeType[] = levels.map((level, at) =>
      at === NEGATION ? e.negation.type : at === PREFIX ? e.prefix.type : level!.type,
    );
    /** For each level, the function parsing its rule with {@link chain}, to pass to `subrule`. */
    const chainAt: readonly (() => unknown)[] = levelTypes.map((_, at) => () => this.chain(at));
    return { e, binary: levels, levelOf, levelTypes, chainAt };
  }

  protected readonly expression = (): unknown => {
    const b = this.b;
    b.begin(this.e.expression);
    b.subrule(this.e.implicationCall, this.implication);
    return b.construct();
  };

  /** Implication: Disjunction ({infer BinaryExpr.left=current} op='implies' right=Implication)? */
  private readonly implication = (): unknown =>
    this.b.tracesEveryRule
      ? this.binaryRule(this.e.implication, this.disjunction, this.implication)
      : this.chain(IMPLICATION);
  private readonly disjunction = (): unknown =>
    this.binaryRule(this.e.disjunction, this.conjunction, this.conjunction);
  private readonly conjunction = (): unknown =>
    this.binaryRule(this.e.conjunction, this.negation, this.negation);
  private readonly comparison = (): unknown =>
    this.binaryRule(this.e.comparison, this.coalesce, this.coalesce);
  /** Coalesce: the right operand is a Coalesce (right-associative), at most once. */
  protected readonly coalesce = (): unknown =>
    this.b.tracesEveryRule
      ? this.binaryRule(this.e.coalesce, this.additive, this.coalesce)
      : this.chain(COALESCE);
  private readonly additive = (): unknown =>
    this.binaryRule(this.e.additive, this.multiplicative, this.multiplicative);
  private readonly multiplicative = (): unknown =>
    this.binaryRule(this.e.multiplicative, this.prefix, this.prefix);

  private binaryRule(rule: BinaryLevel, first: () => unknown, next: () => unknown): unknown {
    const b = this.b;
    b.begin(rule.type);
    b.subrule(rule.first, first);
    let op = rule.ops.get(b.peek());
    while (op) {
      b.action(rule.action);
      b.consume(op, b.peek());
      b.subrule(rule.next, next);
      op = rule.repeated ? rule.ops.get(b.peek()) : undefined;
    }
    return b.construct();
  }

  private readonly negation = (): unknown => {
    const b = this.b;
    const n = this.e.negation;
    b.begin(n.type);
    if (b.peek() === 'not') {
      b.action(n.action);
      b.consume(n.not, 'not');
      b.subrule(n.operand, this.negation);
    } else {
      b.subrule(n.comparison, this.comparison);
    }
    return b.construct();
  };

  private readonly prefix = (): unknown => {
    const b = this.b;
    const p = this.e.prefix;
    b.begin(p.type);
    if (b.peek() === '-') {
      b.action(p.action);
      b.consume(p.minus, '-');
      b.subrule(p.operand, this.prefix);
    } else {
      b.subrule(p.postfix, this.postfix);
    }
    return b.construct();
  };

  private readonly postfix = (): unknown => {
    const b = this.b;
    b.begin(this.e.postfix.type);
    this.postfixBody();
    return b.construct();
  };

  /** Postfix: Primary ({infer MemberAccess.receiver=current} (optional?='?.' | '.') member=[Member:Name])* */
  private postfixBody(): void {
    const b = this.b;
    const p = this.e.postfix;
    b.subrule(p.primary, this.primary);
    for (let kind = b.peek(); kind === '?.' || kind === '.'; kind = b.peek()) {
      b.action(p.action);
      if (kind === '?.') b.consume(p.optional, '?.');
      else b.consume(p.dot, '.');
      b.subrule(p.member, this.data('Name'));
    }
  }

  /**
   * The rule of level `start` of the precedence chain, for a builder that keeps nothing of a rule
   * handing over its callee's node: the operand and the operators of every level below `start`,
   * in one rule of the builder. A level's action closes the node before it (as the level's rule
   * closing would have) and opens the level's, so the builder takes the very steps the rules
   * finding an operator take, and none of the others': the same nodes, properties and tokens.
   */
  private chain(start: number): unknown {
    const b = this.b;
    const { e, binary, levelOf, levelTypes, chainAt } = this.operators;
    b.begin(levelTypes[start]!);
    // The deepest level whose operators may follow the operand.
    let below: number;
    const kind = b.peek();
    if (kind === 'not' && start <= NEGATION) {
      b.action(e.negation.action);
      b.consume(e.negation.not, 'not');
      b.subrule(e.negation.operand, chainAt[NEGATION]!);
      below = NEGATION - 1;
    } else if (kind === '-' && start <= PREFIX) {
      b.action(e.prefix.action);
      b.consume(e.prefix.minus, '-');
      b.subrule(e.prefix.operand, chainAt[PREFIX]!);
      below = PREFIX - 1;
    } else {
      this.postfixBody();
      below = MULTIPLICATIVE;
    }
    for (let op = b.peek(), at = levelOf.get(op); ; op = b.peek(), at = levelOf.get(op)) {
      if (at === undefined || at > below || at < start) break;
      const level = binary[at]!;
      b.action(level.action);
      b.consume(level.ops.get(op)!, op);
      b.subrule(level.next, chainAt[level.nextLevel]!);
      below = level.repeated ? at : at - 1;
    }
    return b.construct();
  }

  /** Whether an expression can start with a token of `kind`. */
  protected startsExpression(kind: string): boolean {
    return (
      kind === 'not' ||
      kind === '-' ||
      kind === '(' ||
      kind === '[' ||
      kind === '{' ||
      LITERAL_STARTS.has(kind) ||
      this.starts('ValueName', kind) ||
      this.starts('Ident', kind) ||
      WORD_STARTS.has(kind)
    );
  }

  /** Primary, in fast-primary-rules.ts. */
  protected abstract readonly primary: () => unknown;
}

export { LITERAL_STARTS };
