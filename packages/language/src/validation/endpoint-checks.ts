import type { LangiumCoreServices, LangiumDocument, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Endpoint, ErrorDecl, SpecFile } from '../generated/ast.js';
import {
  ErrorsClause,
  HeaderParam,
  ResponseClause,
  isBodyClause,
  isEndpoint,
  isErrorDecl,
  isPathParam,
  isPathText,
} from '../generated/ast.js';
import { endpointParameters } from '../scoping/local-names.js';
import { nodesOfType } from '../util/by-type.js';
import { resolveTypeExpr } from '../typing/resolve-type.js';
import type { SpeclType } from '../typing/specl-type.js';
import { stripOptional } from '../typing/specl-type.js';
import { closestName, didYouMean } from '../util/did-you-mean.js';
import { changeTo, insertAfter, rangeOf } from './fixes.js';
import { importPathBetween, importedDocuments } from '../workspace/imports.js';
import { describeDeclaration } from './declaration-checks.js';
import {
  STATUS_RANGE,
  errorStatusKey,
  labelBefore,
  listedBefore,
  parameterKind,
  responseBefore,
  statusHolderBefore,
  statusNumber,
} from './endpoint-duplicates.js';
import { report } from './report.js';
import { pathTemplate, routeKey } from '../util/endpoint-path.js';

// Regular expressions the checks run per character or per status, made once: a literal in a
// function is a new RegExp object each time it is evaluated (4.5 MB of them at N = 5,000).
const WHITE_SPACE = /\s/;
const PATH_TEXT = /^[A-Za-z0-9\-._~:]+$/;
const ALL_WHITE_SPACE = /\s/g;
const WORD_START = /^[_a-zA-Z]/;

/**
 * Whether an endpoint's path, read from the endpoint's text (from `endpoint` on), has white space
 * outside a parameter's braces; `true` also where the text can mislead such a reading (a comment
 * or a string before the body's `{`), for the check to read the CST instead. A path followed by
 * `//` is read as having a comment: `true`.
 */
export function spacedPathInText(text: string | undefined): boolean {
  if (text === undefined) return true;
  const start = text.indexOf('/');
  if (start < 0) return true;
  let depth = 0;
  let spaceAt = -1;
  let pathEnd = start;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) return true;
    if (c === '{') {
      if (depth === 0 && text[i - 1] !== '/') return spaceAt >= 0 && spaceAt < pathEnd;
      depth++;
    } else if (c === '}') {
      if (--depth < 0) return true;
    } else if (WHITE_SPACE.test(c)) {
      if (depth === 0 && spaceAt < 0) spaceAt = i;
      continue;
    }
    pathEnd = i + 1;
  }
  return true;
}

/** The HTTP methods an endpoint may use. */
export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

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
      'default',
      { method, fix },
      { node: endpoint, property: 'method' },
      changeTo(replacement, rangeOf(endpoint, 'method')),
    );
  }

  private checkPath(endpoint: Endpoint, accept: ValidationAcceptor): void {
    const path = endpoint.path;
    if (!path) return;
    // Read from the endpoint's text where it can be (a batch check then builds no CST here).
    const spaced = spacedPathInText(endpoint.$cstNode?.text);
    if (spaced === false) {
      this.checkSegments(endpoint, accept);
      return;
    }
    if (!path.$cstNode) return;
    // Spaces are allowed only inside a parameter's braces: `{id: Uuid { maxLength: 8 }}`,
    // whatever its constraints' strings hold (`pattern: "[a-f]{64}"`).
    const start = path.$cstNode.offset;
    let outside = path.$cstNode.text;
    for (const segment of path.segments) {
      const node = segment.$cstNode;
      if (!node || !segment.parts.some(isPathParam)) continue;
      const [from, to] = [node.offset - start, node.end - start];
      outside = outside.slice(0, from) + 'x'.repeat(to - from) + outside.slice(to);
    }
    if (WHITE_SPACE.test(outside)) {
      report(
        accept,
        'specl/invalid-path',
        'pathContainSpaces',
        { pathTemplate: pathTemplate(endpoint) },
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
        'startsCommentEven',
        {},
        { node: endpoint, property: 'path' },
      );
    }
    this.checkSegments(endpoint, accept);
  }

  private checkSegments(endpoint: Endpoint, accept: ValidationAcceptor): void {
    const segments = endpoint.path.segments;
    segments.forEach((segment, index) => {
      if (segment.parts.length === 0 && segments.length > 1) {
        const where = index === segments.length - 1 ? 'a trailing `/`' : 'an empty segment (`//`)';
        report(accept, 'specl/invalid-path', 'pathRemoveIt', { where }, { node: segment });
      }
      for (let i = 1; i < segment.parts.length; i++) {
        if (isPathParam(segment.parts[i]) && isPathParam(segment.parts[i - 1])) {
          report(
            accept,
            'specl/invalid-path',
            'twoPathParameters',
            {},
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
            'default',
            { partName: part.name },
            { node: part, property: 'name' },
            insertAfter(`Give \`${part.name}\` the type String`, rangeOf(part, 'name'), ': String'),
          );
        }
        if (isPathText(part) && !PATH_TEXT.test(part.text.replace(ALL_WHITE_SPACE, ''))) {
          report(
            accept,
            'specl/invalid-path',
            'validPath',
            { partText: part.text },
            {
              node: part,
            },
          );
        }
      }
    });
  }

  private checkParameters(endpoint: Endpoint, accept: ValidationAcceptor): void {
    // Duplicates by a scan of the parameters before each (an endpoint has a few): a map made
    // for each endpoint was garbage for every one.
    const params = endpointParameters(endpoint);
    for (let i = 0; i < params.length; i++) {
      const param = params[i]!;
      if (isBodyClause(param)) {
        if (labelBefore(params, i, 'body') !== undefined) {
          report(accept, 'specl/duplicate-clause', 'endpointAtMost', {}, { node: param });
        }
        if (['GET', 'HEAD', 'DELETE'].includes(endpoint.method)) {
          report(
            accept,
            'specl/body-on-get',
            'default',
            { endpointMethod: endpoint.method },
            { node: param },
          );
        }
        continue;
      }
      const kind = parameterKind(param);
      const earlier = labelBefore(params, i, param.name);
      if (earlier !== undefined) {
        report(
          accept,
          'specl/duplicate-parameter',
          'alreadyEndpointRename',
          { paramName: param.name, arg1: earlier },
          { node: param, property: 'name' },
        );
      }
      const type = resolveTypeExpr(param.type);
      if (isPathParam(param) && type.kind === 'optional') {
        report(
          accept,
          'specl/invalid-parameter-type',
          'pathParameterAlways',
          { paramName: param.name },
          { node: param, property: 'type' },
        );
        continue;
      }
      if (param.type && !fitsParameter(type, kind === 'query')) {
        report(
          accept,
          'specl/invalid-parameter-type',
          'parameterStringNumber',
          { kind, arg1: kind === 'query' ? ' (or a List of them)' : '' },
          { node: param, property: 'type' },
        );
      }
    }
    for (const header of nodesOfType<HeaderParam>(endpoint.clauses, HeaderParam.$type)) {
      const wire = header.wireName;
      if (wire !== undefined && !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(wire)) {
        report(
          accept,
          'specl/invalid-header-name',
          'default',
          { wire },
          { node: header, property: 'wireName' },
        );
      }
    }
  }

  private checkResponses(endpoint: Endpoint, accept: ValidationAcceptor): void {
    const responses = nodesOfType<ResponseClause>(endpoint.clauses, ResponseClause.$type);
    if (responses.length === 0) {
      report(
        accept,
        'specl/missing-response',
        'default',
        { endpointName: endpoint.name },
        { node: endpoint, property: 'name' },
      );
    }
    for (let i = 0; i < responses.length; i++) {
      const response = responses[i]!;
      const status = statusNumber(response.status);
      if (!Number.isInteger(status) || status < 200 || status > 399) {
        report(
          accept,
          'specl/status-out-of-range',
          'responseStatusXx',
          { responseStatus: response.status },
          { node: response, property: 'status' },
        );
      }
      // A status that is not three digits is reported above; it is no one's duplicate.
      // One status may offer several bodies, each under media types of its own; two bodies
      // without media types are the same status twice, as in v0.
      const earlier = responseBefore(responses, i, status);
      const twoBodies = earlier?.type && response.type && (earlier.media || response.media);
      if (earlier && !Number.isNaN(status) && !twoBodies) {
        report(
          accept,
          'specl/duplicate-status',
          'statusAlreadyDeclared',
          { status },
          {
            node: response,
            property: 'status',
          },
        );
      }
      if (status === 204 && response.type) {
        report(
          accept,
          'specl/status-out-of-range',
          'responseNoBody',
          {},
          {
            node: response,
            property: 'type',
          },
        );
      }
    }
  }

  private checkErrors(endpoint: Endpoint, accept: ValidationAcceptor): void {
    // Exact statuses by number, ranges (`4XX`) and `default` by their word; each error is
    // compared with those listed before it (an endpoint lists a few) instead of a map's.
    const responses = nodesOfType<ResponseClause>(endpoint.clauses, ResponseClause.$type);
    const clauses = nodesOfType<ErrorsClause>(endpoint.clauses, ErrorsClause.$type);
    for (let c = 0; c < clauses.length; c++) {
      const clause = clauses[c]!;
      for (let index = 0; index < clause.errors.length; index++) {
        const target = clause.errors[index]!.ref;
        if (!target) continue;
        if (!isErrorDecl(target)) {
          report(
            accept,
            'specl/not-an-error',
            'default',
            { targetName: target.name, describeDeclaration: describeDeclaration(target) },
            { node: clause, property: 'errors', index },
          );
          continue;
        }
        if (listedBefore(clauses, c, index, target)) {
          report(
            accept,
            'specl/duplicate-clause',
            'alreadyListedRemove',
            { targetName: target.name },
            { node: clause, property: 'errors', index },
          );
          continue;
        }
        const status = errorStatusKey(target.status);
        if (status === undefined) continue;
        const other = statusHolderBefore(responses, clauses, c, index, status);
        if (other) {
          report(
            accept,
            'specl/duplicate-status',
            'statusLikeClient',
            { targetName: target.name, status, other },
            { node: clause, property: 'errors', index },
          );
        }
      }
    }
  }

  checkErrorStatus(decl: ErrorDecl, accept: ValidationAcceptor): void {
    const at = { node: decl, property: 'status' as const };
    const text = decl.status ?? '';
    if (STATUS_RANGE.test(text)) {
      const range = text.toUpperCase();
      if (range !== '4XX' && range !== '5XX')
        report(accept, 'specl/status-out-of-range', 'errorRangeClass', { declStatus: text }, at);
      else if (range !== text)
        report(accept, 'specl/status-out-of-range', 'errorRangeCase', { range }, at);
      return;
    }
    if (WORD_START.test(text)) {
      if (text !== 'default')
        report(accept, 'specl/status-out-of-range', 'errorStatusWord', { declStatus: text }, at);
      return;
    }
    const status = statusNumber(decl.status);
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      report(accept, 'specl/status-out-of-range', 'errorStatusBetween', { declStatus: text }, at);
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
          'default',
          { key, other },
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

/** Whether a parameter of this type can travel in a URL or a header (`allowList`: a query's). */
export function fitsParameter(type: SpeclType, allowList: boolean): boolean {
  const plain = stripOptional(type);
  if (plain.kind === 'unknown' || plain.kind === 'primitive' || plain.kind === 'enum') return true;
  if (plain.kind === 'list' && allowList) return fitsParameter(plain.element, false);
  return false;
}
