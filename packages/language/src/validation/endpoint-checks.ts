import type { LangiumCoreServices, LangiumDocument, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type {
  Endpoint,
  ErrorDecl,
  ErrorsClause,
  ResponseClause,
  SpecFile,
} from '../generated/ast.js';
import {
  isBodyClause,
  isEndpoint,
  isErrorDecl,
  isErrorsClause,
  isHeaderParam,
  isPathParam,
  isPathText,
  isQueryParam,
  isResponseClause,
} from '../generated/ast.js';
import { endpointParameters } from '../scoping/local-names.js';
import { resolveTypeExpr } from '../typing/resolve-type.js';
import type { SpeclType } from '../typing/specl-type.js';
import { stripOptional } from '../typing/specl-type.js';
import { closestName, didYouMean } from '../util/did-you-mean.js';
import { changeTo, insertAfter, rangeOf } from './fixes.js';
import { importPathBetween, importedDocuments } from '../workspace/imports.js';
import { describeDeclaration } from './declaration-checks.js';
import { report } from './report.js';

/** An HTTP status as written (three digits), or NaN for anything else (`2e2`, `20.0`). */
function statusNumber(text: string | undefined): number {
  return text !== undefined && /^\d{3}$/.test(text) ? Number(text) : NaN;
}

/** The HTTP methods an endpoint may use. */
export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** An endpoint's path, each parameter written by `param`: `/employees/{id}`. */
function renderPath(endpoint: Endpoint, param: (name: string) => string): string {
  return (endpoint.path?.segments ?? [])
    .map(
      (segment) =>
        '/' +
        segment.parts.map((part) => (isPathParam(part) ? param(part.name) : part.text)).join(''),
    )
    .join('');
}

/** The route of an endpoint with parameter names erased: `GET /employees/{}`. */
export function routeKey(endpoint: Endpoint): string {
  return `${endpoint.method?.toUpperCase() ?? ''} ${renderPath(endpoint, () => '{}')}`;
}

/** The path as written, without spaces: `/employees/{id}`. */
export function pathTemplate(endpoint: Endpoint): string {
  return renderPath(endpoint, (name) => `{${name}}`);
}

/** Checks of endpoints: method, path, parameters, responses, errors and clauses. */
export class EndpointChecks {
  constructor(private readonly services: LangiumCoreServices) {}

  checkEndpoint(endpoint: Endpoint, accept: ValidationAcceptor): void {
    this.checkMethod(endpoint, accept);
    this.checkPath(endpoint, accept);
    this.checkParameters(endpoint, accept);
    this.checkResponses(endpoint, accept);
    this.checkErrors(endpoint, accept);
  }

  private checkMethod(endpoint: Endpoint, accept: ValidationAcceptor): void {
    const method = endpoint.method;
    if (!method || (httpMethods as readonly string[]).includes(method)) return;
    const upper = method.toUpperCase();
    const fix = (httpMethods as readonly string[]).includes(upper)
      ? `; methods are upper case: write \`${upper}\``
      : didYouMean(upper, httpMethods, `; use one of ${httpMethods.join(', ')}`);
    const replacement = (httpMethods as readonly string[]).includes(upper)
      ? upper
      : closestName(upper, httpMethods);
    report(
      accept,
      'specl/unknown-method',
      `unknown HTTP method \`${method}\`${fix}`,
      { node: endpoint, property: 'method' },
      changeTo(replacement, rangeOf(endpoint, 'method')),
    );
  }

  private checkPath(endpoint: Endpoint, accept: ValidationAcceptor): void {
    const path = endpoint.path;
    if (!path?.$cstNode) return;
    const text = path.$cstNode.text;
    // Spaces are allowed only inside a parameter's braces: `{id: Uuid}`.
    const outside = text.replace(/\{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, (param) =>
      param.replace(/[^\n]/g, 'x'),
    );
    if (/\s/.test(outside)) {
      report(
        accept,
        'specl/invalid-path',
        `a path cannot contain spaces; write \`${pathTemplate(endpoint)}\``,
        {
          node: endpoint,
          property: 'path',
        },
      );
    }
    // `/a//b`: the lexer reads `//b ...` as a comment, so the path silently ends at `/a`.
    const after = path.$cstNode.root.fullText.slice(path.$cstNode.end, path.$cstNode.end + 2);
    if (after === '//') {
      report(
        accept,
        'specl/invalid-path',
        '`//` starts a comment, even in a path, so the path ends before it; remove the empty segment',
        { node: endpoint, property: 'path' },
      );
    }
    const segments = path.segments;

    segments.forEach((segment, index) => {
      if (segment.parts.length === 0 && segments.length > 1) {
        const where = index === segments.length - 1 ? 'a trailing `/`' : 'an empty segment (`//`)';
        report(accept, 'specl/invalid-path', `the path has ${where}; remove it`, { node: segment });
      }
      for (let i = 1; i < segment.parts.length; i++) {
        if (isPathParam(segment.parts[i]) && isPathParam(segment.parts[i - 1])) {
          report(
            accept,
            'specl/invalid-path',
            'two path parameters must be separated by literal text',
            {
              node: segment.parts[i]!,
            },
          );
        }
      }
      for (const part of segment.parts) {
        if (isPathParam(part) && !part.type) {
          report(
            accept,
            'specl/untyped-path-parameter',
            `path parameter \`${part.name}\` needs a type: write \`{${part.name}: String}\` (or Uuid, Int, ...)`,
            { node: part, property: 'name' },
            insertAfter(`Give \`${part.name}\` the type String`, rangeOf(part, 'name'), ': String'),
          );
        }
        if (isPathText(part) && !/^[A-Za-z0-9\-._~:]+$/.test(part.text.replace(/\s/g, ''))) {
          report(accept, 'specl/invalid-path', `\`${part.text}\` is not valid in a path`, {
            node: part,
          });
        }
      }
    });
  }

  private checkParameters(endpoint: Endpoint, accept: ValidationAcceptor): void {
    const seen = new Map<string, string>();
    for (const param of endpointParameters(endpoint)) {
      if (isBodyClause(param)) {
        if (seen.has('body')) {
          report(
            accept,
            'specl/duplicate-clause',
            'an endpoint has at most one `body`; remove this one',
            { node: param },
          );
        }
        seen.set('body', 'the body');
        if (['GET', 'HEAD', 'DELETE'].includes(endpoint.method)) {
          report(
            accept,
            'specl/body-on-get',
            `a ${endpoint.method} request with a body is dropped by many clients and proxies; use query parameters or POST`,
            { node: param },
          );
        }
        continue;
      }
      const kind = isPathParam(param) ? 'path' : isQueryParam(param) ? 'query' : 'header';
      if (seen.has(param.name)) {
        report(
          accept,
          'specl/duplicate-parameter',
          `\`${param.name}\` is already ${seen.get(param.name)} of this endpoint; rename one of them`,
          { node: param, property: 'name' },
        );
      } else {
        seen.set(param.name, `a ${kind} parameter`);
      }
      const type = resolveTypeExpr(param.type);
      if (isPathParam(param) && type.kind === 'optional') {
        report(
          accept,
          'specl/invalid-parameter-type',
          `path parameter \`${param.name}\` is always present; remove the \`?\``,
          { node: param, property: 'type' },
        );
        continue;
      }
      if (param.type && !fitsParameter(type, kind === 'query')) {
        report(
          accept,
          'specl/invalid-parameter-type',
          `a ${kind} parameter must be a string, number, boolean or enum${kind === 'query' ? ' (or a List of them)' : ''}; send structured data in the body`,
          { node: param, property: 'type' },
        );
      }
    }
    for (const header of endpoint.clauses.filter(isHeaderParam)) {
      const wire = header.wireName;
      if (wire !== undefined && !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(wire)) {
        report(
          accept,
          'specl/invalid-header-name',
          `\`${wire}\` is not a valid HTTP header name; use letters, digits and \`-\`, such as "X-Request-Id"`,
          { node: header, property: 'wireName' },
        );
      }
    }
  }

  private checkResponses(endpoint: Endpoint, accept: ValidationAcceptor): void {
    const responses = endpoint.clauses.filter(isResponseClause);
    if (responses.length === 0) {
      report(
        accept,
        'specl/missing-response',
        `endpoint \`${endpoint.name}\` declares no response; add one, such as \`response 200 SomeType\` or \`response 204\``,
        { node: endpoint, property: 'name' },
      );
    }
    // One status may offer several bodies, each under media types of its own.
    const seen = new Map<number, ResponseClause>();
    for (const response of responses) {
      const status = statusNumber(response.status);
      if (!Number.isInteger(status) || status < 200 || status > 299) {
        report(
          accept,
          'specl/status-out-of-range',
          `a response status must be 2xx, not ${response.status}; declare failures as \`error\`s and list them in \`errors\``,
          { node: response, property: 'status' },
        );
      }
      // A status that is not three digits is reported above; it is no one's duplicate.
      // One status may offer several bodies, each under media types of its own.
      const earlier = seen.get(status);
      if (earlier && !Number.isNaN(status) && !(earlier.type && response.type)) {
        report(
          accept,
          'specl/duplicate-status',
          `status ${status} is already declared by another response`,
          {
            node: response,
            property: 'status',
          },
        );
      }
      seen.set(status, response);
      if (status === 204 && response.type) {
        report(
          accept,
          'specl/status-out-of-range',
          'a 204 response has no body; remove the type or use 200',
          {
            node: response,
            property: 'type',
          },
        );
      }
    }
  }

  private checkErrors(endpoint: Endpoint, accept: ValidationAcceptor): void {
    const statuses = new Map<number, string>();
    for (const response of endpoint.clauses.filter(isResponseClause))
      statuses.set(statusNumber(response.status), 'a response');
    const seen = new Set<ErrorDecl>();
    for (const clause of endpoint.clauses.filter(isErrorsClause)) {
      clause.errors.forEach((ref, index) => {
        const target = ref.ref;
        if (!target) return;
        if (!isErrorDecl(target)) {
          report(
            accept,
            'specl/not-an-error',
            `\`${target.name}\` is ${describeDeclaration(target)}, not an error; declare it with \`error ${target.name} 4xx { ... }\``,
            { node: clause, property: 'errors', index },
          );
          return;
        }
        if (seen.has(target)) {
          report(
            accept,
            'specl/duplicate-clause',
            `\`${target.name}\` is already listed; remove it`,
            {
              node: clause as ErrorsClause,
              property: 'errors',
              index,
            },
          );
          return;
        }
        seen.add(target);
        const status = statusNumber(target.status);
        const other = Number.isNaN(status) ? undefined : statuses.get(status);
        if (other) {
          report(
            accept,
            'specl/duplicate-status',
            `\`${target.name}\` has status ${status}, like ${other}; a client could not tell them apart`,
            { node: clause, property: 'errors', index },
          );
        }
        statuses.set(status, `\`${target.name}\``);
      });
    }
  }

  checkErrorStatus(decl: ErrorDecl, accept: ValidationAcceptor): void {
    const status = statusNumber(decl.status);
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      report(
        accept,
        'specl/status-out-of-range',
        `an error status must be between 400 and 599, not ${decl.status}`,
        {
          node: decl,
          property: 'status',
        },
      );
    }
  }

  /** Two endpoints on one method and path, in this file or against the files it imports. */
  checkRoutes(file: SpecFile, accept: ValidationAcceptor): void {
    const document = AstUtils.getDocument(file) as LangiumDocument<SpecFile>;
    const routes = new Map<string, string>();
    const documents = this.services.shared.workspace.LangiumDocuments;
    for (const imported of importedDocuments(document, documents)) {
      for (const endpoint of imported.parseResult.value.declarations.filter(isEndpoint)) {
        routes.set(
          routeKey(endpoint),
          `\`${endpoint.name}\` in ${importPathBetween(document.uri, imported.uri)}`,
        );
      }
    }
    for (const endpoint of file.declarations.filter(isEndpoint)) {
      if (!endpoint.method || !endpoint.path) continue;
      const key = routeKey(endpoint);
      const other = routes.get(key);
      if (other) {
        report(
          accept,
          'specl/duplicate-route',
          `${key} is already served by ${other}; change the method or the path`,
          {
            node: endpoint,
            property: 'path',
          },
        );
      } else {
        routes.set(key, `\`${endpoint.name}\``);
      }
    }
  }
}

function fitsParameter(type: SpeclType, allowList: boolean): boolean {
  const plain = stripOptional(type);
  if (plain.kind === 'unknown' || plain.kind === 'primitive' || plain.kind === 'enum') return true;
  if (plain.kind === 'list' && allowList) return fitsParameter(plain.element, false);
  return false;
}
