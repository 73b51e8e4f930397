import type { GrammarAST } from 'langium';
import type { Feature } from './fast-cst-builder.js';
import { FastRuleBase } from './fast-rule-base.js';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=', 'in']);
const LITERAL_STARTS = new Set(['NUMBER', 'STRING', 'true', 'false', 'null']);
const CONSTANT_STARTS = new Set(['-', 'NUMBER', 'STRING', 'true', 'false']);
/** Keywords an expression can start with, besides names and literals. */
const WORD_STARTS = new Set(['all', 'any', 'len', 'matches', 'body', 'response']);

/**
 * The fast parser's rules for types (`TypeExpr` and what it calls) and expressions, each
 * following its rule in grammar/specl.langium: the same alternatives in the same order, the same
 * actions, the same calls.
 */
export abstract class FastExpressionRules extends FastRuleBase {
  private readonly t;
  private readonly e;

  constructor(grammar: GrammarAST.Grammar) {
    super(grammar);
    const g = this.g;
    const k = g.keyword.bind(g);
    const c = g.call.bind(g);
    this.t = {
      typeExpr: g.nodeType('TypeExpr'),
      first: c('TypeExpr', 'TypeRef', 0),
      union: g.action('TypeExpr'),
      bar: k('TypeExpr', '|'),
      next: c('TypeExpr', 'TypeRef', 1),
      typeRef: g.nodeType('TypeRef'),
      list: k('TypeRef', 'List'),
      map: k('TypeRef', 'Map'),
      lt: k('TypeRef', '<'),
      element: c('TypeRef', 'TypeExpr'),
      gt: k('TypeRef', '>'),
      primitive: c('TypeRef', 'PrimitiveType'),
      ref: g.crossRef('TypeRef'),
      constant: c('TypeRef', 'ConstraintValue'),
      nullable: k('TypeRef', '?'),
      open: k('TypeRef', '{'),
      constraint: c('TypeRef', 'Constraint'),
      comma: k('TypeRef', ','),
      close: k('TypeRef', '}'),
      constraintType: g.nodeType('Constraint'),
      cName: c('Constraint', 'Name'),
      cColon: k('Constraint', ':'),
      cValue: c('Constraint', 'AnnotationValue'),
      annotationType: g.nodeType('AnnotationValue'),
      aConstant: c('AnnotationValue', 'ConstraintValue'),
      aNull: c('AnnotationValue', 'NullLiteral'),
      aObject: c('AnnotationValue', 'JsonObject'),
      aArray: c('AnnotationValue', 'JsonArray'),
      nullType: g.nodeType('NullLiteral'),
      nullAction: g.action('NullLiteral'),
      null: k('NullLiteral', 'null'),
      objectType: g.nodeType('JsonObject'),
      objectAction: g.action('JsonObject'),
      objectOpen: k('JsonObject', '{'),
      entry0: c('JsonObject', 'JsonEntry', 0),
      objectComma: k('JsonObject', ',', 0),
      entry1: c('JsonObject', 'JsonEntry', 1),
      objectTrailing: k('JsonObject', ',', 1),
      objectClose: k('JsonObject', '}'),
      entryType: g.nodeType('JsonEntry'),
      entryName: c('JsonEntry', 'Name'),
      entryString: c('JsonEntry', 'STRING'),
      entryColon: k('JsonEntry', ':'),
      entryValue: c('JsonEntry', 'AnnotationValue'),
      arrayType: g.nodeType('JsonArray'),
      arrayAction: g.action('JsonArray'),
      arrayOpen: k('JsonArray', '['),
      item0: c('JsonArray', 'AnnotationValue', 0),
      arrayComma: k('JsonArray', ',', 0),
      item1: c('JsonArray', 'AnnotationValue', 1),
      arrayTrailing: k('JsonArray', ',', 1),
      arrayClose: k('JsonArray', ']'),
      valueType: g.nodeType('ConstraintValue'),
      constNumber: c('ConstraintValue', 'ConstNumber'),
      stringLiteral: c('ConstraintValue', 'StringLiteral'),
      booleanLiteral: c('ConstraintValue', 'BooleanLiteral'),
      numberType: g.nodeType('ConstNumber'),
      negative: k('ConstNumber', '-'),
      number: c('ConstNumber', 'NUMBER'),
      stringType: g.nodeType('StringLiteral'),
      string: c('StringLiteral', 'STRING'),
      booleanType: g.nodeType('BooleanLiteral'),
      true: k('BooleanLiteral', 'true'),
      false: k('BooleanLiteral', 'false'),
    };
    const binary = (rule: string, operand: string, ops: string[]) => ({
      type: g.nodeType(rule),
      first: c(rule, operand, 0),
      action: g.action(rule),
      ops: new Map(ops.map((op) => [op, k(rule, op)])),
      next: c(
        rule,
        rule === 'Implication' || rule === 'Coalesce' ? rule : operand,
        rule === 'Implication' || rule === 'Coalesce' ? 0 : 1,
      ),
    });
    this.e = {
      expression: g.nodeType('Expression'),
      implicationCall: c('Expression', 'Implication'),
      implication: binary('Implication', 'Disjunction', ['implies']),
      disjunction: binary('Disjunction', 'Conjunction', ['or']),
      conjunction: binary('Conjunction', 'Negation', ['and']),
      comparison: binary('Comparison', 'Coalesce', [...COMPARISONS]),
      coalesce: binary('Coalesce', 'Additive', ['??']),
      additive: binary('Additive', 'Multiplicative', ['+', '-']),
      multiplicative: binary('Multiplicative', 'Prefix', ['*', '/', '%']),
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
  }

  // ---------------------------------------------------------------- types

  /** TypeExpr: TypeRef ({infer UnionTypeRef.options+=current} ('|' options+=TypeRef)+)? */
  protected readonly typeExpr = (): unknown => {
    const b = this.b;
    const t = this.t;
    b.begin(t.typeExpr);
    b.subrule(t.first, this.typeRef);
    if (b.peek() === '|') {
      b.action(t.union);
      do {
        b.consume(t.bar, '|');
        b.subrule(t.next, this.typeRef);
      } while (b.peek() === '|');
    }
    return b.construct();
  };

  /** Whether a TypeRef can start with a token of `kind`. */
  protected startsTypeRef(kind: string): boolean {
    return (
      kind === 'List' ||
      kind === 'Map' ||
      this.starts('PrimitiveType', kind) ||
      this.starts('TypeName', kind) ||
      CONSTANT_STARTS.has(kind)
    );
  }

  private readonly typeRef = (): unknown => {
    const b = this.b;
    const t = this.t;
    b.begin(t.typeRef);
    const kind = b.peek();
    if (kind === 'List' || kind === 'Map') {
      b.consume(kind === 'List' ? t.list : t.map, kind);
      b.consume(t.lt, '<');
      b.subrule(t.element, this.typeExpr);
      b.consume(t.gt, '>');
    } else if (this.starts('PrimitiveType', kind)) {
      b.subrule(t.primitive, this.data('PrimitiveType'));
    } else if (this.starts('TypeName', kind)) {
      b.subrule(t.ref, this.data('TypeName'));
    } else if (CONSTANT_STARTS.has(kind)) {
      b.subrule(t.constant, this.constraintValue);
    } else {
      this.decline(`${kind} cannot start a type`);
    }
    if (b.peek() === '?') b.consume(t.nullable, '?');
    if (b.peek() === '{') {
      b.consume(t.open, '{');
      while (b.peek() !== '}') {
        b.subrule(t.constraint, this.constraint);
        if (b.peek() === ',') b.consume(t.comma, ',');
      }
      b.consume(t.close, '}');
    }
    return b.construct();
  };

  private readonly constraint = (): unknown => {
    const b = this.b;
    const t = this.t;
    b.begin(t.constraintType);
    b.subrule(t.cName, this.data('Name'));
    b.consume(t.cColon, ':');
    b.subrule(t.cValue, this.annotationValue);
    return b.construct();
  };

  /** AnnotationValue: ConstraintValue | NullLiteral | JsonObject | JsonArray */
  private readonly annotationValue = (): unknown => {
    const b = this.b;
    const t = this.t;
    b.begin(t.annotationType);
    const kind = b.peek();
    if (kind === '{') b.subrule(t.aObject, this.jsonObject);
    else if (kind === '[') b.subrule(t.aArray, this.jsonArray);
    else if (kind === 'null') b.subrule(t.aNull, this.jsonNull);
    else b.subrule(t.aConstant, this.constraintValue);
    return b.construct();
  };

  private readonly jsonNull = (): unknown => {
    const b = this.b;
    b.begin(this.t.nullType);
    b.action(this.t.nullAction);
    b.consume(this.t.null, 'null');
    return b.construct();
  };

  /** `open (first (',' next)* ','?)? close`, as JsonObject and JsonArray write it. */
  private jsonItems(
    features: readonly [Feature, Feature, Feature, Feature, Feature, Feature],
    close: string,
    item: () => unknown,
  ): void {
    const b = this.b;
    const [open, first, comma, next, trailing, closing] = features;
    b.consume(open, close === '}' ? '{' : '[');
    if (b.peek() !== close) {
      b.subrule(first, item);
      while (b.peek() === ',' && b.peek(1) !== close) {
        b.consume(comma, ',');
        b.subrule(next, item);
      }
      if (b.peek() === ',') b.consume(trailing, ',');
    }
    b.consume(closing, close);
  }

  private readonly jsonObject = (): unknown => {
    const b = this.b;
    const t = this.t;
    b.begin(t.objectType);
    b.action(t.objectAction);
    const features = [
      t.objectOpen,
      t.entry0,
      t.objectComma,
      t.entry1,
      t.objectTrailing,
      t.objectClose,
    ] as const;
    this.jsonItems(features, '}', this.jsonEntry);
    return b.construct();
  };

  private readonly jsonEntry = (): unknown => {
    const b = this.b;
    const t = this.t;
    b.begin(t.entryType);
    if (b.peek() === 'STRING') b.consume(t.entryString, 'STRING');
    else b.subrule(t.entryName, this.data('Name'));
    b.consume(t.entryColon, ':');
    b.subrule(t.entryValue, this.annotationValue);
    return b.construct();
  };

  private readonly jsonArray = (): unknown => {
    const b = this.b;
    const t = this.t;
    b.begin(t.arrayType);
    b.action(t.arrayAction);
    const features = [
      t.arrayOpen,
      t.item0,
      t.arrayComma,
      t.item1,
      t.arrayTrailing,
      t.arrayClose,
    ] as const;
    this.jsonItems(features, ']', this.annotationValue);
    return b.construct();
  };

  private readonly constraintValue = (): unknown => {
    const b = this.b;
    const t = this.t;
    b.begin(t.valueType);
    const kind = b.peek();
    if (kind === '-' || kind === 'NUMBER') b.subrule(t.constNumber, this.constNumber);
    else if (kind === 'STRING') b.subrule(t.stringLiteral, this.stringLiteral);
    else if (kind === 'true' || kind === 'false') b.subrule(t.booleanLiteral, this.booleanLiteral);
    else this.decline(`${kind} cannot start a constant`);
    return b.construct();
  };

  private readonly constNumber = (): unknown => {
    const b = this.b;
    b.begin(this.t.numberType);
    if (b.peek() === '-') b.consume(this.t.negative, '-');
    b.consume(this.t.number, 'NUMBER');
    return b.construct();
  };

  protected readonly stringLiteral = (): unknown => {
    const b = this.b;
    b.begin(this.t.stringType);
    b.consume(this.t.string, 'STRING');
    return b.construct();
  };

  protected readonly booleanLiteral = (): unknown => {
    const b = this.b;
    b.begin(this.t.booleanType);
    if (b.peek() === 'true') b.consume(this.t.true, 'true');
    else b.consume(this.t.false, 'false');
    return b.construct();
  };

  // ---------------------------------------------------------------- expressions

  protected readonly expression = (): unknown => {
    const b = this.b;
    b.begin(this.e.expression);
    b.subrule(this.e.implicationCall, this.implication);
    return b.construct();
  };

  /** Implication: Disjunction ({infer BinaryExpr.left=current} op='implies' right=Implication)? */
  private readonly implication = (): unknown =>
    this.binaryRule(this.e.implication, this.disjunction, this.implication, false);
  private readonly disjunction = (): unknown =>
    this.binaryRule(this.e.disjunction, this.conjunction, this.conjunction, true);
  private readonly conjunction = (): unknown =>
    this.binaryRule(this.e.conjunction, this.negation, this.negation, true);
  private readonly comparison = (): unknown =>
    this.binaryRule(this.e.comparison, this.coalesce, this.coalesce, false);
  /** Coalesce: the right operand is a Coalesce (right-associative), at most once. */
  protected readonly coalesce = (): unknown =>
    this.binaryRule(this.e.coalesce, this.additive, this.coalesce, false);
  private readonly additive = (): unknown =>
    this.binaryRule(this.e.additive, this.multiplicative, this.multiplicative, true);
  private readonly multiplicative = (): unknown =>
    this.binaryRule(this.e.multiplicative, this.prefix, this.prefix, true);

  private binaryRule(
    rule: FastExpressionRules['e']['implication'],
    first: () => unknown,
    next: () => unknown,
    repeated: boolean,
  ): unknown {
    const b = this.b;
    b.begin(rule.type);
    b.subrule(rule.first, first);
    let op = rule.ops.get(b.peek());
    while (op) {
      b.action(rule.action);
      b.consume(op, b.peek());
      b.subrule(rule.next, next);
      op = repeated ? rule.ops.get(b.peek()) : undefined;
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
    const p = this.e.postfix;
    b.begin(p.type);
    b.subrule(p.primary, this.primary);
    for (let kind = b.peek(); kind === '?.' || kind === '.'; kind = b.peek()) {
      b.action(p.action);
      if (kind === '?.') b.consume(p.optional, '?.');
      else b.consume(p.dot, '.');
      b.subrule(p.member, this.data('Name'));
    }
    return b.construct();
  };

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
