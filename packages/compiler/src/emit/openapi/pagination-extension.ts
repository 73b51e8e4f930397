import type { PaginationIR } from '../../ir/spec-ir.js';
import type { SpeclPagination } from './openapi-document.js';

/** A JSON pointer (RFC 6901) to the value at a path of field names: `["a", "b/c"]` → `/a/b~1c`. */
function jsonPointer(path: readonly string[]): string {
  return path.map((name) => `/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** A `paginated` clause as `x-specl-pagination`: the cursor parameter and two JSON pointers. */
export function paginationExtension(pagination: PaginationIR): SpeclPagination {
  if (pagination.by === 'link') return { by: 'link', items: jsonPointer(pagination.items) };
  return {
    cursorParameter: pagination.cursorParameter,
    nextCursor: jsonPointer(pagination.nextCursor),
    items: jsonPointer(pagination.items),
  };
}
