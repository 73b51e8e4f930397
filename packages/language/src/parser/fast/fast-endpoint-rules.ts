import { FastDeclarationRules } from './fast-declaration-rules.js';

/** The fast parser's rules for endpoints and properties (grammar/specl.langium). */
export abstract class FastEndpointRules extends FastDeclarationRules {
  /** The features of the rules every endpoint runs, found once (see `FastDeclarationRules`). */
  private readonly ep = {
    endpointType: this.g.nodeType('Endpoint'),
    endpoint: this.g.keyword('Endpoint', 'endpoint'),
    method: this.g.call('Endpoint', 'Ident'),
    ident: this.data('Ident'),
    id: this.g.call('Endpoint', 'ID'),
    path: this.g.call('Endpoint', 'Path'),
    open: this.g.keyword('Endpoint', '{'),
    clause: this.g.call('Endpoint', 'EndpointClause'),
    close: this.g.keyword('Endpoint', '}'),
    pathType: this.g.nodeType('Path'),
    segment: this.g.call('Path', 'PathSegment'),
    segmentType: this.g.nodeType('PathSegment'),
    segmentAction: this.g.action('PathSegment'),
    slash: this.g.keyword('PathSegment', '/'),
    text: this.g.call('PathSegment', 'PathText'),
    slashOpen: this.g.keyword('PathSegment', '/{'),
    param: this.g.call('PathSegment', 'PathParam'),
    textType: this.g.nodeType('PathText'),
    word: this.g.call('PathText', 'PathWord'),
    pathWord: this.data('PathWord'),
    clauseType: this.g.nodeType('EndpointClause'),
    bodyCall: this.g.call('EndpointClause', 'BodyClause'),
    responseCall: this.g.call('EndpointClause', 'ResponseClause'),
    errorsCall: this.g.call('EndpointClause', 'ErrorsClause'),
    requiresCall: this.g.call('EndpointClause', 'RequiresClause'),
    ensuresCall: this.g.call('EndpointClause', 'EnsuresClause'),
    responseType: this.g.nodeType('ResponseClause'),
    response: this.g.keyword('ResponseClause', 'response'),
    status: this.g.call('ResponseClause', 'NUMBER'),
    responseBody: this.g.call('ResponseClause', 'TypeExpr'),
    errorsType: this.g.nodeType('ErrorsClause'),
    errors: this.g.keyword('ErrorsClause', 'errors'),
    firstError: this.g.crossRef('ErrorsClause', 0),
    errorsComma: this.g.keyword('ErrorsClause', ','),
    nextError: this.g.crossRef('ErrorsClause', 1),
    typeName: this.data('TypeName'),
  };

  protected readonly endpoint = (): unknown => {
    const b = this.b;
    const f = this.ep;
    b.begin(f.endpointType);
    b.consume(f.endpoint, 'endpoint');
    b.subrule(f.method, f.ident);
    b.consume(f.id, 'ID');
    b.subrule(f.path, this.path);
    b.consume(f.open, '{');
    while (b.peek() !== '}') b.subrule(f.clause, this.endpointClause);
    b.consume(f.close, '}');
    return b.construct();
  };

  private readonly path = (): unknown => {
    const b = this.b;
    b.begin(this.ep.pathType);
    do b.subrule(this.ep.segment, this.pathSegment);
    while (b.peek() === '/' || b.peek() === '/{');
    return b.construct();
  };

  private readonly pathSegment = (): unknown => {
    const b = this.b;
    const f = this.ep;
    b.begin(f.segmentType);
    b.action(f.segmentAction);
    if (b.peek() === '/') {
      b.consume(f.slash, '/');
      if (this.startsPathWord(b.peek())) b.subrule(f.text, this.pathText);
    } else {
      b.consume(f.slashOpen, '/{');
      b.subrule(f.param, this.pathParam);
    }
    return b.construct();
  };

  private startsPathWord(kind: string): boolean {
    return this.starts('PathWord', kind);
  }

  private readonly pathText = (): unknown => {
    const b = this.b;
    b.begin(this.ep.textType);
    b.subrule(this.ep.word, this.ep.pathWord);
    return b.construct();
  };

  private readonly pathParam = (): unknown => {
    const b = this.b;
    this.begin('PathParam');
    this.call('PathParam', 'Ident', this.data('Ident'));
    if (b.peek() === ':') {
      this.kw('PathParam', ':');
      this.call('PathParam', 'TypeExpr', this.typeExpr);
    }
    this.kw('PathParam', '}');
    return b.construct();
  };

  private readonly endpointClause = (): unknown => {
    const b = this.b;
    const ep = this.ep;
    switch (b.peek()) {
      case 'header':
        return this.clauseOf('HeaderParam', this.headerParam);
      case 'query':
        return this.clauseOf('QueryParam', this.queryParam);
      case 'body':
        return this.handOver(ep.clauseType, ep.bodyCall, this.bodyClause);
      case 'response':
        return this.handOver(ep.clauseType, ep.responseCall, this.responseClause);
      case 'errors':
        return this.handOver(ep.clauseType, ep.errorsCall, this.errorsClause);
      case 'requires':
        return this.handOver(ep.clauseType, ep.requiresCall, this.requiresClause);
      case 'ensures':
        return this.handOver(ep.clauseType, ep.ensuresCall, this.ensuresClause);
      case 'security':
        return this.clauseOf('SecurityClause', this.securityClause);
      case 'tags':
        return this.clauseOf('TagsClause', this.tagsClause);
      case 'deprecated':
        return this.clauseOf('DeprecatedClause', this.deprecatedClause);
      case 'latency':
        return this.clauseOf('LatencyBudget', this.latencyBudget);
      case 'paginated':
        return this.clauseOf('PaginatedClause', this.paginatedClause);
      default:
        return this.decline(`${b.peek()} cannot start an endpoint clause`);
    }
  };

  /** An EndpointClause that is a `callee` (parsed by `rule`). */
  private clauseOf(callee: string, rule: () => unknown): unknown {
    return this.handOver(this.ep.clauseType, this.feature('EndpointClause', callee, 0, 'c'), rule);
  }

  private readonly headerParam = (): unknown => {
    const b = this.b;
    this.begin('HeaderParam');
    this.kw('HeaderParam', 'header');
    this.call('HeaderParam', 'Ident', this.data('Ident'));
    if (b.peek() === 'STRING') this.terminal('HeaderParam', 'STRING');
    if (b.peek() === '?') this.kw('HeaderParam', '?');
    this.kw('HeaderParam', ':');
    this.call('HeaderParam', 'TypeExpr', this.typeExpr);
    return b.construct();
  };

  private readonly queryParam = (): unknown => {
    const b = this.b;
    this.begin('QueryParam');
    this.kw('QueryParam', 'query');
    this.call('QueryParam', 'Ident', this.data('Ident'));
    if (b.peek() === '?') this.kw('QueryParam', '?');
    this.kw('QueryParam', ':');
    this.call('QueryParam', 'TypeExpr', this.typeExpr);
    return b.construct();
  };

  private readonly bodyClause = (): unknown => {
    const b = this.b;
    this.begin('BodyClause');
    this.kw('BodyClause', 'body');
    this.call('BodyClause', 'TypeExpr', this.typeExpr);
    if (b.peek() === 'as') this.call('BodyClause', 'MediaTypes', this.mediaTypes);
    return b.construct();
  };

  private readonly responseClause = (): unknown => {
    const b = this.b;
    const f = this.ep;
    b.begin(f.responseType);
    b.consume(f.response, 'response');
    b.consume(f.status, 'NUMBER');
    if (this.startsTypeRef(b.peek())) {
      b.subrule(f.responseBody, this.typeExpr);
      if (b.peek() === 'as') this.call('ResponseClause', 'MediaTypes', this.mediaTypes);
    }
    if (b.peek() === 'with') this.withHeaders();
    return b.construct();
  };

  /**
   * PaginatedClause: 'paginated' (by?='by' style=ID | cursor=[QueryParam:Ident] '='
   * next=Expression) ',' 'items' '=' items=Expression
   */
  private readonly paginatedClause = (): unknown => {
    const b = this.b;
    const r = 'PaginatedClause';
    this.begin(r);
    this.kw(r, 'paginated');
    // `by link`, unless `by` is a query parameter given its cursor (`paginated by = ...`).
    if (b.peek() === 'by' && b.peek(1) === 'ID') {
      this.kw(r, 'by');
      this.terminal(r, 'ID');
    } else {
      b.subrule(this.feature(r, 'x', 0), this.data('Ident'));
      this.kw(r, '=', 0);
      this.call(r, 'Expression', this.expression, 0);
    }
    this.kw(r, ',');
    this.kw(r, 'items');
    this.kw(r, '=', 1);
    this.call(r, 'Expression', this.expression, 1);
    return b.construct();
  };

  private readonly errorsClause = (): unknown => {
    const b = this.b;
    const f = this.ep;
    b.begin(f.errorsType);
    b.consume(f.errors, 'errors');
    b.subrule(f.firstError, f.typeName);
    while (b.peek() === ',') {
      b.consume(f.errorsComma, ',');
      b.subrule(f.nextError, f.typeName);
    }
    return b.construct();
  };

  private readonly expressionClauses = new Map<string, () => unknown>();

  /** RequiresClause, EnsuresClause, Invariant-like: `'keyword' expr=Expression`. */
  private expressionClause(rule: string, keyword: string): () => unknown {
    let parse = this.expressionClauses.get(rule);
    if (!parse) {
      const type = this.g.nodeType(rule);
      const word = this.g.keyword(rule, keyword);
      const expression = this.g.call(rule, 'Expression');
      parse = () => {
        const b = this.b;
        b.begin(type);
        b.consume(word, keyword);
        b.subrule(expression, this.expression);
        return b.construct();
      };
      this.expressionClauses.set(rule, parse);
    }
    return parse;
  }

  private readonly requiresClause = this.expressionClause('RequiresClause', 'requires');
  private readonly ensuresClause = this.expressionClause('EnsuresClause', 'ensures');

  private readonly tagsClause = (): unknown => {
    const b = this.b;
    this.begin('TagsClause');
    this.kw('TagsClause', 'tags');
    b.consume(this.feature('TagsClause', 'x', 0), 'ID');
    while (b.peek() === ',') {
      this.kw('TagsClause', ',');
      b.consume(this.feature('TagsClause', 'x', 1), 'ID');
    }
    return b.construct();
  };

  private readonly deprecatedClause = (): unknown => {
    const b = this.b;
    this.begin('DeprecatedClause');
    b.action(this.g.action('DeprecatedClause'));
    this.kw('DeprecatedClause', 'deprecated');
    return b.construct();
  };

  protected readonly property = (): unknown => {
    const b = this.b;
    this.begin('Property');
    this.kw('Property', 'property');
    this.call('Property', 'Ident', this.data('Ident'));
    this.kw('Property', '{');
    while (b.peek() !== '}') this.call('Property', 'PropertyStatement', this.propertyStatement);
    this.kw('Property', '}');
    return b.construct();
  };

  private readonly propertyStatement = (): unknown => {
    const b = this.b;
    this.begin('PropertyStatement');
    const kind = b.peek();
    if (kind === 'forall') this.call('PropertyStatement', 'Forall', this.forall);
    else if (kind === 'let') this.call('PropertyStatement', 'Let', this.letRule);
    else if (kind === 'expect') {
      this.call('PropertyStatement', 'Expect', this.expressionClause('Expect', 'expect'));
    } else this.decline(`${kind} cannot start a property statement`);
    return b.construct();
  };

  private readonly forall = (): unknown => {
    const b = this.b;
    this.begin('Forall');
    this.kw('Forall', 'forall');
    this.call('Forall', 'ForallVar', this.forallVar, 0);
    while (b.peek() === ',') {
      this.kw('Forall', ',');
      this.call('Forall', 'ForallVar', this.forallVar, 1);
    }
    if (b.peek() === 'where') {
      this.kw('Forall', 'where');
      this.call('Forall', 'Expression', this.expression);
    }
    return b.construct();
  };

  private readonly forallVar = (): unknown => {
    const b = this.b;
    this.begin('ForallVar');
    this.call('ForallVar', 'Ident', this.data('Ident'));
    this.kw('ForallVar', ':');
    this.call('ForallVar', 'TypeExpr', this.typeExpr);
    return b.construct();
  };

  private readonly letRule = (): unknown => {
    const b = this.b;
    this.begin('Let');
    this.kw('Let', 'let');
    this.call('Let', 'Ident', this.data('Ident'));
    this.kw('Let', '=');
    if (b.peek() === 'pages' && this.starts('Ident', b.peek(1))) {
      // `let all = pages listX(...)`; `pages` followed by a name is nothing else.
      if (b.peek(2) !== '(') this.decline('pages without a call');
      this.kw('Let', 'pages');
      this.call('Let', 'EndpointCall', this.endpointCall);
      return b.construct();
    }
    if (b.peek() === 'try') {
      // `try` is also a name: read as the keyword only when no other reading exists.
      const next = b.peek(1);
      if (!this.startsExpression(next) || next === '-') this.decline('try: keyword or name');
      this.kw('Let', 'try');
    }
    this.call('Let', 'Expression', this.expression);
    return b.construct();
  };
}
