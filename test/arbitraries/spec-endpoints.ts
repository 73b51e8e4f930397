/**
 * Generates the endpoints and properties of a spec: unique routes (method and path with
 * parameter names erased), typed path, query and header parameters, bodies, 2xx responses
 * (and now and then a 3xx), each perhaps carrying sets of response headers, errors with distinct statuses (exact, range or `default`), `requires` and `ensures` that can
 * hold, `paginated` listings; properties whose calls pass every path parameter, required query
 * parameter and body (from `forall` variables, earlier results or literals), with `try`,
 * `pages` walks, `where` and `expect`.
 */
import type { Builder } from './spec-arbitrary.js';
import { annotate, messageExamples, valueAnnotations } from './spec-examples.js';
import { headerTerms, redirect, withHeaders } from './spec-headers.js';
import { formBody, mediaOf, rawBody } from './spec-media.js';
import { endpointMetadata, twoParagraphs } from './spec-metadata.js';
import { freshName, pools } from './spec-names.js';
import { paginate } from './spec-pagination.js';
import type { Term } from './spec-terms.js';
import { nameRoot, terms } from './spec-terms.js';
import type {
  EndpointClause,
  EndpointDeclModel,
  ErrorStatus,
  Expr,
  HttpMethod,
  PathSegmentModel,
  PropertyStatement,
  TypeModel,
} from './spec-model.js';
import type { Typed } from './spec-types.js';
import type { RT, Value } from './spec-values.js';
import { available, literal, makeOpt, stripOpt, witness } from './spec-values.js';

export interface Param {
  name: string;
  /** Whether a call must pass it (path parameters, required query parameters, the body). */
  required: boolean;
  /** Whether it may be absent where expressions read it (optional query parameters and headers). */
  optional: boolean;
  typed: Typed;
}

export interface EndpointInfo {
  name: string;
  file: string;
  params: Param[];
  /** The type of a successful call's body, when the endpoint declares one (optional if some response has none). */
  response?: RT;
  status: number;
  /** A paginated endpoint's cursor parameter (none when it pages by link), and the type of its items. */
  pagination?: { cursor?: string; item: RT };
}

const recordTyped = (name: string): Typed => ({
  model: { kind: 'ref', base: { kind: 'named', name }, nullable: false, constraints: [] },
  rt: { k: 'record', name },
});

const methods: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function routeOf(method: HttpMethod, path: PathSegmentModel[]): string {
  const segments = path.map((s) =>
    s.kind === 'param' ? '/{}' : s.kind === 'text' ? `/${s.text}` : '/',
  );
  return `${method} ${segments.join('')}`;
}

export function genEndpoint(b: Builder, file: string): void {
  const g = b.g;
  const name = freshName(g, pools.endpoint, b.taken);
  const method = g.pick(methods);
  const paramNames = new Set<string>();
  const params: Param[] = [];
  const param = (
    usage: 'path' | 'query' | 'header',
    required: boolean,
    optional: boolean,
  ): Param => {
    const typed = b.type({ file, self: Infinity, usage, depth: 0 });
    const p = { name: freshName(g, pools.param, paramNames), required, optional, typed };
    params.push(p);
    return p;
  };
  // The type written in the parameter's clause: perhaps with an example, a default, deprecated.
  const written = (p: Param) =>
    annotate(p.typed.model, valueAnnotations(b, p.typed.rt, p.optional));
  const path: PathSegmentModel[] = [];
  for (let i = g.nat(3); i > 0; i--) {
    if (g.chance(3)) {
      const p = param('path', true, false);
      path.push({ kind: 'param', name: p.name, type: written(p) });
    } else path.push({ kind: 'text', text: g.pick(pools.word) });
  }
  if (path.length === 0) path.push({ kind: 'empty' });
  for (let i = 2; b.routes.has(routeOf(method, path)); i++) {
    if (path[0]!.kind === 'empty') path.shift();
    path.push({ kind: 'text', text: `r${i}` });
  }
  b.routes.add(routeOf(method, path));
  const clauses: EndpointClause[] = [];
  for (let i = g.nat(2); i > 0; i--) {
    const optional = g.chance(3);
    const p = param('query', !optional, optional);
    clauses.push({ kind: 'query', name: p.name, optional, type: written(p) });
  }
  // A paginated listing answers a page record, or a record holding one in a required field.
  const listing = paginate(b, file, paramNames, params, clauses);
  const paginated = listing?.paginated;
  const page = listing?.answer;
  if (g.chance(3)) {
    const p = param('header', false, g.bool());
    const wire = g.bool() ? { wireName: g.pick(pools.wire) } : {};
    clauses.push({
      kind: 'header',
      name: p.name,
      ...wire,
      optional: p.optional,
      type: written(p),
    });
  }
  const declared = (p: Param) => (p.optional ? makeOpt(p.typed.rt) : p.typed.rt);
  const roots: Term[] = params.flatMap((p) => nameRoot(p.name, declared(p)));
  const scope = new Map<string, Value>(
    params.map((p) => [p.name, witness(g, declared(p), b.records)]),
  );
  // A body no property can write (raw bytes, a form with files) keeps properties from calling the endpoint.
  let callable = true;
  const bodyKind = ['POST', 'PUT', 'PATCH', 'OPTIONS'].includes(method) ? g.nat(5) : 0;
  if (bodyKind >= 2) {
    if (bodyKind === 2) {
      callable = false;
      clauses.push({ kind: 'body', ...(g.chance(3) ? rawBody(b) : formBody(b, file)) });
    } else {
      const records = b.recordOrder.filter((n) => b.visible(file, b.records.get(n)!.file));
      const typed: Typed =
        records.length > 0 && g.bool()
          ? recordTyped(g.pick(records))
          : b.type({ file, self: Infinity, usage: 'value', depth: 0 });
      params.push({ name: 'body', required: true, optional: false, typed });
      const type = annotate(typed.model, messageExamples(b, typed.rt, 'request', 3));
      clauses.push({ kind: 'body', type, ...mediaOf(b, typed) });
      roots.push({ expr: { kind: 'body' }, rt: typed.rt });
      scope.set('$body', witness(g, typed.rt, b.records));
    }
  }
  // One or two 2xx responses; `response` is optional when one of them has no body. A
  // paginated listing answers one page.
  const statuses = page
    ? [g.pick([200, 206])]
    : g.shuffle([200, 201, 202, 204, 206, 299]).slice(0, g.chance(4) ? 2 : 1);
  const typedResponses: RT[] = [];
  // Raw bytes answered: `response` in `ensures` and a call's value are left unread.
  let raw = false;
  // The sets of headers each success answer carries (read in `ensures` as `headers.NAME`).
  const successHeaders: (string[] | undefined)[] = [];
  for (const status of statuses) {
    if (!page && status !== 204 && g.chance(10)) {
      raw = true;
      const carried = withHeaders(b, file);
      successHeaders.push(carried.headers);
      clauses.push({ kind: 'response', status, ...rawBody(b), ...carried });
      continue;
    }
    const typed = page
      ? recordTyped(page.name)
      : status === 204 || g.chance(6)
        ? undefined
        : b.type({ file, self: Infinity, usage: 'value', depth: 0 });
    if (typed) typedResponses.push(typed.rt);
    const body = typed
      ? {
          type: annotate(typed.model, messageExamples(b, typed.rt, 'response', 5)),
          ...mediaOf(b, typed),
        }
      : {};
    const carried = withHeaders(b, file);
    successHeaders.push(carried.headers);
    clauses.push({ kind: 'response', status, ...body, ...carried });
  }
  const moved = redirect(b, file);
  if (moved) clauses.push(moved);
  const response =
    typedResponses.length !== 1 || raw
      ? undefined
      : statuses.length > 1
        ? makeOpt(typedResponses[0]!)
        : typedResponses[0];
  const errorStatuses = new Set<ErrorStatus>();
  const errors = g
    .shuffle(b.errors.filter((e) => b.visible(file, e.file)))
    .filter((e) => !errorStatuses.has(e.status) && errorStatuses.add(e.status));
  const listed = errors.slice(0, g.nat(Math.min(3, errors.length))).map((e) => e.name);
  if (listed.length > 2 && g.bool()) {
    clauses.push(
      { kind: 'errors', names: listed.slice(0, 1) },
      { kind: 'errors', names: listed.slice(1) },
    );
  } else if (listed.length > 0) clauses.push({ kind: 'errors', names: listed });
  for (let i = g.chance(3) ? g.int(1, 2) : 0; i > 0; i--) {
    clauses.push({ kind: 'requires', expr: b.holds(b.env(file, roots, scope), 2) });
  }
  roots.push(...headerTerms(b, successHeaders, scope));
  if (response) {
    roots.push({ expr: { kind: 'response' }, rt: response });
    scope.set('$response', witness(g, response, b.records));
  }
  for (let i = g.chance(2) ? g.int(1, 2) : 0; i > 0; i--) {
    clauses.push({ kind: 'ensures', expr: b.holds(b.env(file, roots, scope), 2) });
  }
  if (paginated) clauses.push(paginated);
  clauses.push(...endpointMetadata(b, file));
  const pagination =
    paginated && listing
      ? {
          pagination: {
            ...('cursor' in paginated ? { cursor: paginated.cursor } : {}),
            item: listing.item,
          },
        }
      : {};
  const success = { status: statuses[0]!, ...(response ? { response } : {}) };
  if (callable) b.endpoints.push({ name, file, params, ...success, ...pagination });
  const decl: EndpointDeclModel = {
    kind: 'endpoint',
    name,
    method,
    path,
    clauses: g.chance(4) ? g.shuffle(clauses) : clauses,
  };
  b.add(file, decl);
  if (g.chance(8)) decl.doc = twoParagraphs(name);
}

/** Whether a value of `s` can be passed where `d` is expected (the checker allows more). */
function assignable(s: RT, d: RT): boolean {
  if (d.k === 'opt') return assignable(stripOpt(s), d.inner);
  if (s.k === 'opt') return false;
  switch (d.k) {
    case 'num':
      return s.k === 'num' && (!d.int || s.int);
    case 'str':
      return (
        s.k === 'str' && (s.format === d.format || s.format === 'String' || d.format === 'String')
      );
    case 'bool':
      return s.k === 'bool';
    case 'enum':
    case 'record':
      return s.k === d.k && s.name === d.name;
    case 'list':
      return s.k === 'list' && assignable(s.el, d.el);
    case 'map':
      return s.k === 'map' && assignable(s.val, d.val);
    default:
      return false;
  }
}

export function genProperty(b: Builder, file: string): void {
  const g = b.g;
  const endpoints = b.endpoints.filter((e) => b.visible(file, e.file));
  if (endpoints.length === 0) return;
  const names = new Set<string>();
  const vars: { name: string; type: TypeModel }[] = [];
  const roots: Term[] = [];
  const scope = new Map<string, Value>();
  const addVar = (typed: Typed): Expr => {
    const name = freshName(g, ['x', 'y', 'input', 'data'], names);
    vars.push({ name, type: typed.model });
    roots.push({ expr: { kind: 'name', name }, rt: typed.rt });
    scope.set(name, witness(g, typed.rt, b.records));
    return { kind: 'name', name };
  };
  for (let i = g.nat(2); i > 0; i--)
    addVar(b.type({ file, self: Infinity, usage: 'value', depth: 0 }));
  const where =
    vars.length > 0 && g.chance(3)
      ? b.holds(b.env(file, [...roots], new Map(scope)), 1)
      : undefined;
  const body: PropertyStatement[] = [];
  calls: for (let i = g.int(1, 3); i > 0; i--) {
    const endpoint = g.pick(endpoints);
    // `let all = pages list(...)` walks every page; the walk alone sets the cursor.
    const walk = endpoint.pagination !== undefined && g.bool();
    const args: { name: string; value: Expr }[] = [];
    for (const p of endpoint.params) {
      if (walk && p.name === endpoint.pagination!.cursor) continue;
      if (!p.required && !g.chance(3)) continue;
      // An argument is a value in scope of a fitting type, a literal, or a new `forall` variable.
      const env = b.env(file, roots, scope);
      const sources = terms(env).filter((t) =>
        assignable(t.rt, p.optional ? makeOpt(p.typed.rt) : p.typed.rt),
      );
      const literalFirst = g.chance(p.name === 'body' ? 2 : 3) || sources.length === 0;
      const lit = literalFirst
        ? literal(witness(g, p.typed.rt, b.records), p.typed.rt, env)
        : undefined;
      const fresh = () => (b.modelVisible(p.typed.model, file) ? addVar(p.typed) : undefined);
      const chosen = lit ?? (sources.length > 0 ? g.pick(sources).expr : fresh());
      if (chosen) args.push({ name: p.name, value: chosen });
      else if (p.required) continue calls; // nothing this file can write for it
    }
    const name = freshName(g, ['created', 'fetched', 'res', 'after', 'before'], names);
    const attempt = !walk && g.chance(3);
    const call = { kind: 'call' as const, endpoint: endpoint.name, args: g.shuffle(args) };
    body.push({ kind: 'let', name, try: attempt, ...(walk ? { pages: true } : {}), call });
    const response = endpoint.response;
    const value =
      response && available(response, b.records) ? witness(g, response, b.records) : null;
    if (walk) {
      // Every page's items, in order.
      const item = endpoint.pagination!.item;
      const rt: RT = { k: 'list', el: item, minItems: 0, maxItems: Infinity, unique: false };
      roots.push({ expr: { kind: 'name', name }, rt });
      scope.set(name, witness(g, rt, b.records));
    } else if (attempt) {
      roots.push({
        expr: { kind: 'name', name },
        rt: { k: 'outcome', value: response, status: endpoint.status },
      });
      scope.set(name, { ok: true, status: endpoint.status, value, error: null });
    } else if (response && (value !== null || response.k === 'opt')) {
      roots.push({ expr: { kind: 'name', name }, rt: response });
      scope.set(name, value);
    }
    if (g.chance(4)) body.push({ kind: 'expect', expr: b.holds(b.env(file, roots, scope), 2) });
  }
  for (let i = g.int(0, 2); i > 0; i--)
    body.push({ kind: 'expect', expr: b.holds(b.env(file, roots, scope), 2) });
  const statements: PropertyStatement[] = [];
  if (vars.length > 0) {
    const split = g.nat(vars.length - 1);
    if (split > 0) statements.push({ kind: 'forall', variables: vars.slice(0, split) });
    statements.push({ kind: 'forall', variables: vars.slice(split), ...(where ? { where } : {}) });
  }
  const name = freshName(g, pools.property, b.taken);
  b.add(file, { kind: 'property', name, statements: [...statements, ...body] });
}
