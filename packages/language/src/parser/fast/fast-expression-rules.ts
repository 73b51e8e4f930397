import type { GrammarAST } from 'langium';
import type { Feature } from './fast-cst-builder.js';
import { FastOperatorRules } from './fast-operator-rules.js';

const CONSTANT_STARTS = new Set(['-', 'NUMBER', 'STRING', 'true', 'false']);

/**
 * The fast parser's rules for types (`TypeExpr` and what it calls) and, in
 * `fast-operator-rules.ts`, expressions, each following its rule in grammar/specl.langium: the
 * same alternatives in the same order, the same actions, the same calls.
 */
export abstract class FastExpressionRules extends FastOperatorRules {
  private readonly t;

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
  }

  // ---------------------------------------------------------------- types

  /** TypeExpr: TypeRef ({infer UnionTypeRef.options+=current} ('|' options+=TypeRef)+)? */
  protected readonly typeExpr = (): unknown => {
    const b = this.b;
    const t = this.t;
    if (b.tracesEveryRule) {
      b.begin(t.typeExpr);
      b.subrule(t.first, this.typeRef);
    } else {
      // The AST builder keeps nothing of a TypeExpr handing over its TypeRef's node: the
      // TypeRef's steps are taken in its place, and the action of a union closes the TypeRef.
      b.begin(t.typeRef);
      this.typeRefBody();
    }
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
    this.b.begin(this.t.typeRef);
    this.typeRefBody();
    return this.b.construct();
  };

  /** TypeRef's alternatives, between its `begin` and its `construct`. */
  private typeRefBody(): void {
    const b = this.b;
    const t = this.t;
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
  }

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
    const t = this.t;
    const kind = this.b.peek();
    if (kind === '{') return this.handOver(t.annotationType, t.aObject, this.jsonObject);
    if (kind === '[') return this.handOver(t.annotationType, t.aArray, this.jsonArray);
    if (kind === 'null') return this.handOver(t.annotationType, t.aNull, this.jsonNull);
    return this.handOver(t.annotationType, t.aConstant, this.constraintValue);
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
    const t = this.t;
    const kind = this.b.peek();
    if (kind === '-' || kind === 'NUMBER') {
      return this.handOver(t.valueType, t.constNumber, this.constNumber);
    }
    if (kind === 'STRING') return this.handOver(t.valueType, t.stringLiteral, this.stringLiteral);
    if (kind === 'true' || kind === 'false') {
      return this.handOver(t.valueType, t.booleanLiteral, this.booleanLiteral);
    }
    return this.decline(`${kind} cannot start a constant`);
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
}
