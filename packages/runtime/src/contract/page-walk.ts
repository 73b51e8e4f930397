import type { Clause } from './contract.js';
import { describeValue } from '../describe-value.js';
import { ContractViolation } from './failures.js';

/** The most pages one walk asks for; a walk still going after them fails. */
export const MAX_PAGES = 1000;

/**
 * The most items one walk gathers: a hostile server's pages (each up to the target's body
 * bound) could otherwise fill the verifier's memory before the page bound is reached.
 */
export const MAX_ITEMS = 100_000;

/** The longest cursor a walk sends (as JSON text): it travels in the URL, and is remembered. */
export const MAX_CURSOR_LENGTH = 65_536;

/**
 * How to walk a paginated endpoint (its `paginated` clause), and the `pages` statement that
 * walks it (for reports): the query parameter that takes the cursor, and the fields of the
 * success body that hold the next cursor and the page's items (`[]`: the body itself); or,
 * `by: 'link'`, the items alone, the next page being the answer's `Link` `rel="next"`.
 */
export type PageWalk = Clause & { readonly items: readonly string[] } & (
    | {
        readonly by?: undefined;
        readonly cursorParameter: string;
        readonly nextCursor: readonly string[];
      }
    | { readonly by: 'link' }
  );

/** A cursor walk: its cursor parameter and where the next cursor is. */
type CursorWalk = Extract<PageWalk, { readonly cursorParameter: string }>;

/** The value at a path of fields, or undefined where a step is missing or not an object. */
export function at(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const name of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
  }
  return value;
}

/** `response.page.items`, as a path is written in the spec. */
export function pathText(path: readonly string[]): string {
  return ['response', ...path].join('.');
}

/** How one walk asks for its pages and finds the next: what {@link gatherPages} is given. */
export interface PageSteps<Answer> {
  readonly walk: PageWalk;
  readonly lastExchange: () => ContractViolation['exchange'];
  /** The page as a failure names it (`page 2 (cursor "c1")`). */
  readonly asked: (page: number) => string;
  /** Why a walk still going after {@link MAX_PAGES} pages did not end (`still gave a next cursor`). */
  readonly unending: string;
  /** Sends one page's request and checks its answer. */
  readonly ask: (page: number) => Promise<Answer>;
  readonly bodyOf: (answer: Answer) => unknown;
  /** Prepares the next page's request from this page's answer; false when there is none. */
  readonly advance: (answer: Answer, page: number, fail: (detail: string) => never) => boolean;
}

/**
 * The loop both walks share: asks each page in turn and gathers its items, in order, until
 * `advance` finds no next page. Fails (a `pages` violation naming the page) on a page that does
 * not succeed, items that are not a list, a walk still going after {@link MAX_PAGES} pages and
 * one past {@link MAX_ITEMS} items.
 */
export async function gatherPages<Answer>(steps: PageSteps<Answer>): Promise<unknown[]> {
  const { walk } = steps;
  const items: unknown[] = [];
  for (let page = 1; ; page++) {
    const fail = (detail: string): never => {
      throw new ContractViolation(
        'pages',
        `${steps.asked(page)}: ${detail}`,
        walk,
        steps.lastExchange(),
      );
    };
    if (page > MAX_PAGES)
      fail(`the walk did not end after ${MAX_PAGES} pages; the last page ${steps.unending}`);
    let answer: Answer;
    try {
      answer = await steps.ask(page);
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      const detail = `${steps.asked(page)} of ${walk.source}: ${error.detail}`;
      throw new ContractViolation(error.kind, detail, error.clause, error.exchange);
    }
    const pageItems = at(steps.bodyOf(answer), walk.items);
    if (!Array.isArray(pageItems))
      fail(`${pathText(walk.items)} is ${describeValue(pageItems)}, not a list of items`);
    const list = pageItems as unknown[];
    if (items.length + list.length > MAX_ITEMS)
      fail(`the walk gathered more than ${MAX_ITEMS} items; a walk keeps at most that many`);
    for (const item of list) items.push(item);
    if (!steps.advance(answer, page, fail)) return items;
  }
}

/**
 * Walks every page of a paginated endpoint: the request as given for the first page, then
 * the same request with the cursor parameter set to each answer's next cursor, until an
 * answer gives none (absent or `null`). Answers every page's items, in order. Fails (a
 * `pages` violation naming the page and its cursor) as {@link gatherPages} does, and on a
 * cursor given before (the walk would never end) and a cursor longer than
 * {@link MAX_CURSOR_LENGTH}. `call` sends one page's request and checks its answer.
 */
export async function walkPages(
  call: (request: Readonly<Record<string, unknown>>) => Promise<unknown>,
  request: Readonly<Record<string, unknown>>,
  walk: CursorWalk,
  lastExchange: () => ContractViolation['exchange'],
): Promise<unknown[]> {
  const seen = new Map<string, number>();
  let cursor: unknown = undefined;
  return gatherPages<unknown>({
    walk,
    lastExchange,
    asked: (page) =>
      page === 1 ? 'page 1 (no cursor)' : `page ${page} (cursor ${describeValue(cursor)})`,
    unending: 'still gave a next cursor',
    ask: (page) => call(page === 1 ? request : { ...request, [walk.cursorParameter]: cursor }),
    bodyOf: (body) => body,
    advance: (body, page, fail) => {
      const next = at(body, walk.nextCursor);
      if (next === undefined || next === null) return false;
      const key = JSON.stringify(next);
      if (key.length > MAX_CURSOR_LENGTH)
        fail(
          `${pathText(walk.nextCursor)} is a cursor of ${key.length} characters; a walk sends cursors of at most ${MAX_CURSOR_LENGTH}`,
        );
      const first = seen.get(key);
      if (first !== undefined)
        fail(
          `${pathText(walk.nextCursor)} is ${describeValue(next)}, the cursor page ${first + 1} was already asked for with: the walk would go round for ever`,
        );
      seen.set(key, page);
      cursor = next;
      return true;
    },
  });
}
