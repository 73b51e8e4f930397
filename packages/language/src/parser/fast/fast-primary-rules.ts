import type { Feature } from './fast-cst-builder.js';
import { FastExpressionRules } from './fast-expression-rules.js';
import { LITERAL_STARTS } from './fast-operator-rules.js';
import type { Alternative } from './fast-rule-base.js';

/** The features of `Primary` and the rules it calls. */
type PrimaryTables = ReturnType<FastPrimaryRules['findPrimaryTables']>;

/** The fast parser's rule `Primary` and the rules it calls (grammar/specl.langium). */
export abstract class FastPrimaryRules extends FastExpressionRules {
  private primaryTables: PrimaryTables | undefined;
  private primaryByFirstToken: ReadonlyMap<string, Alternative> | undefined;

  /**
   * The features of `Primary` and the rules it calls: found when the first expression is parsed,
   * not at every start (a spec without expressions never needs them).
   */
  private get p(): PrimaryTables {
    return (this.primaryTables ??= this.findPrimaryTables());
  }

  /** The alternatives of `Primary` one token tells, by its kind (see {@link primaryAlternatives}). */
  private get byFirstToken(): ReadonlyMap<string, Alternative> {
    return (this.primaryByFirstToken ??= this.primaryAlternatives(this.p));
  }

  private findPrimaryTables() {
    const g = this.g;
    const k = g.keyword.bind(g);
    const c = g.call.bind(g);
    const x = g.crossRef.bind(g);
    return {
      type: g.nodeType('Primary'),
      open: k('Primary', '('),
      inner: c('Primary', 'Expression'),
      close: k('Primary', ')'),
      literal: c('Primary', 'Literal'),
      list: c('Primary', 'ListLiteral'),
      record: c('Primary', 'RecordLiteral'),
      quantifier: c('Primary', 'Quantifier'),
      builtin: c('Primary', 'BuiltinCall'),
      call: c('Primary', 'EndpointCall'),
      nameRef: c('Primary', 'NameRef'),
      bodyRef: c('Primary', 'BodyRef'),
      responseRef: c('Primary', 'ResponseRef'),
      literalType: g.nodeType('Literal'),
      numberLiteral: c('Literal', 'NumberLiteral'),
      stringLiteral: c('Literal', 'StringLiteral'),
      booleanLiteral: c('Literal', 'BooleanLiteral'),
      nullLiteral: c('Literal', 'NullLiteral'),
      numberType: g.nodeType('NumberLiteral'),
      number: c('NumberLiteral', 'NUMBER'),
      nullType: g.nodeType('NullLiteral'),
      nullAction: g.action('NullLiteral'),
      null: k('NullLiteral', 'null'),
      listType: g.nodeType('ListLiteral'),
      listAction: g.action('ListLiteral'),
      listOpen: k('ListLiteral', '['),
      item0: c('ListLiteral', 'Expression', 0),
      listComma: k('ListLiteral', ',', 0),
      item1: c('ListLiteral', 'Expression', 1),
      listTrailing: k('ListLiteral', ',', 1),
      listClose: k('ListLiteral', ']'),
      recordType: g.nodeType('RecordLiteral'),
      recordAction: g.action('RecordLiteral'),
      recordOpen: k('RecordLiteral', '{'),
      field0: c('RecordLiteral', 'FieldInit', 0),
      recordComma: k('RecordLiteral', ',', 0),
      field1: c('RecordLiteral', 'FieldInit', 1),
      recordTrailing: k('RecordLiteral', ',', 1),
      recordClose: k('RecordLiteral', '}'),
      fieldType: g.nodeType('FieldInit'),
      field: x('FieldInit'),
      fieldColon: k('FieldInit', ':'),
      fieldValue: c('FieldInit', 'Expression'),
      quantifierType: g.nodeType('Quantifier'),
      all: k('Quantifier', 'all'),
      any: k('Quantifier', 'any'),
      variable: c('Quantifier', 'QuantifierVar'),
      in: k('Quantifier', 'in'),
      collection: c('Quantifier', 'Coalesce'),
      colon: k('Quantifier', ':'),
      predicate: c('Quantifier', 'Expression'),
      varType: g.nodeType('QuantifierVar'),
      varName: c('QuantifierVar', 'Ident'),
      builtinType: g.nodeType('BuiltinCall'),
      len: k('BuiltinCall', 'len'),
      matches: k('BuiltinCall', 'matches'),
      builtinOpen: k('BuiltinCall', '('),
      arg0: c('BuiltinCall', 'Expression', 0),
      builtinComma: k('BuiltinCall', ','),
      arg1: c('BuiltinCall', 'Expression', 1),
      builtinClose: k('BuiltinCall', ')'),
      callType: g.nodeType('EndpointCall'),
      endpoint: x('EndpointCall'),
      callOpen: k('EndpointCall', '('),
      argument0: c('EndpointCall', 'Argument', 0),
      callComma: k('EndpointCall', ',', 0),
      argument1: c('EndpointCall', 'Argument', 1),
      callTrailing: k('EndpointCall', ',', 1),
      callClose: k('EndpointCall', ')'),
      argumentType: g.nodeType('Argument'),
      parameter: x('Argument'),
      argumentColon: k('Argument', ':'),
      argumentValue: c('Argument', 'Expression'),
      nameRefType: g.nodeType('NameRef'),
      target: x('NameRef'),
      bodyType: g.nodeType('BodyRef'),
      bodyAction: g.action('BodyRef'),
      body: k('BodyRef', 'body'),
      responseType: g.nodeType('ResponseRef'),
      responseAction: g.action('ResponseRef'),
      response: k('ResponseRef', 'response'),
      /** A name's alternatives: a reference to a value, and a call of an endpoint. */
      named: [
        { feature: c('Primary', 'NameRef'), rule: this.nameRef },
        { feature: c('Primary', 'EndpointCall'), rule: this.endpointCall },
      ] as const,
    };
  }

  /**
   * The alternatives of `Primary` that one token tells, by that token's kind: literals, lists,
   * records, `all`/`any` quantifiers, built-in calls and `body`/`response` (no name starts with
   * the last two). Found at the first expression.
   */
  private primaryAlternatives(p: PrimaryTables): Map<string, Alternative> {
    const literal = { feature: p.literal, rule: this.literal };
    const quantifier = { feature: p.quantifier, rule: this.quantifier };
    const builtin = { feature: p.builtin, rule: this.builtinCall };
    const byFirstToken = new Map<string, Alternative>([
      ['[', { feature: p.list, rule: this.listLiteral }],
      ['{', { feature: p.record, rule: this.recordLiteral }],
      ['all', quantifier],
      ['any', quantifier],
      ['len', builtin],
      ['matches', builtin],
      ['body', { feature: p.bodyRef, rule: this.bodyRef }],
      ['response', { feature: p.responseRef, rule: this.responseRef }],
    ]);
    for (const kind of LITERAL_STARTS) byFirstToken.set(kind, literal);
    for (const kind of byFirstToken.keys()) {
      if (this.starts('Ident', kind) || this.starts('ValueName', kind))
        throw new Error(`a name may start with ${kind}: the grammar's Primary changed`);
    }
    return byFirstToken;
  }

  /**
   * Primary. The alternatives one token tells go down one path, through one lookup, and a name
   * takes one path whether it calls an endpoint or names a value: the first of a kind met after
   * this rule was compiled (a spec's first `body`, its first endpoint call) no longer throws the
   * compiled code away, as a test of its own at each did.
   */
  protected readonly primary = (): unknown => {
    const b = this.b;
    const p = this.p;
    const kind = b.peek();
    let alternative = this.byFirstToken.get(kind);
    if (alternative === undefined) {
      if (kind === '(') {
        b.begin(p.type);
        b.consume(p.open, '(');
        b.subrule(p.inner, this.expression);
        b.consume(p.close, ')');
        return b.construct();
      }
      if (kind === 'one' && this.startsQuantifier()) {
        return this.handOver(p.type, p.quantifier, this.quantifier);
      }
      const callsEndpoint = this.starts('Ident', kind) && b.peek(1) === '(';
      if (!callsEndpoint && !this.starts('ValueName', kind)) {
        return this.decline(`${kind} cannot start an expression`);
      }
      // Read from one list by a number, not from either of two properties: a property first
      // read after this code was compiled threw it away.
      alternative = p.named[callsEndpoint ? 1 : 0]!;
    }
    return this.handOver(p.type, alternative.feature, alternative.rule);
  };

  /** After `one` (also a name): `one x in`, a quantifier. */
  private startsQuantifier(): boolean {
    return this.starts('Ident', this.b.peek(1)) && this.b.peek(2) === 'in';
  }

  private readonly literal = (): unknown => {
    const p = this.p;
    const kind = this.b.peek();
    if (kind === 'NUMBER') return this.handOver(p.literalType, p.numberLiteral, this.numberLiteral);
    if (kind === 'STRING') return this.handOver(p.literalType, p.stringLiteral, this.stringLiteral);
    if (kind === 'null') return this.handOver(p.literalType, p.nullLiteral, this.nullLiteral);
    return this.handOver(p.literalType, p.booleanLiteral, this.booleanLiteral);
  };

  private readonly numberLiteral = (): unknown => {
    const b = this.b;
    b.begin(this.p.numberType);
    b.consume(this.p.number, 'NUMBER');
    return b.construct();
  };

  private readonly nullLiteral = (): unknown => {
    const b = this.b;
    b.begin(this.p.nullType);
    b.action(this.p.nullAction);
    b.consume(this.p.null, 'null');
    return b.construct();
  };

  /** `'[' (items+=Expression (',' items+=Expression)* ','?)? ']'`, and the like. */
  private list(
    open: [Feature, string],
    first: Feature,
    comma: Feature,
    next: Feature,
    trailing: Feature | undefined,
    close: [Feature, string],
    item: () => unknown,
  ): void {
    const b = this.b;
    b.consume(open[0], open[1]);
    if (b.peek() !== close[1]) {
      b.subrule(first, item);
      while (b.peek() === ',' && (trailing === undefined || b.peek(1) !== close[1])) {
        b.consume(comma, ',');
        b.subrule(next, item);
      }
      if (trailing !== undefined && b.peek() === ',') b.consume(trailing, ',');
    }
    b.consume(close[0], close[1]);
  }

  private readonly listLiteral = (): unknown => {
    const b = this.b;
    const p = this.p;
    b.begin(p.listType);
    b.action(p.listAction);
    this.list(
      [p.listOpen, '['],
      p.item0,
      p.listComma,
      p.item1,
      p.listTrailing,
      [p.listClose, ']'],
      this.expression,
    );
    return b.construct();
  };

  private readonly recordLiteral = (): unknown => {
    const b = this.b;
    const p = this.p;
    b.begin(p.recordType);
    b.action(p.recordAction);
    this.list(
      [p.recordOpen, '{'],
      p.field0,
      p.recordComma,
      p.field1,
      p.recordTrailing,
      [p.recordClose, '}'],
      this.fieldInit,
    );
    return b.construct();
  };

  private readonly fieldInit = (): unknown => {
    const b = this.b;
    const p = this.p;
    b.begin(p.fieldType);
    b.subrule(p.field, this.data('Name'));
    b.consume(p.fieldColon, ':');
    b.subrule(p.fieldValue, this.expression);
    return b.construct();
  };

  private readonly quantifier = (): unknown => {
    const b = this.b;
    const p = this.p;
    b.begin(p.quantifierType);
    const kind = b.peek();
    if (kind === 'all') b.consume(p.all, 'all');
    else if (kind === 'any') b.consume(p.any, 'any');
    else b.consume(this.g.keyword('Quantifier', 'one'), 'one');
    b.subrule(p.variable, this.quantifierVar);
    b.consume(p.in, 'in');
    b.subrule(p.collection, this.coalesce);
    b.consume(p.colon, ':');
    b.subrule(p.predicate, this.expression);
    return b.construct();
  };

  private readonly quantifierVar = (): unknown => {
    const b = this.b;
    b.begin(this.p.varType);
    b.subrule(this.p.varName, this.data('Ident'));
    return b.construct();
  };

  private readonly builtinCall = (): unknown => {
    const b = this.b;
    const p = this.p;
    b.begin(p.builtinType);
    if (b.peek() === 'len') b.consume(p.len, 'len');
    else b.consume(p.matches, 'matches');
    this.list(
      [p.builtinOpen, '('],
      p.arg0,
      p.builtinComma,
      p.arg1,
      undefined,
      [p.builtinClose, ')'],
      this.expression,
    );
    return b.construct();
  };

  protected readonly endpointCall = (): unknown => {
    const b = this.b;
    const p = this.p;
    b.begin(p.callType);
    b.subrule(p.endpoint, this.data('Ident'));
    this.list(
      [p.callOpen, '('],
      p.argument0,
      p.callComma,
      p.argument1,
      p.callTrailing,
      [p.callClose, ')'],
      this.argument,
    );
    return b.construct();
  };

  private readonly argument = (): unknown => {
    const b = this.b;
    const p = this.p;
    b.begin(p.argumentType);
    b.subrule(p.parameter, this.data('ArgumentName'));
    b.consume(p.argumentColon, ':');
    b.subrule(p.argumentValue, this.expression);
    return b.construct();
  };

  private readonly nameRef = (): unknown => {
    const b = this.b;
    b.begin(this.p.nameRefType);
    b.subrule(this.p.target, this.data('ValueName'));
    return b.construct();
  };

  private readonly bodyRef = (): unknown => {
    const b = this.b;
    b.begin(this.p.bodyType);
    b.action(this.p.bodyAction);
    b.consume(this.p.body, 'body');
    return b.construct();
  };

  private readonly responseRef = (): unknown => {
    const b = this.b;
    b.begin(this.p.responseType);
    b.action(this.p.responseAction);
    b.consume(this.p.response, 'response');
    return b.construct();
  };
}
