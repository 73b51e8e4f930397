import type { ValidationAcceptor } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { Endpoint, Expression, Let, PaginatedClause, QueryParam } from '../generated/ast.js';
import { isEndpoint, isEndpointCall, isPaginatedClause } from '../generated/ast.js';
import { paginationOf, responsePath } from '../typing/pagination.js';
import { resolveTypeExpr } from '../typing/resolve-type.js';
import type { SpeclType } from '../typing/specl-type.js';
import { stripOptional, typeToString } from '../typing/specl-type.js';
import { isAssignable } from '../typing/type-relations.js';
import { typeOf } from '../typing/type-of.js';
import { withArticle } from '../util/article.js';
import { sourceOf } from './expression-report.js';
import type { DiagnosticFix } from './fixes.js';
import { report } from './report.js';

/** The one word `paginated by` takes: the next page is the answer's `Link` with `rel="next"`. */
export const LINK_STYLE = 'link';

/** A cursor or an item list may be absent or null (the last page): the type when present. */
function present(type: SpeclType): SpeclType {
  const inner = stripOptional(type);
  if (inner.kind !== 'union') return inner;
  const options = inner.options.filter((option) => option.kind !== 'null');
  return options.length === 1 ? options[0]! : { kind: 'union', options };
}

/** Whether a cursor may be absent or null, which ends the walk (unknown: already reported). */
function mayEnd(type: SpeclType): boolean {
  if (type.kind === 'optional' || type.kind === 'null' || type.kind === 'unknown') return true;
  return type.kind === 'union' && type.options.some(mayEnd);
}

/** The fix that makes a required query parameter optional: `query cursor?: String`. */
function makeOptionalFix(param: QueryParam): DiagnosticFix[] {
  const name = GrammarUtils.findNodeForProperty(param.$cstNode, 'name');
  if (!name) return [];
  const at = name.range.end;
  return [
    {
      title: `Make \`${param.name}\` optional`,
      edits: [{ range: { start: at, end: at }, newText: '?' }],
    },
  ];
}

/** Reports a `paginated` expression that is not a path into the response. */
function checkResponsePath(
  accept: ValidationAcceptor,
  expr: Expression | undefined,
  example: string,
): boolean {
  if (!expr || responsePath(expr)) return true;
  report(
    accept,
    'specl/invalid-pagination',
    'notResponse',
    { source: sourceOf(expr), example },
    { node: expr },
  );
  return false;
}

/** The next cursor: absent or null on the last page, else of the cursor parameter's type. */
function checkNextCursor(next: Expression, param: QueryParam, accept: ValidationAcceptor): void {
  const type = typeOf(next);
  if (!mayEnd(type)) {
    const path = responsePath(next) ?? [];
    report(
      accept,
      'specl/invalid-pagination',
      'neverEnds',
      { source: sourceOf(next), field: path.at(-1) ?? 'next' },
      { node: next },
    );
    return;
  }
  const expected = resolveTypeExpr(param.type);
  if (type.kind !== 'null' && !isAssignable(present(type), expected))
    report(
      accept,
      'specl/invalid-pagination',
      'cursorType',
      {
        source: sourceOf(next),
        actual: withArticle(typeToString(present(type))),
        name: param.name,
        expected: withArticle(typeToString(expected)),
      },
      { node: next },
    );
}

/**
 * A `paginated` clause: the cursor an optional query parameter of the endpoint, of the type
 * the answer gives the next cursor in; the cursor and the items paths into the response, the
 * items a list; one clause an endpoint.
 */
export function checkPaginatedClause(clause: PaginatedClause, accept: ValidationAcceptor): void {
  const endpoint = clause.$container as Endpoint;
  if (isEndpoint(endpoint) && paginationOf(endpoint) !== clause) {
    report(accept, 'specl/invalid-pagination', 'twice', {}, { node: clause });
    return;
  }
  // `paginated by link`: the next page's URL comes from the answer's `Link` header.
  if (clause.by && clause.style !== LINK_STYLE) {
    const style = clause.style ?? '';
    report(
      accept,
      'specl/invalid-pagination',
      'unknownStyle',
      { style },
      { node: clause, property: 'style' },
    );
  }
  // A cursor that names no query parameter is reported by the linker (linking-messages.ts).
  const param = clause.cursor?.ref;
  if (param && !param.optional) {
    report(
      accept,
      'specl/invalid-pagination',
      'required',
      { name: param.name },
      { node: clause, property: 'cursor' },
      makeOptionalFix(param),
    );
  }
  if (checkResponsePath(accept, clause.next, 'nextCursor') && param && clause.next)
    checkNextCursor(clause.next, param, accept);
  if (checkResponsePath(accept, clause.items, 'items') && clause.items) {
    const items = typeOf(clause.items);
    if (items.kind !== 'unknown' && present(items).kind !== 'list')
      report(
        accept,
        'specl/invalid-pagination',
        'itemsNotList',
        { source: sourceOf(clause.items), actual: withArticle(typeToString(items)) },
        { node: clause.items },
      );
  }
}

/** `let all = pages e(...)`: `e` is paginated, and the walk alone sets its cursor. */
export function checkPagesWalk(binding: Let, accept: ValidationAcceptor): void {
  if (!binding.pages || !isEndpointCall(binding.value)) return;
  const endpoint = binding.value.endpoint?.ref;
  if (!endpoint) return;
  const pagination = paginationOf(endpoint);
  if (!pagination) {
    report(
      accept,
      'specl/invalid-pages',
      'notPaginated',
      { endpoint: endpoint.name },
      { node: binding, property: 'pages' },
    );
    return;
  }
  const cursor = pagination.cursor?.$refText;
  for (const argument of binding.value.args)
    if (cursor !== undefined && argument.parameter.$refText === cursor)
      report(accept, 'specl/invalid-pages', 'cursorGiven', { name: cursor }, { node: argument });
}

/** Whether an expression stands in a `paginated` clause (where `response` may be read). */
export function inPaginatedClause(expr: Expression): boolean {
  return AstUtils.getContainerOfType(expr, isPaginatedClause) !== undefined;
}
