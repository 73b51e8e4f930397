import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';

/**
 * `paginated by link, items = response` for an operation that pages by `Link` header, as
 * GitHub's do: a GET whose one 2xx response declares a `Link` header (in any case) and whose
 * body came in as one list (`response 200 List<...>`, one media type). Undefined for any other operation; a
 * document Specl compiled says how it pages in `x-specl-pagination` instead.
 */
export function linkPaginationClause(
  context: ImportContext,
  operation: Record<string, unknown>,
  pointer: string,
  method: string,
  clauses: readonly string[],
): string | undefined {
  if (method.toLowerCase() !== 'get' || !isObject(operation.responses)) return undefined;
  const successes = Object.entries(operation.responses).filter(([status]) =>
    /^2\d\d$/.test(status),
  );
  if (successes.length !== 1) return undefined;
  const [status, raw] = successes[0]!;
  const at = childPointer(childPointer(pointer, 'responses'), status);
  const { value } = context.deref(raw, at);
  if (!isObject(value) || !isObject(value.headers)) return undefined;
  if (!Object.keys(value.headers).some((name) => name.toLowerCase() === 'link')) return undefined;
  // One list, not a union of lists (`List<A> | List<B>`, or one per media type, as GitHub's
  // starred repositories answer): no one item type to walk.
  const answers = clauses.filter((clause) => clause.startsWith(`response ${status} `));
  const listed =
    answers.length === 1 &&
    answers[0]!.startsWith(`response ${status} List<`) &&
    !answers[0]!.includes(' | ');
  return listed ? 'paginated by link, items = response' : undefined;
}
