import { JSON_MEDIA_TYPE, mediaKindOf } from '../../ir/media-types.js';
import type { ConditionIR, EndpointIR, ParamIR, ResponseIR, TypeIR } from '../../ir/spec-ir.js';
import type { TranslationContext } from '../typescript/translate-expression.js';
import { translateExpression } from '../typescript/translate-expression.js';
import { constraintsLiteral, speclTypeText, typeText } from '../typescript/type-text.js';
import { checkCall } from '../typescript/check-code.js';
import { propertyAccess, propertyKey, tsString } from '../typescript/ts-syntax.js';
import { ArbitraryWriter } from './arbitrary-of-type.js';
import type { Direction } from '../../ir/directional-types.js';
import type { PropertiesContext } from './properties-context.js';
import { mentions } from './type-mentions.js';
import { successHeaders } from './success-headers.js';

/** `file:line:col` of a location. */
export function at(location: { file: string; line: number; column: number }): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** A TypeScript type for a Specl type, importing the named types it mentions. */
export function typeCode(type: TypeIR, context: PropertiesContext): string {
  for (const name of mentions(type)) context.fromTypes.type(context.names.type(name));
  return typeText(type, context.names);
}

/** An endpoint's 2xx responses: a 3xx is declared and checked, but no success. */
function successResponses(endpoint: EndpointIR): ResponseIR[] {
  return endpoint.responses.filter((r) => r.status >= 200 && r.status < 300);
}

/** The type of an endpoint's success body (`undefined` for responses without one, or no 2xx). */
export function successType(endpoint: EndpointIR, context: PropertiesContext): string {
  const texts = successResponses(endpoint).map((r) =>
    r.type ? typeCode(r.type, context) : 'undefined',
  );
  return texts.length === 0 ? 'undefined' : [...new Set(texts)].join(' | ');
}

/** The Specl type of an endpoint's success body, when every 2xx response has the same one. */
export function successTypeIR(endpoint: EndpointIR): TypeIR | undefined {
  const [first, ...rest] = successResponses(endpoint).map((response) => response.type);
  const key = JSON.stringify(first);
  return first && rest.every((type) => JSON.stringify(type) === key) ? first : undefined;
}

/** The type of an endpoint's error bodies (`never` for an endpoint without errors). */
export function errorType(endpoint: EndpointIR, context: PropertiesContext): string {
  if (endpoint.errors.length === 0) return 'never';
  return endpoint.errors
    .map((name) => context.fromTypes.type(context.names.type(name)))
    .join(' | ');
}

/** The contract's exported name: `endpointCreateEmployee`. */
export function contractName(endpoint: EndpointIR): string {
  return `endpoint${endpoint.name.charAt(0).toUpperCase()}${endpoint.name.slice(1)}`;
}

/** What a clause's translation read: the request, the response, the answer's headers. */
interface Reads {
  request: boolean;
  response: boolean;
  headers: boolean;
}

/** Names in `requires` and `ensures`: parameters and `body` read from the request. */
function clauseTranslation(
  endpoint: EndpointIR,
  context: PropertiesContext,
  reads: Reads,
): TranslationContext {
  const params = [...endpoint.pathParams, ...endpoint.query, ...endpoint.headers];
  return {
    resolve(reference) {
      if (reference.kind === 'response') {
        reads.response = true;
        return { code: 'response', type: successTypeIR(endpoint) };
      }
      if (reference.kind === 'responseHeader') {
        reads.headers = true;
        const read = successHeaders(endpoint, context.ir).get(reference.name);
        if (read === undefined)
          throw new Error(
            `an ensures of ${endpoint.name} reads headers.${reference.name}, not a 2xx header`,
          );
        const code = `headers${propertyAccess(reference.name)}`;
        return { code, type: read.header.type, optional: read.optional };
      }
      reads.request = true;
      if (reference.kind === 'body') return { code: 'request.body', type: endpoint.body };
      const param = params.find((p) => p.name === reference.name);
      if (param === undefined)
        throw new Error(`a clause of ${endpoint.name} reads ${reference.name}, not a parameter`);
      return {
        code: `request${propertyAccess(param.name)}`,
        type: param.type,
        optional: param.optional,
      };
    },
    helper: (name) => context.imports.helper(name),
    types: context.types,
    reserved: ['request', 'response', 'headers'],
  };
}

/** The TypeScript type of the headers an `ensures` reads: `{ readonly remaining: number }`. */
function headersType(endpoint: EndpointIR, context: PropertiesContext): string {
  const entries = [...successHeaders(endpoint, context.ir)].map(
    ([name, read]) =>
      `readonly ${propertyKey(name, true)}${read.optional ? '?' : ''}: ${typeCode(read.header.type, context)}`,
  );
  return entries.length === 0 ? '{}' : `{ ${entries.join('; ')} }`;
}

/** `start[`, the entries, `]end` (indented as `start`), or `start[]end` for no entries. */
function bracketed(start: string, entries: readonly string[], end: string): string[] {
  if (entries.length === 0) return [`${start}[]${end}`];
  const indent = start.length - start.trimStart().length;
  const inner = entries.map((line) => ' '.repeat(indent - 2) + line);
  return [`${start}[`, ...inner, `${' '.repeat(indent)}]${end}`];
}

/** The entries of a `requires` or `ensures` table; unread parameters get a `_`. */
function clauseEntries(
  clauses: readonly ConditionIR[],
  endpoint: EndpointIR,
  context: PropertiesContext,
  withResponse: boolean,
): string[] {
  return clauses.flatMap((clause) => {
    const reads: Reads = { request: false, response: false, headers: false };
    const code = translateExpression(clause.expr, clauseTranslation(endpoint, context, reads));
    const parameters = [reads.request ? 'request' : '_request'];
    if (withResponse) parameters.push(reads.response ? 'response' : '_response');
    // The headers, read as their types, typed by the 2xx answers' declarations.
    if (reads.headers) parameters.push(`headers: ${headersType(endpoint, context)}`);
    return [
      '    {',
      `      source: ${tsString(clause.source)},`,
      `      at: ${tsString(at(clause.location))},`,
      ...(reads.headers ? ['      readsHeaders: true,'] : []),
      `      holds: (${parameters.join(', ')}) => ${code},`,
      '    },',
    ];
  });
}

/** The parameter shapes of one place (path, query, headers), with each one's validator. */
function shapes(params: readonly ParamIR[], context: PropertiesContext): string {
  const entries = params.map(
    (p) =>
      `{ name: ${tsString(p.name)}, wireName: ${tsString(p.wireName)}, optional: ${p.optional}, validate: ${validatorOf(p.type, context)} }`,
  );
  return `[${entries.join(', ')}]`;
}

/** The arbitrary of an endpoint's requests: its parameters and body, `requires` holding. */
function requestsArbitrary(endpoint: EndpointIR, context: PropertiesContext, request: string) {
  const writer = new ArbitraryWriter(context, undefined, 'request');
  const params = [...endpoint.pathParams, ...endpoint.query, ...endpoint.headers];
  const fields = params.map((p) => {
    const header = endpoint.headers.includes(p);
    return `${propertyKey(p.name, true)}: ${header ? writer.headerValue(p.type, !p.optional) : writer.of(p.type)}`;
  });
  if (endpoint.body) {
    // Values inside the body are tied to each other at times (equal, prefix, case variant).
    const related = context.imports.helper('relatedValues');
    const valid = `(value) => (${validatorOf(endpoint.body, context, 'request')})(value).ok`;
    fields.push(`body: ${related}(${writer.of(endpoint.body)}, ${valid})`);
  }
  const required = params.filter((p) => !p.optional).map((p) => tsString(p.name));
  if (endpoint.body) required.push(tsString('body'));
  const record = `fc.record<${request}>({ ${fields.join(', ')} }, { requiredKeys: [${required.join(', ')}], noNullPrototype: true })`;
  if (endpoint.requires.length === 0) return record;
  const what = `a request of ${endpoint.name} satisfying its requires (${at(endpoint.location)})`;
  const filter = context.imports.helper('boundedFilter');
  return `${record}.filter(${filter}(${tsString(what)}, (request) => requires.every((clause) => clause.holds(request))))`;
}

/** The `endpoint<Name>` constant of one endpoint: its contract, as the verifier checks it. */
function endpointContract(endpoint: EndpointIR, context: PropertiesContext): string[] {
  const request = context.fromTypes.type(context.names.request(endpoint.name));
  const success = successType(endpoint, context);
  const type = `${context.imports.type('EndpointContract')}<${request}, ${success}>`;
  const responses = [
    ...successShapes(endpoint, context),
    ...endpoint.errors.flatMap((name) => {
      const decl = context.types.get(name);
      if (decl?.kind !== 'error') return [];
      // A range (`4XX`) or `default` is a string, which the runtime matches after exact ones.
      const status = typeof decl.status === 'number' ? decl.status : tsString(decl.status);
      const headers = headerShapes(decl.headers, context);
      if (decl.bodyless)
        return [`{ status: ${status}, error: ${tsString(name)}, empty: true${headers} }`];
      const validate = context.fromTypes.value(
        context.names.directionalValidator(name, 'response'),
      );
      if (decl.mediaTypes)
        return [
          `{ status: ${status}, error: ${tsString(name)}, bodies: ${bodiesCode(decl.mediaTypes, validate)}${headers} }`,
        ];
      return [`{ status: ${status}, error: ${tsString(name)}, validate: ${validate}${headers} }`];
    }),
    ...(needsCredentials(endpoint, context) && !declaresStatus(endpoint, context, 401)
      ? [`{ status: 401, error: 'Unauthorized', empty: true }`]
      : []),
  ];
  const security = securityShapes(endpoint, context);
  return [
    '',
    `/** The contract of \`${endpoint.method} ${endpoint.path}\` (${at(endpoint.location)}). */`,
    `export const ${contractName(endpoint)}: ${type} = (() => {`,
    ...bracketed(
      `  const requires: ${type}['requires'] = `,
      clauseEntries(endpoint.requires, endpoint, context, false),
      ';',
    ),
    '  return {',
    `    name: ${tsString(endpoint.name)},`,
    `    method: ${tsString(endpoint.method)},`,
    `    path: ${tsString(endpoint.path)},`,
    `    at: ${tsString(at(endpoint.location))},`,
    `    pathParams: ${shapes(endpoint.pathParams, context)},`,
    `    query: ${shapes(endpoint.query, context)},`,
    `    headers: ${shapes(endpoint.headers, context)},`,
    `    hasBody: ${endpoint.body !== undefined},`,
    ...(endpoint.body && endpoint.bodyMediaTypes
      ? [`    bodyMedia: ${bodiesCode(endpoint.bodyMediaTypes, undefined)},`]
      : []),
    ...(security ? [`    security: ${security},`] : []),
    ...(endpoint.body
      ? [`    validateBody: ${validatorOf(endpoint.body, context, 'request')},`]
      : []),
    `    responses: [${responses.join(', ')}],`,
    '    requires,',
    ...bracketed('    ensures: ', clauseEntries(endpoint.ensures, endpoint, context, true), ','),
    `    requests: ${requestsArbitrary(endpoint, context, request)},`,
    '  };',
    '})();',
  ];
}

/** Body shapes of media types: `[{ mediaType, kind, validate }]`. */
function bodiesCode(mediaTypes: readonly string[], validate: string | undefined): string {
  const entries = mediaTypes.map(
    (m) =>
      `{ mediaType: ${tsString(m)}, kind: ${tsString(mediaKindOf(m))}${validate ? `, validate: ${validate}` : ''} }`,
  );
  return `[${entries.join(', ')}]`;
}

/**
 * The success shapes: one per status. A status written with several media types (in one
 * clause or several) gets `bodies`; a JSON-only status keeps the v0 shape.
 */
function successShapes(endpoint: EndpointIR, context: PropertiesContext): string[] {
  const statuses = [...new Set(endpoint.responses.map((r) => r.status))];
  return statuses.map((status) => {
    const clauses = endpoint.responses.filter((r) => r.status === status);
    const [first] = clauses;
    // The headers of every clause of the status: each declaration once.
    const headers = headerShapes([...new Set(clauses.flatMap((r) => r.headers ?? []))], context);
    if (clauses.length === 1 && !first!.mediaTypes) {
      const validate = first!.type ? validatorOf(first!.type, context, 'response') : undefined;
      return `{ status: ${status}${validate ? `, validate: ${validate}` : ''}${headers} }`;
    }
    const bodies = clauses.flatMap((r) => {
      if (!r.type) return [];
      const validate = validatorOf(r.type, context, 'response');
      const code = bodiesCode(r.mediaTypes ?? [JSON_MEDIA_TYPE], validate);
      return [code.slice(1, -1)];
    });
    return `{ status: ${status}, bodies: [${bodies.join(', ')}]${headers} }`;
  });
}

/**
 * `, headers: [...]`: the shapes of the headers of the declarations named (`with A, B`), each
 * with its validator and the declaration's words for violations; nothing when none.
 */
function headerShapes(names: readonly string[] | undefined, context: PropertiesContext): string {
  if (!names || names.length === 0) return '';
  const entries = names.flatMap((name) => {
    const decl = context.ir.headers?.find((d) => d.name === name);
    return (decl?.headers ?? []).map((h) => {
      const source = `headers ${name} { ${h.name} ${JSON.stringify(h.wireName)}${h.optional ? '?' : ''}: ${speclTypeText(h.type)} }`;
      const clause = `{ source: ${tsString(source)}, at: ${tsString(at(h.location))} }`;
      return `{ name: ${tsString(h.name)}, wireName: ${tsString(h.wireName)}, optional: ${h.optional}, validate: ${validatorOf(h.type, context)}, clause: ${clause} }`;
    });
  });
  return entries.length > 0 ? `, headers: [${entries.join(', ')}]` : '';
}

/** Whether an endpoint needs credentials: its own security, else the spec's, names a scheme. */
function needsCredentials(endpoint: EndpointIR, context: PropertiesContext): boolean {
  return (endpoint.security ?? context.ir.security ?? []).length > 0;
}

function declaresStatus(endpoint: EndpointIR, context: PropertiesContext, status: number) {
  return endpoint.errors.some((name) => {
    const decl = context.types.get(name);
    return decl?.kind === 'error' && decl.status === status;
  });
}

/** The schemes a protected endpoint accepts, as `AuthShape`s; undefined for a public one. */
function securityShapes(endpoint: EndpointIR, context: PropertiesContext): string | undefined {
  const requirements = endpoint.security ?? context.ir.security ?? [];
  if (requirements.length === 0) return undefined;
  const shapes = requirements.flatMap((requirement) => {
    const auth = context.ir.auth?.find((a) => a.name === requirement.scheme);
    if (!auth) return [];
    const where =
      auth.kind === 'apiKey'
        ? `, in: ${tsString(auth.in!)}, parameter: ${tsString(auth.parameter!)}`
        : '';
    return [`{ scheme: ${tsString(auth.name)}, kind: ${tsString(auth.kind)}${where} }`];
  });
  return `[${shapes.join(', ')}]`;
}

/**
 * A validator of a type: a named type's own, or a check written for others; with a direction,
 * the one of each named type as it travels that way (see directional-types.ts).
 */
export function validatorOf(
  type: TypeIR,
  context: PropertiesContext,
  direction?: Direction,
): string {
  const validator = (n: string) =>
    direction ? context.names.directionalValidator(n, direction) : context.names.validator(n);
  const names = {
    ...context.names,
    validator: (n: string) => context.fromTypes.value(validator(n)),
  };
  const checks = { names, imports: context.imports };
  // Annotations (an example, readOnly) constrain nothing: the named type's validator.
  if (type.kind === 'ref' && constraintsLiteral(type.constraints) === undefined)
    return names.validator(type.name);
  return `(value: unknown, path = '$') => ${checkCall(type, 'value', 'path', checks)}`;
}

/**
 * The endpoint contracts of `properties.ts`: one `endpoint<Name>` constant per endpoint (how to
 * send a request, which statuses it may answer and the body's validator for each, `requires`
 * and `ensures` translated to TypeScript, and an arbitrary of valid requests), and an
 * `endpoints` table by name, which a session checks every answer against.
 */
export function endpointsSection(context: PropertiesContext): string[] {
  const { ir } = context;
  const table = context.imports.type('EndpointContract');
  return [
    '// Endpoints ' + '-'.repeat(88),
    ...ir.endpoints.flatMap((endpoint) => endpointContract(endpoint, context)),
    '',
    '/** Every endpoint contract, by endpoint name. */',
    `export const endpoints: Readonly<Record<string, ${table}>> = {`,
    ...ir.endpoints.map((e) => `  ${propertyKey(e.name, true)}: ${contractName(e)},`),
    '};',
  ];
}
