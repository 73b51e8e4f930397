import type { PaginationIR } from './spec-ir.js';

/** `response.page.items`: a path into the success body as the spec writes it. */
export function responsePathText(path: readonly string[]): string {
  return ['response', ...path].join('.');
}

/**
 * A `paginated` clause as the spec writes it: `paginated cursor = response.next, items =
 * response.items`, or `paginated by link, items = response`.
 */
export function paginationText(pagination: PaginationIR): string {
  const items = `items = ${responsePathText(pagination.items)}`;
  if (pagination.by === 'link') return `paginated by link, ${items}`;
  return `paginated ${pagination.cursorParameter} = ${responsePathText(pagination.nextCursor)}, ${items}`;
}
