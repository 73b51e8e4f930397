import type { AstNode, LangiumDocument } from 'langium';
import type {
  AuthDecl,
  BodyClause,
  Declaration,
  Endpoint,
  EnsuresClause,
  ErrorsClause,
  Field,
  HeadersDecl,
  Invariant,
  LatencyBudget,
  Parameter,
  Property,
  RequiresClause,
  ResponseClause,
  SecurityClause,
  SpecFile,
  TagDecl,
} from '@specl/language';
import {
  docComment,
  endpointParameters,
  importClosure,
  pathTemplate,
  recordFields,
  recordInvariants,
  recordOpenFields,
  canonicalExpressionText,
} from '@specl/language';
import type { Expression, PaginatedClause } from '@specl/language';
import { paginationOf, responsePath } from '@specl/language';
import type {
  AliasIR,
  ConditionIR,
  EndpointIR,
  ErrorIR,
  RecordIR,
  ResponseIR,
  FieldIR,
  PaginationIR,
  ParamIR,
  PropertyIR,
  SpecIR,
  StatementIR,
  StatusPatternIR,
  TypeDeclIR,
} from '../ir/spec-ir.js';
import type { Built } from '../ir/built.js';
import { LoweredLocationList } from '../ir/lowered-location.js';
import { fingerprintOfLowered } from './fingerprint.js';
import { lowerExpr } from './lower-expr.js';
import { lowerType } from './lower-type.js';
import { headerNames, lowerHeaders } from './lower-headers.js';
import {
  lowerAuth,
  lowerHeaderSettings,
  lowerMediaTypes,
  lowerLatency,
  lowerSecurity,
  lowerTag,
} from './lower-metadata.js';
import { Locator } from './source-location.js';

/** A spec that cannot be lowered, though it checked clean (two files declaring one name). */
export class LoweringError extends Error {}

const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/**
 * Lowers a checked spec (the root document and every document it imports, transitively) to
 * its IR. The only code that reads the AST on the way to the emitters. The spec must have
 * checked without errors.
 */
export function lowerSpec(
  root: LangiumDocument<SpecFile>,
  documents: readonly LangiumDocument<SpecFile>[],
): SpecIR {
  const locator = new Locator(root.uri.path);
  const byUri = new Map(documents.map((document) => [document.uri.toString(), document]));
  const reachable = importClosure([root], (uri) => byUri.get(uri));
  const declarations = reachable.flatMap((document) => document.parseResult.value.declarations);
  const seen = new Map<string, Declaration>();
  for (const declaration of declarations) {
    const first = seen.get(declaration.name);
    if (first && first !== declaration) {
      const a = locator.locate(first);
      const b = locator.locate(declaration);
      throw new LoweringError(
        `\`${declaration.name}\` is declared twice in the files this spec uses (${a.file}:${a.line}:${a.column} and ${b.file}:${b.line}:${b.column}); rename one of them`,
      );
    }
    seen.set(declaration.name, declaration);
  }
  const condition: Conditioner = (expr, node = expr) => ({
    expr: lowerExpr(expr),
    // As `specl fmt` writes it: formatting never changes the fingerprint or the outputs.
    source: canonicalExpressionText(expr),
    location: locator.locate(node),
  });
  // A field or invariant lowers to the same IR in every record its spreads bring it to: lowered
  // once and shared, so a chain of spreads costs its declarations, not the fields it expands to.
  const loweredFields = new Map<Field, FieldIR>();
  const fieldIR = (field: Field): FieldIR => {
    const doc = docComment(field);
    const name = field.name;
    const optional = field.optional;
    const type = lowerType(field.type);
    const location = locator.locate(field);
    // Written out rather than spread: the same keys in the same order, built faster.
    return doc
      ? { name, optional, type, description: doc, location }
      : { name, optional, type, location };
  };
  const lowerField = (field: Field, record: Declaration): FieldIR => {
    // A record's own field is in no other record unless spread: only spread ones are kept.
    if (field.$container === record) return fieldIR(field);
    let lowered = loweredFields.get(field);
    if (lowered === undefined) {
      lowered = fieldIR(field);
      loweredFields.set(field, lowered);
    }
    return lowered;
  };
  const loweredInvariants = new Map<Invariant, ConditionIR>();
  const lowerInvariant = (invariant: Invariant, record: Declaration): ConditionIR => {
    if (invariant.$container === record) return condition(invariant.expr, invariant);
    let lowered = loweredInvariants.get(invariant);
    if (lowered === undefined) {
      lowered = condition(invariant.expr, invariant);
      loweredInvariants.set(invariant, lowered);
    }
    return lowered;
  };
  const types: TypeDeclIR[] = [];
  const endpoints: EndpointIR[] = [];
  const properties: PropertyIR[] = [];
  const authDecls: AuthDecl[] = [];
  const tagDecls: TagDecl[] = [];
  const headersDecls: HeadersDecl[] = [];
  // Declarations are told apart by `$type` (none has a subtype: test/compiler/
  // lowering-leaf-types.test.ts), in one pass, not by Langium's `isX` (a question to the
  // reflection for each type tried) in a pass for each kind.
  for (const declaration of declarations) {
    switch (declaration.$type) {
      case 'Endpoint':
        endpoints.push(lowerEndpoint(declaration, locator, condition));
        continue;
      case 'Property':
        properties.push(lowerProperty(declaration, locator, condition));
        continue;
      case 'AuthDecl':
        authDecls.push(declaration);
        continue;
      case 'TagDecl':
        tagDecls.push(declaration);
        continue;
      case 'HeadersDecl':
        headersDecls.push(declaration);
        continue;
    }
    const description = docComment(declaration);
    const location = locator.locate(declaration);
    const name = declaration.name;
    // Each declaration is built key by key, in the order the IR has always had (see `Built`).
    if (declaration.$type === 'RecordDecl' || declaration.$type === 'ErrorDecl') {
      const fields = recordFields(declaration).map((field) => lowerField(field, declaration));
      const invariants = recordInvariants(declaration).map((invariant) =>
        lowerInvariant(invariant, declaration),
      );
      const open = recordOpenFields(declaration);
      if (declaration.$type === 'ErrorDecl') {
        const error: Built<ErrorIR> = { kind: 'error', name };
        if (description) error.description = description;
        error.status = errorStatus(declaration.status);
        if (declaration.bodyless) error.bodyless = true;
        const mediaTypes = lowerMediaTypes(declaration.media);
        if (mediaTypes) error.mediaTypes = mediaTypes;
        if (declaration.headers.length > 0) error.headers = headerNames(declaration.headers);
        error.fields = fields;
        if (open) error.openFields = lowerType(open.type);
        error.invariants = invariants;
        error.location = location;
        types.push(error as ErrorIR);
      } else {
        const record: Built<RecordIR> = { kind: 'record', name };
        if (description) record.description = description;
        record.fields = fields;
        if (open) record.openFields = lowerType(open.type);
        record.invariants = invariants;
        record.location = location;
        types.push(record as RecordIR);
      }
    } else if (declaration.$type === 'AliasDecl') {
      const alias: Built<AliasIR> = { kind: 'alias', name };
      if (description) alias.description = description;
      alias.type = lowerType(declaration.type);
      const by = declaration.discriminator;
      if (by) alias.discriminator = by;
      alias.location = location;
      types.push(alias as AliasIR);
    } else if (declaration.$type === 'EnumDecl') {
      const members = declaration.members.map((member) => {
        const doc = docComment(member);
        const at = locator.locate(member);
        return doc
          ? { name: member.name, description: doc, location: at }
          : { name: member.name, location: at };
      });
      types.push(
        description
          ? { kind: 'enum', name, description, members, location }
          : { kind: 'enum', name, members, location },
      );
    }
  }
  const auth = authDecls.map((decl) => lowerAuth(decl, locator));
  const tags = tagDecls.map((decl) => lowerTag(decl, locator));
  const headers = headersDecls.map((decl) => lowerHeaders(decl, locator));
  const header = root.parseResult.value.header;
  const description = header ? docComment(header) : undefined;
  const withoutFingerprint = {
    name: header?.name ?? 'Spec',
    version: header?.version ?? '0.0.0',
    ...(description ? { description } : {}),
    location: header ? locator.locate(header) : locator.fileStart(root.uri.path),
    types: types.sort(byName),
    endpoints: endpoints.sort(byName),
    properties: properties.sort(byName),
    ...lowerHeaderSettings(header),
    ...(auth.length > 0 && { auth: auth.sort(byName) }),
    ...(tags.length > 0 && { tags: tags.sort(byName) }),
    ...(headers.length > 0 && { headers: headers.sort(byName) }),
  };
  // Only what spreads brought can be in two records: the fingerprint hashes each of those once.
  const spread = new Set<object>([...loweredFields.values(), ...loweredInvariants.values()]);
  return { ...withoutFingerprint, fingerprint: fingerprintOfLowered(withoutFingerprint, spread) };
}

type Conditioner = (expr: Expression, node?: AstNode) => ConditionIR;

function lowerEndpoint(endpoint: Endpoint, locator: Locator, condition: Conditioner): EndpointIR {
  const param = (p: Parameter): ParamIR => {
    const doc = docComment(p);
    const name = p.$type === 'BodyClause' ? 'body' : p.name;
    const optional = p.$type === 'QueryParam' || p.$type === 'HeaderParam' ? p.optional : false;
    const type = lowerType(p.type);
    const wireName = p.$type === 'HeaderParam' ? (p.wireName ?? p.name) : name;
    const location = locator.locate(p);
    // Written out rather than spread (see `Built`): the same keys in the same order.
    return doc
      ? { name, optional, type, description: doc, wireName, location }
      : { name, optional, type, wireName, location };
  };
  const pathParams: ParamIR[] = [];
  const query: ParamIR[] = [];
  const headers: ParamIR[] = [];
  for (const p of endpointParameters(endpoint)) {
    if (p.$type === 'PathParam') pathParams.push(param(p));
    else if (p.$type === 'QueryParam') query.push(param(p));
    else if (p.$type === 'HeaderParam') headers.push(param(p));
  }
  // The clauses sorted in one pass by their type (each a leaf of the grammar's `EndpointClause`),
  // rather than a pass (and a type test a clause) for each kind.
  let body: BodyClause | undefined;
  let security: SecurityClause | undefined;
  let latency: LatencyBudget | undefined;
  let deprecated = false;
  const tagRefs: string[] = [];
  const errorRefs: { clause: ErrorsClause; reference: ErrorsClause['errors'][number] }[] = [];
  const responseClauses: ResponseClause[] = [];
  const requiresClauses: RequiresClause[] = [];
  const ensuresClauses: EnsuresClause[] = [];
  for (const clause of endpoint.clauses) {
    switch (clause.$type) {
      case 'BodyClause':
        body ??= clause;
        break;
      case 'SecurityClause':
        security ??= clause;
        break;
      case 'LatencyBudget':
        latency ??= clause;
        break;
      case 'DeprecatedClause':
        deprecated = true;
        break;
      case 'TagsClause':
        for (const tag of clause.tags) tagRefs.push(tag.$refText);
        break;
      case 'ErrorsClause':
        for (const reference of clause.errors) errorRefs.push({ clause, reference });
        break;
      case 'ResponseClause':
        responseClauses.push(clause);
        break;
      case 'RequiresClause':
        requiresClauses.push(clause);
        break;
      case 'EnsuresClause':
        ensuresClauses.push(clause);
        break;
    }
  }
  const pagination = paginationOf(endpoint);
  const description = docComment(endpoint);
  // Built key by key in the order the spreads gave (see `Built`): the same keys in the same order.
  const ir: Built<EndpointIR> = {
    name: endpoint.name,
    method: endpoint.method as EndpointIR['method'],
    path: pathTemplate(endpoint),
  };
  if (description) ir.description = description;
  ir.pathParams = pathParams;
  ir.query = query;
  ir.headers = headers;
  if (body) {
    ir.body = lowerType(body.type);
    ir.bodyLocation = locator.locate(body);
  }
  ir.responses = responseClauses.map((r) => {
    const response: Built<ResponseIR> = { status: Number(r.status) };
    if (r.type) {
      response.type = lowerType(r.type);
      const mediaTypes = lowerMediaTypes(r.media);
      if (mediaTypes) response.mediaTypes = mediaTypes;
    }
    if (r.headers.length > 0) response.headers = headerNames(r.headers);
    response.location = locator.locate(r);
    return response as ResponseIR;
  });
  ir.errors = errorRefs.map(({ reference }) => reference.$refText);
  const errorLocations = new LoweredLocationList();
  for (const { clause, reference } of errorRefs)
    errorLocations.push(locator.locateReference(clause, reference));
  ir.errorLocations = errorLocations;
  ir.requires = requiresClauses.map((c) => condition(c.expr, c));
  ir.ensures = ensuresClauses.map((c) => condition(c.expr, c));
  ir.location = locator.locate(endpoint);
  const bodyMediaTypes = body && lowerMediaTypes(body.media);
  if (bodyMediaTypes) ir.bodyMediaTypes = bodyMediaTypes;
  if (security) ir.security = lowerSecurity(security);
  if (tagRefs.length > 0) ir.tags = tagRefs;
  if (deprecated) ir.deprecated = true;
  if (latency) ir.latency = lowerLatency(latency);
  if (pagination) ir.pagination = lowerPagination(pagination);
  return ir as EndpointIR;
}

/** A `paginated` clause the checker accepted: the cursor parameter and the two paths. */
function lowerPagination(clause: PaginatedClause): PaginationIR {
  if (clause.by) return { by: 'link', items: responsePath(clause.items) ?? [] };
  return {
    cursorParameter: clause.cursor?.$refText ?? '',
    nextCursor: responsePath(clause.next) ?? [],
    items: responsePath(clause.items) ?? [],
  };
}

function lowerProperty(property: Property, locator: Locator, condition: Conditioner): PropertyIR {
  const statements = property.statements.map((statement): StatementIR => {
    const location = locator.locate(statement);
    if (statement.$type === 'Forall') {
      const variables = statement.variables.map((v) => ({
        name: v.name,
        type: lowerType(v.type),
      }));
      return statement.where
        ? { kind: 'forall', variables, where: condition(statement.where), location }
        : { kind: 'forall', variables, location };
    }
    if (statement.$type === 'Let') {
      const value = statement.value;
      const lowered =
        value.$type === 'EndpointCall'
          ? {
              call: {
                endpoint: value.endpoint.$refText,
                args: value.args.map((a) => ({
                  name: a.parameter.$refText,
                  value: lowerExpr(a.value),
                })),
              },
            }
          : { value: lowerExpr(value) };
      const let_: Built<Extract<StatementIR, { kind: 'let' }>> = {
        kind: 'let',
        name: statement.name,
        try: statement.try,
      };
      if (statement.pages) let_.pages = true;
      if ('call' in lowered) let_.call = lowered.call;
      else let_.value = lowered.value;
      let_.location = location;
      return let_ as StatementIR;
    }
    return { kind: 'expect', condition: condition(statement.expr, statement) };
  });
  const description = docComment(property);
  const location = locator.locate(property);
  return description
    ? { name: property.name, description, statements, location }
    : { name: property.name, statements, location };
}

/** An error's status in the IR: a number, or a range in upper case, or `default`. */
function errorStatus(text: string): number | StatusPatternIR {
  if (text === 'default') return 'default';
  if (/^[45][xX][xX]$/.test(text)) return text.toUpperCase() as StatusPatternIR;
  return Number(text);
}
