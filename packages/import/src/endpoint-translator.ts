import { operationSummary } from '@specl/language';
import type { SecurityTranslator } from './auth-translator.js';
import type { ErrorStatus, ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';
import type { ErrorCatalog } from './error-catalog.js';
import type { MediaGroup } from './media-type.js';
import { asClause, exampleEntries, examplesLeftOut, mediaGroups } from './media-type.js';
import { withAnnotations } from './annotations.js';
import type { TagTranslator } from './tag-translator.js';
import type { HeadersCatalog } from './response-headers.js';
import type { OperationParameter } from './endpoint-params.js';
import { operationParameters, parameterClause, parameterType } from './endpoint-params.js';
import type { SchemaTranslator } from './schema-translator.js';
import { camelCase, isIdentifier, NameRegistry, pascalCase } from './specl-names.js';
import { docLines, shortJson } from './specl-text.js';
import { conditionSources, latencyClause, paginationClause } from './specl-extensions.js';
import { linkPaginationClause } from './link-pagination.js';

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** An endpoint as import writes it. */
export interface EndpointText {
  readonly name: string;
  readonly lines: string[];
  /** What `--split` files it under: its first tag, else its path's first literal segment. */
  readonly group: string;
}

/** What translates the parts of an operation besides its schemas. */
export interface OperationTranslators {
  readonly errors: ErrorCatalog;
  readonly security: SecurityTranslator;
  readonly tags: TagTranslator;
  readonly headers: HeadersCatalog;
}

/** Translates the operations of `paths` to endpoints, in the document's order. */
export function translateEndpoints(
  context: ImportContext,
  types: SchemaTranslator,
  parts: OperationTranslators,
): EndpointText[] {
  const paths = context.document.paths;
  const endpoints: EndpointText[] = [];
  if (!isObject(paths)) return endpoints;
  const routes = new Set<string>();
  const endpointNames = new NameRegistry();
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemPointer = childPointer('#/paths', path);
    const { value: item } = context.deref(rawItem, itemPointer);
    if (!isObject(item)) continue;
    for (const method of methods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const pointer = childPointer(itemPointer, method);
      const { result, notes } = context.collecting(() =>
        translateOperation(context, types, parts, {
          path,
          method,
          item,
          itemPointer,
          operation,
          pointer,
          routes,
          endpointNames,
        }),
      );
      const group = groupOf(operation, path);
      if (result) endpoints.push({ name: result.name, lines: [...notes, ...result.lines], group });
      // An operation left out keeps its warnings as comments where it stood.
      else if (notes.length > 0) endpoints.push({ name: '', lines: notes, group });
    }
  }
  return endpoints;
}

interface OperationSite {
  readonly path: string;
  readonly method: (typeof methods)[number];
  readonly item: Record<string, unknown>;
  readonly itemPointer: string;
  readonly operation: Record<string, unknown>;
  readonly pointer: string;
  readonly routes: Set<string>;
  readonly endpointNames: NameRegistry;
}

function translateOperation(
  context: ImportContext,
  types: SchemaTranslator,
  parts: OperationTranslators,
  site: OperationSite,
): Omit<EndpointText, 'group'> | undefined {
  const { operation, pointer, method, path } = site;
  if (method === 'trace') {
    context.warn('left-out', pointer, `TRACE ${path} is left out: Specl has no TRACE endpoints`);
    return undefined;
  }
  const params = operationParameters(context, site.item, site.itemPointer, operation, pointer);
  const name = endpointName(context, site);
  const pathText = renderPath(context, types, site, params, name);
  if (pathText === undefined) return undefined;
  const route = `${method} ${pathText.replace(/\{[^}]*\}/g, '{}')}`;
  if (site.routes.has(route)) {
    context.warn(
      'left-out',
      pointer,
      `${method.toUpperCase()} ${path} is left out: another operation has the same route`,
    );
    return undefined;
  }
  site.routes.add(route);
  const lines: string[] = [...docLines(operationDoc(operation))];
  const clauses: string[] = [];
  const tags = parts.tags.clause(operation.tags);
  if (tags) clauses.push(tags);
  if (operation.deprecated === true) clauses.push('deprecated');
  const security = parts.security.clause(operation.security, childPointer(pointer, 'security'));
  if (security) clauses.push(security);
  const taken = new Set(
    params.filter((p) => p.in === 'path').map((p) => localPathName(context, p.name, p)),
  );
  for (const param of params) {
    if (param.in === 'path') continue;
    const clause = parameterClause(context, types, param, name, taken);
    if (clause) clauses.push(clause);
  }
  const body = requestBody(context, types, operation, pointer, name);
  if (body) clauses.push(body);
  const needsCredentials = parts.security.isProtected(security);
  clauses.push(...responses(context, types, parts, { operation, pointer, name, needsCredentials }));
  if (context.restoreSpecl) {
    for (const source of conditionSources(operation['x-specl-requires']))
      clauses.push(`requires ${source}`);
    for (const source of conditionSources(operation['x-specl-ensures']))
      clauses.push(`ensures ${source}`);
    const pagination = paginationClause(operation['x-specl-pagination']);
    if (pagination) clauses.push(pagination);
    const latency = latencyClause(operation['x-specl-latency']);
    if (latency) clauses.push(latency);
  } else {
    const pagination = linkPaginationClause(context, operation, pointer, method, clauses);
    if (pagination) clauses.push(pagination);
  }
  noteOperation(context, operation, pointer);
  lines.push(
    `endpoint ${name} ${method.toUpperCase()} ${pathText} {`,
    ...clauses.map((c) => `  ${c}`),
    '}',
  );
  return { name, lines };
}

/** An operation's group: its first tag, else its path's first literal segment, else `root`. */
function groupOf(operation: Record<string, unknown>, path: string): string {
  const tag = Array.isArray(operation.tags) ? operation.tags[0] : undefined;
  if (typeof tag === 'string' && tag.trim() !== '') return tag;
  return path.split('/').find((segment) => segment !== '' && !segment.includes('{')) ?? 'root';
}

/**
 * An operation's doc comment: its description, after its summary when the summary is not the
 * one Specl derives (the description's first paragraph, or the operationId as words).
 */
function operationDoc(operation: Record<string, unknown>): string | undefined {
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim().length > 0 ? value : undefined;
  const summary = text(operation.summary);
  const description = text(operation.description);
  const id = typeof operation.operationId === 'string' ? operation.operationId : '';
  if (summary === undefined || summary === operationSummary(id, description)) return description;
  return description === undefined ? summary : `${summary}\n\n${description}`;
}

function endpointName(context: ImportContext, site: OperationSite): string {
  const id = site.operation.operationId;
  if (typeof id === 'string' && id.length > 0) {
    const wanted = isIdentifier(id) ? id : camelCase(id);
    const name = context.names.claim(wanted);
    if (name !== id)
      context.warn(
        'renamed',
        childPointer(site.pointer, 'operationId'),
        `operationId \`${id}\` is named \`${name}\``,
      );
    return name;
  }
  const words = site.path.split('/').map((segment) => {
    const param = /^\{(.+)\}$/.exec(segment);
    return param ? `By${pascalCase(param[1]!)}` : pascalCase(segment);
  });
  const derived = site.method + words.filter((w) => w !== 'Type').join('');
  const name = context.names.claim(isIdentifier(derived) ? derived : camelCase(derived));
  context.warn('renamed', site.pointer, `no operationId: the endpoint is named \`${name}\``);
  return name;
}

/** A path parameter's Specl name: its own (`x-specl-name`) from Specl, else the wire's made valid. */
function localPathName(
  context: ImportContext,
  name: string,
  declared?: OperationParameter,
): string {
  const own = declared?.raw['x-specl-name'];
  if (context.restoreSpecl && typeof own === 'string' && isIdentifier(own)) return own;
  return isIdentifier(name) ? name : camelCase(name);
}

function renderPath(
  context: ImportContext,
  types: SchemaTranslator,
  site: OperationSite,
  params: OperationParameter[],
  hint: string,
): string | undefined {
  const { path, pointer } = site;
  if (path === '/') return '/';
  let segments = path.split('/').slice(1);
  if (segments.at(-1) === '' && segments.length > 1) {
    context.warn(
      'approximated',
      pointer,
      `the trailing \`/\` of ${path} is left out: Specl paths have none`,
    );
    segments = segments.slice(0, -1);
  }
  const out: string[] = [];
  for (const segment of segments) {
    const param = /^\{([^{}]+)\}$/.exec(segment);
    if (param) {
      const wire = param[1]!;
      const declared = params.find((p) => p.in === 'path' && p.name === wire);
      const local = localPathName(context, wire, declared);
      if (local !== wire && local !== declared?.raw['x-specl-name'])
        context.warn('renamed', pointer, `path parameter \`${wire}\` is named \`${local}\``);
      let type = 'String';
      if (!declared)
        context.warn(
          'approximated',
          pointer,
          `path parameter \`${wire}\` is not declared: imported as String`,
        );
      else {
        const found = parameterType(context, types, declared, hint);
        if (found) type = found;
        else
          context.warn(
            'approximated',
            declared.pointer,
            `path parameter \`${wire}\` is not a string, number, boolean or enum: imported as String`,
          );
      }
      out.push(`/{${local}: ${type}}`);
      continue;
    }
    if (segment === '' || !/^[A-Za-z0-9_.~:-]+$/.test(segment) || segment.includes('//')) {
      context.warn(
        'left-out',
        pointer,
        `${site.method.toUpperCase()} ${path} is left out: Specl paths cannot hold the segment \`${segment}\``,
      );
      return undefined;
    }
    out.push(`/${segment}`);
  }
  return out.join('');
}

function requestBody(
  context: ImportContext,
  types: SchemaTranslator,
  operation: Record<string, unknown>,
  pointer: string,
  name: string,
): string | undefined {
  if (operation.requestBody === undefined) return undefined;
  const { value, pointer: at } = context.deref(
    operation.requestBody,
    childPointer(pointer, 'requestBody'),
  );
  if (!isObject(value)) return undefined;
  const groups = mediaGroups(
    context,
    value.content,
    childPointer(at, 'content'),
    'the request body',
  );
  const [group, ...others] = groups;
  if (!group) return undefined;
  for (const other of others) {
    context.warn(
      'left-out',
      childPointer(at, 'content', other.mediaTypes[0]!),
      `the request body as ${other.mediaTypes.map((t) => `\`${t}\``).join(', ')} is left out: Specl bodies have one type, and the body as \`${group.mediaTypes[0]!}\` has another`,
    );
  }
  if (value.required !== true) {
    context.warn(
      'narrowed',
      at,
      'an optional request body is imported as required (Specl bodies are required)',
    );
  }
  const type = bodyType(types, group, `${pascalCase(name)}Body`);
  return `body ${withExamples(context, group, type, 'the request body')}${asClause(group)}`;
}

/** A body's type with its examples (`Pet { example: ... }`), or without when it is a union. */
function withExamples(
  context: ImportContext,
  group: MediaGroup,
  type: string,
  what: string,
): string {
  const entries = exampleEntries(context, group);
  if (entries.length === 0) return type;
  const annotated = withAnnotations(type, entries);
  if (annotated !== undefined) return annotated;
  context.warn(
    'left-out',
    group.examples!.pointer,
    `the examples of ${what} are left out: its type is a union (Specl writes examples on a single type)`,
  );
  return type;
}

/** The type of a body: Bytes for raw bytes, String for a text without a schema. */
function bodyType(types: SchemaTranslator, group: MediaGroup, hint: string): string {
  if (group.kind === 'bytes') return 'Bytes';
  if (group.kind === 'text' && isObject(group.schema) && Object.keys(group.schema).length === 0)
    return 'String';
  return types.typeExpr(group.schema, group.pointer, hint);
}

interface ResponsesSite {
  readonly operation: Record<string, unknown>;
  readonly pointer: string;
  readonly name: string;
  /** Whether Specl adds a bodyless 401 to the endpoint (it needs credentials). */
  readonly needsCredentials: boolean;
}

function responses(
  context: ImportContext,
  types: SchemaTranslator,
  { errors, headers }: OperationTranslators,
  { operation, pointer, name, needsCredentials }: ResponsesSite,
): string[] {
  const at = childPointer(pointer, 'responses');
  const all = isObject(operation.responses) ? operation.responses : {};
  const clauses: string[] = [];
  const errorNames: string[] = [];
  const entries = Object.entries(all).sort(([a], [b]) => a.localeCompare(b));
  // Responses Specl declares as such (2xx and 3xx); without any, one is made up below.
  const successes = entries.filter(([status]) => /^[23]\d\d$/.test(status)).length;
  for (const [status, raw] of entries) {
    const where = childPointer(at, status);
    const { value, pointer: resolved } = context.deref(raw, where);
    const response = isObject(value) ? value : {};
    const code = Number(status);
    // An error's status: exact, or OpenAPI's `4XX`/`5XX` ranges, or `default` (when there is a
    // 2xx; without one, `default` stands for the success below).
    const range = /^[45]XX$/i.test(status) ? (status.toUpperCase() as '4XX' | '5XX') : undefined;
    const errorStatus: ErrorStatus | undefined =
      range ?? (status === 'default' ? 'default' : code >= 400 && code <= 599 ? code : undefined);
    if (errorStatus === undefined && !(/^\d{3}$/.test(status) && code >= 200 && code < 400)) {
      if (status === 'default' && successes === 0) continue;
      context.warn(
        'left-out',
        where,
        `response \`${status}\` is left out: Specl declares exact 2xx and 3xx responses, and errors by 4xx/5xx status, \`4XX\`, \`5XX\` or \`default\``,
      );
      continue;
    }
    noteResponse(context, response, resolved);
    const content = childPointer(resolved, 'content');
    // Specl gives every endpoint that needs credentials a bodyless 401 of its own, unless it
    // declares a 401 error (a bodyless one names itself in `x-specl-error`).
    const declared = context.restoreSpecl && typeof response['x-specl-error'] === 'string';
    if (code === 401 && needsCredentials && !hasContent(response) && !declared) continue;
    const groups = mediaGroups(context, response.content, content, `the ${status} response`);
    // `GetItem404Response`, `GetItem4XXResponse`, `GetItemDefaultResponse`.
    const suffix = status === 'default' ? 'Default' : status;
    const hint = `${pascalCase(name)}${successes > 1 || errorStatus !== undefined ? suffix : ''}Response`;
    const carried = headers.withClause(
      response.headers,
      childPointer(resolved, 'headers'),
      `${pascalCase(name)}${suffix}`,
    );
    if (errorStatus === undefined) {
      if (groups.length === 0) clauses.push(`response ${status}${carried}`);
      for (const group of groups)
        clauses.push(
          `response ${status} ${withExamples(context, group, bodyType(types, group, hint), `the ${status} response`)}${asClause(group)}${carried}`,
        );
    } else {
      const json = groups.find((g) => g.kind === 'json');
      for (const group of groups) {
        examplesLeftOut(context, group, `the ${status} error`);
        if (group === json) continue;
        const list = group.mediaTypes.map((t) => `\`${t}\``).join(', ');
        if (json)
          context.warn(
            'left-out',
            childPointer(content, group.mediaTypes[0]!),
            `the ${status} error as ${list} is left out: Specl errors are JSON records`,
          );
        else
          context.warn(
            'approximated',
            childPointer(content, group.mediaTypes[0]!),
            `the ${status} error as ${list} is imported as an error whose body is an empty JSON object: Specl errors are JSON records`,
          );
      }
      errorNames.push(
        errors.errorFor(errorStatus, json, {
          pointer: json?.pointer ?? resolved,
          hint,
          bodyless: groups.length === 0,
          headers: carried,
          description: typeof response.description === 'string' ? response.description : undefined,
          name:
            context.restoreSpecl && typeof response['x-specl-error'] === 'string'
              ? response['x-specl-error']
              : undefined,
        }),
      );
    }
  }
  if (successes === 0) {
    const fallback = all.default;
    const { value } = context.deref(fallback, childPointer(at, 'default'));
    const [group] = isObject(value)
      ? mediaGroups(
          context,
          value.content,
          childPointer(at, 'default', 'content'),
          'the default response',
        )
      : [];
    const type = group
      ? ` ${withExamples(context, group, bodyType(types, group, `${pascalCase(name)}Response`), 'the default response')}${asClause(group)}`
      : '';
    context.warn(
      'approximated',
      at,
      `no 2xx response: ${fallback === undefined ? '`response 200`' : 'the default response'} is imported as \`response 200${type}\``,
    );
    clauses.push(`response 200${type}`);
  }
  if (errorNames.length > 0) clauses.push(`errors ${errorNames.join(', ')}`);
  return clauses;
}

function hasContent(response: Record<string, unknown>): boolean {
  return isObject(response.content) && Object.keys(response.content).length > 0;
}

function noteResponse(
  context: ImportContext,
  response: Record<string, unknown>,
  pointer: string,
): void {
  if (isObject(response.links))
    context.warn('left-out', childPointer(pointer, 'links'), 'links are left out');
}

function noteOperation(
  context: ImportContext,
  operation: Record<string, unknown>,
  pointer: string,
): void {
  if (isObject(operation.callbacks))
    context.warn('left-out', childPointer(pointer, 'callbacks'), 'callbacks are left out');
  if (operation.servers !== undefined)
    context.warn(
      'left-out',
      childPointer(pointer, 'servers'),
      `servers ${shortJson(operation.servers)} are left out`,
    );
  if (isObject(operation.externalDocs))
    context.note(`docs: ${String(operation.externalDocs.url ?? '')}`);
}
