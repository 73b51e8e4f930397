import type { Built } from '../../ir/built.js';
import type { EndpointIR, ParamIR, SpecIR, StatusPatternIR } from '../../ir/spec-ir.js';
import { httpStatusText } from './http-status-text.js';
import type {
  OperationMethod,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ResponseObject,
} from './openapi-document.js';
import { OPERATION_METHODS } from './openapi-document.js';
import { contentObject } from './content-object.js';
import { operationSummary } from '../../ir/operation-summary.js';
import { schemaOfType } from './schema-of-type.js';
import { isProtected, securityRequirements } from './security-objects.js';
import { speclCondition } from './specl-condition.js';
import { latencyExtension } from './latency-extension.js';
import { paginationExtension } from './pagination-extension.js';
import { responseHeaders } from './header-objects.js';
import type { TypesByName } from './union-keyword.js';
import { statusKeyed } from './status-keyed.js';

const TEMPLATE_PARAMETER = /\{([^}]*)\}/g;

/** The parameter names of a path template, in order. */
const templateNames = (path: string) => [...path.matchAll(TEMPLATE_PARAMETER)].map((m) => m[1]!);

/** A path with its parameter names erased: `/a/{id}` and `/a/{key}` are one path to HTTP. */
const erased = (path: string) => path.replace(TEMPLATE_PARAMETER, '{}');

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * The names a path's parameters take in the path item of `template` (by position), each a
 * parameter name of `path`: none to rename when the path is the template (most are).
 */
function parameterNames(path: string, template: string): ReadonlyMap<string, string> {
  if (path === template) return NO_NAMES;
  const canonical = templateNames(template);
  return new Map(templateNames(path).map((name, i) => [name, canonical[i]!]));
}

function parameter(
  param: ParamIR,
  location: ParameterObject['in'],
  name: string,
  types: TypesByName,
): ParameterObject {
  // Key by key, in the order the object has always had (see `Built`).
  const object: Built<ParameterObject> = { name, in: location };
  const type = param.type;
  if (type.kind !== 'union' && type.kind !== 'nullable' && type.constraints.deprecated === true) {
    object.deprecated = true;
  }
  if (param.description !== undefined) object.description = param.description;
  object.required = location === 'path' || !param.optional;
  object.schema = schemaOfType(type, types);
  // The spec's own name, where the wire's differs: a header's, a path parameter's that shares
  // the path item of another template (an import reads it back).
  if (location !== 'query' && name !== param.name) object['x-specl-name'] = param.name;
  return object as ParameterObject;
}

/**
 * The responses of an endpoint, by status: each success response (a `204` or another response
 * without a type has no `content`) described by its reason phrase, and each declared error with
 * its schema, described by its doc comment or else its name.
 */
function responses(
  endpoint: EndpointIR,
  types: TypesByName,
  needsCredentials: boolean,
  ir: SpecIR,
) {
  const byStatus = new Map<number, ResponseObject>();
  for (const response of endpoint.responses) {
    // Several clauses of one status offer several media types: their contents and headers merge.
    const known = byStatus.get(response.status);
    const content = response.type && contentObject(response.type, response.mediaTypes, types);
    const headers = responseHeaders(response.headers, ir.headers);
    // Key by key (see `Built`).
    const answer: Built<ResponseObject> = { description: httpStatusText(response.status) };
    if (known?.headers || headers) answer.headers = { ...known?.headers, ...headers };
    if (known?.content || content) answer.content = { ...known?.content, ...content };
    byStatus.set(response.status, answer as ResponseObject);
  }
  const entries: [number | StatusPatternIR, ResponseObject][] = [...byStatus];
  for (const name of endpoint.errors) {
    const error = types.get(name);
    if (error?.kind !== 'error')
      throw new Error(`endpoint ${endpoint.name} declares ${name}, which is not an error`);
    const headers = responseHeaders(error.headers, ir.headers);
    const answer: Built<ResponseObject> = { description: error.description ?? error.name };
    if (headers) answer.headers = headers;
    if (error.bodyless) answer['x-specl-error'] = error.name;
    else {
      answer.content = contentObject(
        { kind: 'ref', name: error.name, constraints: {} },
        error.mediaTypes,
        types,
      );
    }
    entries.push([error.status, answer as ResponseObject]);
  }
  if (needsCredentials && !entries.some(([status]) => status === 401))
    entries.push([401, { description: 'Unauthorized: credentials missing or not valid' }]);
  entries.sort(([a], [b]) => statusOrder(a) - statusOrder(b));
  return statusKeyed(entries.map(([status, response]) => [String(status), response] as const));
}

/** Where a `responses` key sorts: by number, a range after its exact statuses, `default` last. */
function statusOrder(status: number | StatusPatternIR): number {
  if (typeof status === 'number') return status;
  return status === 'default' ? 1000 : Number(status[0]) * 100 + 99.5;
}

/**
 * The operation of an endpoint: its name as `operationId`, its parameters (path, then query,
 * then header by wire name; a path parameter is always required and takes the name of
 * `pathNames`), a required JSON `requestBody` for its body, its responses, and its `requires`
 * and `ensures` conditions as `x-specl-requires` and `x-specl-ensures`.
 */
function operation(
  endpoint: EndpointIR,
  pathNames: ReadonlyMap<string, string>,
  types: TypesByName,
  ir: SpecIR,
): OperationObject {
  const tagName = (name: string) => ir.tags?.find((tag) => tag.name === name)?.displayName ?? name;
  const parameters = [
    ...endpoint.pathParams.map((p) => parameter(p, 'path', pathNames.get(p.name) ?? p.name, types)),
    ...endpoint.query.map((p) => parameter(p, 'query', p.name, types)),
    ...endpoint.headers.map((p) => parameter(p, 'header', p.wireName, types)),
  ];
  // Key by key, in the order the operation has always had (see `Built`).
  const op: Built<OperationObject> = {
    operationId: endpoint.name,
    summary: operationSummary(endpoint.name, endpoint.description),
  };
  if (endpoint.description !== undefined) op.description = endpoint.description;
  if (endpoint.tags) op.tags = endpoint.tags.map(tagName);
  if (endpoint.deprecated) op.deprecated = true;
  if (endpoint.security) op.security = securityRequirements(endpoint.security);
  if (parameters.length > 0) op.parameters = parameters;
  if (endpoint.body) {
    op.requestBody = {
      required: true,
      content: contentObject(endpoint.body, endpoint.bodyMediaTypes, types),
    };
  }
  op.responses = responses(endpoint, types, isProtected(endpoint.security, ir.security), ir);
  if (endpoint.requires.length > 0) {
    op['x-specl-requires'] = endpoint.requires.map(speclCondition);
  }
  if (endpoint.ensures.length > 0) op['x-specl-ensures'] = endpoint.ensures.map(speclCondition);
  if (endpoint.latency) op['x-specl-latency'] = latencyExtension(endpoint.latency);
  if (endpoint.pagination) op['x-specl-pagination'] = paginationExtension(endpoint.pagination);
  return op as OperationObject;
}

/**
 * `paths`: one operation per endpoint, under its path template, sorted by path (code units),
 * the methods of one path in the order get, put, post, delete, options, head, patch.
 *
 * OpenAPI forbids two templates that differ only in their parameter names, which Specl allows
 * on different methods (`GET /a/{id}`, `DELETE /a/{key}`); such endpoints share the path item
 * of the template that sorts first, and their path parameters take its names by position.
 */
export function pathItems(ir: SpecIR, types: TypesByName): Record<string, PathItemObject> {
  const templates = new Map<string, string>();
  // Each endpoint's path erased once (a regular expression's replace an endpoint, not two).
  const keys = ir.endpoints.map((endpoint) => erased(endpoint.path));
  ir.endpoints.forEach((endpoint, i) => {
    const known = templates.get(keys[i]!);
    if (known === undefined || byCodeUnits(endpoint.path, known) < 0)
      templates.set(keys[i]!, endpoint.path);
  });
  const items = new Map<string, Map<OperationMethod, OperationObject>>();
  ir.endpoints.forEach((endpoint, i) => {
    const template = templates.get(keys[i]!)!;
    const pathNames = parameterNames(endpoint.path, template);
    const item = items.get(template) ?? new Map<OperationMethod, OperationObject>();
    items.set(template, item);
    item.set(
      endpoint.method.toLowerCase() as OperationMethod,
      operation(endpoint, pathNames, types, ir),
    );
  });
  return Object.fromEntries(
    [...items.keys()].sort(byCodeUnits).map((template) => {
      const item = items.get(template)!;
      const methods = OPERATION_METHODS.filter((method) => item.has(method));
      return [template, Object.fromEntries(methods.map((m) => [m, item.get(m)!]))];
    }),
  );
}
