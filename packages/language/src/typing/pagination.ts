import type { Endpoint, Expression, PaginatedClause } from '../generated/ast.js';
import { isMemberAccess, isPaginatedClause, isResponseRef } from '../generated/ast.js';
import type { SpeclType } from './specl-type.js';
import { stripOptional, unknownType } from './specl-type.js';
import { typeOf } from './type-of.js';

/** The endpoint's `paginated` clause (the first, if it has several), if it is paginated. */
export function paginationOf(endpoint: Endpoint): PaginatedClause | undefined {
  return endpoint.clauses.find(isPaginatedClause);
}

/**
 * The fields a path into the response reads, in order: `response.page.next` → `page`, `next`;
 * `response` alone → none. Undefined for any other expression (or one the parser recovered).
 */
export function responsePath(expr: Expression | undefined): string[] | undefined {
  const names: string[] = [];
  let node = expr;
  while (isMemberAccess(node)) {
    if (node.optional || !node.member?.$refText) return undefined;
    names.unshift(node.member.$refText);
    node = node.receiver;
  }
  return isResponseRef(node) ? names : undefined;
}

/** The type of what `pages` binds for a paginated endpoint: the list of its pages' items. */
export function pagesType(endpoint: Endpoint | undefined): SpeclType {
  const clause = endpoint && paginationOf(endpoint);
  if (!clause) return unknownType;
  const items = stripOptional(typeOf(clause.items));
  return items.kind === 'list' ? items : unknownType;
}
