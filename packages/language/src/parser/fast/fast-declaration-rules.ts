import type { Feature } from './fast-cst-builder.js';
import { FastPrimaryRules } from './fast-primary-rules.js';
import type { Alternative } from './fast-rule-base.js';
import type { NodeType } from './node-constructors.js';

const SETTING_STARTS = new Set(['server', 'license', 'contact', 'security', 'latency']);

/**
 * The fast parser's rules for the spec file, its header and its declarations, each following
 * its rule in grammar/specl.langium.
 */
export abstract class FastDeclarationRules extends FastPrimaryRules {
  private readonly f = new Map<string, Map<string, Feature[]>>();
  private readonly keywords = new Map<string, Map<string, Feature[]>>();
  private readonly calls = new Map<string, Map<string, Feature[]>>();
  private readonly types = new Map<string, NodeType>();
  /**
   * The features of the rules that make most of a spec's nodes (records, fields, enums), found
   * once: each found again at every node costs two lookups in maps.
   */
  private readonly d = {
    declaration: this.g.nodeType('Declaration'),
    record: this.g.call('Declaration', 'RecordDecl'),
    enum: this.g.call('Declaration', 'EnumDecl'),
    recordType: this.g.nodeType('RecordDecl'),
    recordKeyword: this.g.keyword('RecordDecl', 'type'),
    recordName: this.g.call('RecordDecl', 'TypeName'),
    recordBlock: this.blockOf('RecordDecl', 'RecordMember'),
    memberType: this.g.nodeType('RecordMember'),
    field: this.g.call('RecordMember', 'Field'),
    fieldType: this.g.nodeType('Field'),
    fieldName: this.g.call('Field', 'Name'),
    optional: this.g.keyword('Field', '?'),
    colon: this.g.keyword('Field', ':'),
    fieldTypeExpr: this.g.call('Field', 'TypeExpr'),
    enumType: this.g.nodeType('EnumDecl'),
    enumKeyword: this.g.keyword('EnumDecl', 'enum'),
    enumName: this.g.call('EnumDecl', 'TypeName'),
    enumBlock: this.blockOf('EnumDecl', 'EnumMember'),
    enumMemberType: this.g.nodeType('EnumMember'),
    enumMemberName: this.g.call('EnumMember', 'Name'),
    invariantCall: this.g.call('RecordMember', 'Invariant'),
    invariantType: this.g.nodeType('Invariant'),
    invariant: this.g.keyword('Invariant', 'invariant'),
    condition: this.g.call('Invariant', 'Expression'),
    name: this.data('Name'),
    typeName: this.data('TypeName'),
  };

  /** The `nth` keyword `what` (k), call of rule `what` (c) or cross-reference (x) of rule `rule`. */
  protected feature(rule: string, what: string, nth = 0, kind: 'k' | 'c' | 'x' = 'x'): Feature {
    const cache = kind === 'k' ? this.keywords : kind === 'c' ? this.calls : this.f;
    let byWhat = cache.get(rule);
    if (!byWhat) cache.set(rule, (byWhat = new Map()));
    let features = byWhat.get(what);
    if (!features) byWhat.set(what, (features = []));
    let feature = features[nth];
    if (!feature) {
      if (kind === 'k') feature = this.g.keyword(rule, what, nth);
      else if (kind === 'c') feature = this.g.call(rule, what, nth);
      else feature = this.g.crossRef(rule, nth);
      features[nth] = feature;
    }
    return feature;
  }

  /** Consumes keyword `value` of rule `rule`. */
  protected kw(rule: string, value: string, nth = 0): void {
    this.b.consume(this.feature(rule, value, nth, 'k'), value);
  }

  /** Consumes a terminal (`ID`, `STRING`, `NUMBER`) called in rule `rule`. */
  protected terminal(rule: string, name: string, nth = 0): void {
    this.b.consume(this.feature(rule, name, nth, 'c'), name);
  }

  /** Calls rule `callee` from rule `rule`. */
  protected call(rule: string, callee: string, parse: () => unknown, nth = 0): void {
    this.b.subrule(this.feature(rule, callee, nth, 'c'), parse);
  }

  /** Starts rule `rule`'s AST node. */
  protected begin(rule: string): void {
    this.b.begin(this.types.get(rule) ?? this.typeOfRule(rule));
  }

  /** Rule `rule`'s AST node type, found at its first node (not for every rule at every start). */
  private typeOfRule(rule: string): NodeType {
    const type = this.g.nodeType(rule);
    this.types.set(rule, type);
    return type;
  }

  protected readonly specFile = (): unknown => {
    const b = this.b;
    this.begin('SpecFile');
    if (b.peek() === 'spec') this.call('SpecFile', 'SpecHeader', this.specHeader);
    while (b.peek() === 'import') this.call('SpecFile', 'Import', this.importRule);
    while (!b.atEnd) this.declarationOfFile();
    return b.construct();
  };

  private readonly specHeader = (): unknown => {
    const b = this.b;
    this.begin('SpecHeader');
    this.kw('SpecHeader', 'spec');
    this.terminal('SpecHeader', 'ID');
    this.kw('SpecHeader', 'version');
    this.terminal('SpecHeader', 'STRING');
    if (b.peek() === '{') {
      this.kw('SpecHeader', '{');
      while (SETTING_STARTS.has(b.peek())) this.call('SpecHeader', 'SpecSetting', this.specSetting);
      this.kw('SpecHeader', '}');
    }
    return b.construct();
  };

  private readonly specSetting = (): unknown => {
    const b = this.b;
    this.begin('SpecSetting');
    const kind = b.peek();
    if (kind === 'server') this.call('SpecSetting', 'Server', this.server);
    else if (kind === 'license') this.call('SpecSetting', 'License', this.license);
    else if (kind === 'contact') this.call('SpecSetting', 'Contact', this.contact);
    else if (kind === 'security') this.call('SpecSetting', 'SecurityClause', this.securityClause);
    else this.call('SpecSetting', 'LatencyBudget', this.latencyBudget);
    return b.construct();
  };

  private readonly server = (): unknown => {
    const b = this.b;
    this.begin('Server');
    this.kw('Server', 'server');
    this.terminal('Server', 'STRING');
    if (b.peek() === '{') this.block('Server', 'ServerVariable', this.serverVariable);
    return b.construct();
  };

  private readonly serverVariable = (): unknown => {
    const b = this.b;
    this.begin('ServerVariable');
    this.call('ServerVariable', 'Name', this.data('Name'));
    this.kw('ServerVariable', ':');
    this.terminal('ServerVariable', 'STRING', 0);
    while (b.peek() === '|') {
      this.kw('ServerVariable', '|');
      this.terminal('ServerVariable', 'STRING', 1);
    }
    return b.construct();
  };

  private readonly license = (): unknown => {
    const b = this.b;
    this.begin('License');
    this.kw('License', 'license');
    this.terminal('License', 'STRING');
    if (b.peek() === '{') this.block('License', 'Setting', this.setting);
    return b.construct();
  };

  private readonly contact = (): unknown => {
    const b = this.b;
    this.begin('Contact');
    this.kw('Contact', 'contact');
    if (b.peek() === 'STRING') this.terminal('Contact', 'STRING');
    if (b.peek() === '{') this.block('Contact', 'Setting', this.setting);
    return b.construct();
  };

  protected readonly setting = (): unknown => {
    const b = this.b;
    this.begin('Setting');
    this.call('Setting', 'Name', this.data('Name'));
    this.kw('Setting', ':');
    this.terminal('Setting', 'STRING');
    return b.construct();
  };

  private readonly importRule = (): unknown => {
    const b = this.b;
    this.begin('Import');
    this.kw('Import', 'import');
    this.terminal('Import', 'STRING');
    return b.construct();
  };

  /** A declaration of the file (`declarations+=Declaration`). */
  protected declarationOfFile(): void {
    this.call('SpecFile', 'Declaration', this.declaration);
  }

  protected readonly declaration = (): unknown => {
    const b = this.b;
    const d = this.d;
    const kind = b.peek();
    if (kind === 'type' && b.peek(2) === '{') {
      return this.handOver(d.declaration, d.record, this.recordDecl);
    }
    const alternative = this.declarationAlternatives.get(kind);
    if (alternative === undefined) return this.decline(`${kind} cannot start a declaration`);
    return this.handOver(d.declaration, alternative.feature, alternative.rule);
  };

  /**
   * The alternatives of `Declaration` but a record, by the keyword each starts with, found at the
   * first declaration. One lookup takes every kind of declaration down the same path: a chain of
   * tests took each down its own, which the first of its kind met after `declaration` was
   * compiled (a spec's endpoints, after its types) threw away.
   */
  private get declarationAlternatives(): ReadonlyMap<string, Alternative> {
    return (this.declarationTable ??= new Map<string, Alternative>([
      ['type', this.alternative('Declaration', 'AliasDecl', this.aliasDecl)],
      ['enum', { feature: this.d.enum, rule: this.enumDecl }],
      ['error', this.alternative('Declaration', 'ErrorDecl', this.errorDecl)],
      ['endpoint', this.alternative('Declaration', 'Endpoint', this.endpoint)],
      ['property', this.alternative('Declaration', 'Property', this.property)],
      ['auth', this.alternative('Declaration', 'AuthDecl', this.authDecl)],
      ['tag', this.alternative('Declaration', 'TagDecl', this.tagDecl)],
      ['headers', this.alternative('Declaration', 'HeadersDecl', this.headersDecl)],
    ]));
  }

  private declarationTable: ReadonlyMap<string, Alternative> | undefined;

  private readonly recordDecl = (): unknown => {
    const b = this.b;
    const d = this.d;
    b.begin(d.recordType);
    b.consume(d.recordKeyword, 'type');
    b.subrule(d.recordName, d.typeName);
    this.block(d.recordBlock, 'RecordMember', this.recordMember);
    return b.construct();
  };

  protected readonly recordMember = (): unknown => {
    const b = this.b;
    const d = this.d;
    const kind = b.peek();
    const next = b.peek(1);
    if (kind === '...' && next === 'Map') {
      return this.handOver(
        d.memberType,
        this.feature('RecordMember', 'OpenFields', 0, 'c'),
        this.openFields,
      );
    }
    if (kind === '...') {
      return this.handOver(
        d.memberType,
        this.feature('RecordMember', 'Spread', 0, 'c'),
        this.spread,
      );
    }
    if (kind === 'invariant' && next !== ':' && next !== '?') {
      return this.handOver(d.memberType, d.invariantCall, this.invariant);
    }
    return this.handOver(d.memberType, d.field, this.field);
  };

  private readonly field = (): unknown => {
    const b = this.b;
    const d = this.d;
    b.begin(d.fieldType);
    b.subrule(d.fieldName, d.name);
    if (b.peek() === '?') b.consume(d.optional, '?');
    b.consume(d.colon, ':');
    b.subrule(d.fieldTypeExpr, this.typeExpr);
    return b.construct();
  };

  private readonly spread = (): unknown => {
    const b = this.b;
    this.begin('Spread');
    this.kw('Spread', '...');
    b.subrule(this.feature('Spread', 'x'), this.data('TypeName'));
    return b.construct();
  };

  private readonly openFields = (): unknown => {
    const b = this.b;
    this.begin('OpenFields');
    this.kw('OpenFields', '...');
    this.kw('OpenFields', 'Map');
    this.kw('OpenFields', '<');
    this.call('OpenFields', 'TypeExpr', this.typeExpr);
    this.kw('OpenFields', '>');
    return b.construct();
  };

  private readonly invariant = (): unknown => {
    const b = this.b;
    const d = this.d;
    b.begin(d.invariantType);
    b.consume(d.invariant, 'invariant');
    b.subrule(d.condition, this.expression);
    return b.construct();
  };

  private readonly aliasDecl = (): unknown => {
    const b = this.b;
    this.begin('AliasDecl');
    this.kw('AliasDecl', 'type');
    this.call('AliasDecl', 'TypeName', this.data('TypeName'));
    this.kw('AliasDecl', '=');
    this.call('AliasDecl', 'TypeExpr', this.typeExpr);
    if (b.peek() === 'by') {
      // The fragment Discriminator: no node of its own.
      this.kw('Discriminator', 'by');
      this.call('Discriminator', 'Name', this.data('Name'));
    }
    return b.construct();
  };

  private readonly enumDecl = (): unknown => {
    const b = this.b;
    const d = this.d;
    b.begin(d.enumType);
    b.consume(d.enumKeyword, 'enum');
    b.subrule(d.enumName, d.typeName);
    this.block(d.enumBlock, 'EnumMember', this.enumMember);
    return b.construct();
  };

  private readonly enumMember = (): unknown => {
    const b = this.b;
    b.begin(this.d.enumMemberType);
    b.subrule(this.d.enumMemberName, this.d.name);
    return b.construct();
  };

  private readonly errorDecl = (): unknown => {
    const b = this.b;
    this.begin('ErrorDecl');
    this.kw('ErrorDecl', 'error');
    this.call('ErrorDecl', 'TypeName', this.data('TypeName'));
    this.call('ErrorDecl', 'ErrorStatus', this.data('ErrorStatus'));
    if (b.peek() === 'with') this.withHeaders();
    if (b.peek() === 'no') {
      this.kw('ErrorDecl', 'no');
      this.kw('ErrorDecl', 'body');
    } else {
      if (b.peek() === 'as') this.call('ErrorDecl', 'MediaTypes', this.mediaTypes);
      if (b.peek() === '{') this.block('ErrorDecl', 'RecordMember', this.recordMember);
    }
    return b.construct();
  };

  private readonly headersDecl = (): unknown => {
    const b = this.b;
    this.begin('HeadersDecl');
    this.kw('HeadersDecl', 'headers');
    this.call('HeadersDecl', 'TypeName', this.data('TypeName'));
    this.block('HeadersDecl', 'ResponseHeader', this.responseHeader);
    return b.construct();
  };

  private readonly responseHeader = (): unknown => {
    const b = this.b;
    this.begin('ResponseHeader');
    this.call('ResponseHeader', 'Name', this.data('Name'));
    if (b.peek() === 'STRING') this.terminal('ResponseHeader', 'STRING');
    if (b.peek() === '?') this.kw('ResponseHeader', '?');
    this.kw('ResponseHeader', ':');
    this.call('ResponseHeader', 'TypeExpr', this.typeExpr);
    return b.construct();
  };

  /** The fragment WithHeaders (no node of its own): `'with' NAME (',' NAME)*`. */
  protected withHeaders(): void {
    const b = this.b;
    this.kw('WithHeaders', 'with');
    b.subrule(this.feature('WithHeaders', 'x', 0), this.data('TypeName'));
    while (b.peek() === ',') {
      this.kw('WithHeaders', ',');
      b.subrule(this.feature('WithHeaders', 'x', 1), this.data('TypeName'));
    }
  }

  protected readonly mediaTypes = (): unknown => {
    const b = this.b;
    this.begin('MediaTypes');
    this.kw('MediaTypes', 'as');
    this.terminal('MediaTypes', 'STRING', 0);
    while (b.peek() === ',') {
      this.kw('MediaTypes', ',');
      this.terminal('MediaTypes', 'STRING', 1);
    }
    return b.construct();
  };

  private readonly authDecl = (): unknown => {
    const b = this.b;
    this.begin('AuthDecl');
    this.kw('AuthDecl', 'auth');
    this.terminal('AuthDecl', 'ID', 0);
    this.terminal('AuthDecl', 'ID', 1);
    if (this.starts('AuthLocation', b.peek())) {
      this.call('AuthDecl', 'AuthLocation', this.data('AuthLocation'));
    }
    if (b.peek() === 'STRING') this.terminal('AuthDecl', 'STRING');
    if (b.peek() === '{') {
      this.kw('AuthDecl', '{');
      while (b.peek() === 'flow' || b.peek() === 'scope') {
        this.call('AuthDecl', 'AuthMember', this.authMember);
      }
      this.kw('AuthDecl', '}');
    }
    return b.construct();
  };

  private readonly authMember = (): unknown => {
    const b = this.b;
    this.begin('AuthMember');
    if (b.peek() === 'flow') this.call('AuthMember', 'AuthFlow', this.authFlow);
    else this.call('AuthMember', 'AuthScope', this.authScope);
    return b.construct();
  };

  private readonly authFlow = (): unknown => {
    const b = this.b;
    this.begin('AuthFlow');
    this.kw('AuthFlow', 'flow');
    this.terminal('AuthFlow', 'ID');
    this.block('AuthFlow', 'Setting', this.setting);
    return b.construct();
  };

  private readonly authScope = (): unknown => {
    const b = this.b;
    this.begin('AuthScope');
    this.kw('AuthScope', 'scope');
    this.terminal('AuthScope', 'STRING');
    return b.construct();
  };

  private readonly tagDecl = (): unknown => {
    const b = this.b;
    this.begin('TagDecl');
    this.kw('TagDecl', 'tag');
    this.terminal('TagDecl', 'ID');
    if (b.peek() === 'STRING') this.terminal('TagDecl', 'STRING');
    return b.construct();
  };

  protected readonly securityClause = (): unknown => {
    const b = this.b;
    this.begin('SecurityClause');
    this.kw('SecurityClause', 'security');
    if (b.peek() === 'none') {
      this.kw('SecurityClause', 'none');
    } else {
      this.call('SecurityClause', 'SecurityOption', this.securityOption, 0);
      while (b.peek() === '|') {
        this.kw('SecurityClause', '|');
        this.call('SecurityClause', 'SecurityOption', this.securityOption, 1);
      }
    }
    return b.construct();
  };

  private readonly securityOption = (): unknown => {
    const b = this.b;
    this.begin('SecurityOption');
    b.consume(this.feature('SecurityOption', 'x'), 'ID');
    if (b.peek() === '(') {
      this.kw('SecurityOption', '(');
      if (b.peek() === 'STRING') {
        this.terminal('SecurityOption', 'STRING', 0);
        while (b.peek() === ',') {
          this.kw('SecurityOption', ',');
          this.terminal('SecurityOption', 'STRING', 1);
        }
      }
      this.kw('SecurityOption', ')');
    }
    return b.construct();
  };

  protected readonly latencyBudget = (): unknown => {
    const b = this.b;
    this.begin('LatencyBudget');
    this.kw('LatencyBudget', 'latency');
    this.call('LatencyBudget', 'LatencyLimit', this.latencyLimit, 0);
    while (b.peek() === ',') {
      this.kw('LatencyBudget', ',');
      this.call('LatencyBudget', 'LatencyLimit', this.latencyLimit, 1);
    }
    return b.construct();
  };

  private readonly latencyLimit = (): unknown => {
    const b = this.b;
    this.begin('LatencyLimit');
    this.terminal('LatencyLimit', 'ID', 0);
    this.kw('LatencyLimit', '<');
    this.terminal('LatencyLimit', 'NUMBER');
    this.terminal('LatencyLimit', 'ID', 1);
    return b.construct();
  };

  /** Endpoint and Property, in fast-endpoint-rules.ts. */
  protected abstract readonly endpoint: () => unknown;
  protected abstract readonly property: () => unknown;
}
