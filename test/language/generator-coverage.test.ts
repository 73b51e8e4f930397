import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import type {
  Constraint,
  DeclModel,
  EndpointClause,
  RecordMember,
  SpecProject,
  TypeModel,
} from '../arbitraries/spec-model.js';

/** Every type reference under `type` (list elements, map values, union options). */
function refs(type: TypeModel): Extract<TypeModel, { kind: 'ref' }>[] {
  if (type.kind === 'union') return type.options.flatMap(refs);
  const base = type.base;
  const inner =
    base.kind === 'list' ? refs(base.element) : base.kind === 'map' ? refs(base.value) : [];
  return [type, ...inner];
}

/** What of the v0.1 constructs a generated project holds, by name. */
function uses(project: SpecProject): Record<string, boolean> {
  const files = Object.values(project.files);
  const decls: DeclModel[] = files.flatMap((f) => f.declarations);
  const clauses: EndpointClause[] = decls.flatMap((d) => (d.kind === 'endpoint' ? d.clauses : []));
  const responses = clauses.filter((c) => c.kind === 'response');
  const members: RecordMember[] = decls.flatMap((d) =>
    d.kind === 'record' || d.kind === 'error' ? (d.members ?? []) : [],
  );
  const fieldTypes = members.flatMap((m) => (m.kind === 'field' ? [m.type] : []));
  const paramTypes = [
    ...clauses.flatMap((c) => (c.kind === 'query' || c.kind === 'header' ? [c.type] : [])),
    ...decls.flatMap((d) =>
      d.kind === 'endpoint' ? d.path.flatMap((s) => (s.kind === 'param' ? [s.type] : [])) : [],
    ),
  ];
  const messageTypes = clauses.flatMap((c) =>
    (c.kind === 'body' || c.kind === 'response') && c.type ? [c.type] : [],
  );
  const annotations = (types: TypeModel[]): Constraint[] =>
    types.flatMap(refs).flatMap((r) => r.constraints);
  const has = (types: TypeModel[], name: string, test = (_: Constraint) => true) =>
    annotations(types).some((c) => c.name === name && test(c));
  const media = [
    ...clauses.flatMap((c) => (c.kind === 'body' || c.kind === 'response' ? (c.media ?? []) : [])),
    ...decls.flatMap((d) => (d.kind === 'error' ? (d.media ?? []) : [])),
  ];
  const bodies = clauses.filter((c) => c.kind === 'body');
  const auths = decls.flatMap((d) => (d.kind === 'auth' ? [d.scheme] : []));
  const settings = files.flatMap((f) => f.header?.settings ?? []);
  const security = clauses.filter((c) => c.kind === 'security');
  const bytes = (t: TypeModel | undefined) =>
    t !== undefined && refs(t).some((r) => r.base.kind === 'primitive' && r.base.name === 'Bytes');
  const structured = (c: Constraint) => typeof c.value === 'object' && c.value !== null;
  return {
    // media types
    vendorJson: media.some((m) => m.endsWith('+json')),
    textAnswer: media.some((m) => m.startsWith('text/')),
    severalMedia: [...bodies, ...responses].some((c) => (c.media?.length ?? 0) > 1),
    errorMedia: decls.some((d) => d.kind === 'error' && d.media !== undefined),
    rawBody: bodies.some((c) => bytes(c.type) && c.media !== undefined),
    rawAnswer: responses.some((c) => bytes(c.type)),
    urlencodedForm: media.includes('application/x-www-form-urlencoded'),
    multipartForm: media.includes('multipart/form-data'),
    filePart: decls.some(
      (d) => d.kind === 'record' && d.members.some((m) => m.kind === 'field' && bytes(m.type)),
    ),
    // authentication
    bearer: auths.some((a) => a.kind === 'bearer'),
    basic: auths.some((a) => a.kind === 'basic'),
    apiKeyHeader: auths.some((a) => a.kind === 'apiKey' && a.location === 'header'),
    apiKeyQuery: auths.some((a) => a.kind === 'apiKey' && a.location === 'query'),
    apiKeyCookie: auths.some((a) => a.kind === 'apiKey' && a.location === 'cookie'),
    oauth2: auths.some((a) => a.kind === 'oauth2'),
    oauth2Scopes: auths.some((a) => a.kind === 'oauth2' && a.scopes.length > 0),
    openIdConnect: auths.some((a) => a.kind === 'openIdConnect'),
    specSecurity: settings.some((s) => s.kind === 'security'),
    endpointSecurity: security.some((s) => !s.none),
    publicEndpoint: security.some((s) => s.none),
    eitherScheme: [...security, ...settings].some(
      (s) => s.kind === 'security' && s.options.length > 1,
    ),
    scopesRequired: [...security, ...settings].some(
      (s) => s.kind === 'security' && s.options.some((o) => (o.scopes?.length ?? 0) > 0),
    ),
    // metadata
    server: settings.some((s) => s.kind === 'server'),
    serverVariables: settings.some((s) => s.kind === 'server' && s.variables.length > 0),
    license: settings.some((s) => s.kind === 'license'),
    contact: settings.some((s) => s.kind === 'contact'),
    tagDeclared: decls.some((d) => d.kind === 'tag'),
    taggedEndpoint: clauses.some((c) => c.kind === 'tags'),
    deprecatedEndpoint: clauses.some((c) => c.kind === 'deprecated'),
    deprecatedField: has(fieldTypes, 'deprecated'),
    deprecatedParameter: has(paramTypes, 'deprecated'),
    summaryAndDescription: decls.some((d) => d.kind === 'endpoint' && !!d.doc?.includes('\n\n')),
    // annotations and examples
    fieldExample: has(fieldTypes, 'example'),
    structuredFieldExample: has(fieldTypes, 'example', structured),
    parameterExample: has(paramTypes, 'example'),
    aliasExample: decls.some((d) => d.kind === 'alias' && has([d.type], 'example')),
    fieldDefault: has(fieldTypes, 'default'),
    parameterDefault: has(paramTypes, 'default'),
    readOnly: has(fieldTypes, 'readOnly'),
    writeOnly: has(fieldTypes, 'writeOnly'),
    bodyExample: bodies.some((c) => has([c.type], 'example') || has([c.type], 'examples')),
    responseExample: responses.some((c) => c.type !== undefined && has([c.type], 'example')),
    namedExamples: has(messageTypes, 'examples'),
    // a response header read in `ensures`
    headerInEnsures: clauses.some(
      (c) => c.kind === 'ensures' && JSON.stringify(c.expr).includes('"name":"headers"'),
    ),
    // pagination by the `Link` header
    linkPagination: clauses.some((c) => c.kind === 'paginated' && 'by' in c),
    // latency budgets, statuses
    specLatency: settings.some((s) => s.kind === 'latency'),
    endpointLatency: clauses.some((c) => c.kind === 'latency'),
    rangeError: decls.some((d) => d.kind === 'error' && (d.status === '4XX' || d.status === '5XX')),
    defaultError: decls.some((d) => d.kind === 'error' && d.status === 'default'),
  };
}

// The share of specs holding each construct (of 150 sampled): between 5 and 120, so that the
// property tests over generated specs see each often and the other constructs still get room.
describe('the generator', () => {
  it('writes every media type, kind of authentication, metadata, annotation, example and latency budget in some specs, not all', () => {
    const projects = fc.sample(specArbitrary, { seed: 42, numRuns: 150 });
    const counts: Record<string, number> = {};
    for (const found of projects.map(uses))
      for (const [key, present] of Object.entries(found))
        counts[key] = (counts[key] ?? 0) + +present;
    expect(Object.keys(counts).length).toBe(Object.keys(uses(projects[0]!)).length);
    for (const [key, count] of Object.entries(counts)) {
      expect(count, key).toBeGreaterThanOrEqual(5);
      expect(count, key).toBeLessThan(120);
    }
  });
});
