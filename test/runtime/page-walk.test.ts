import { describe, expect, it } from 'vitest';
import type { PageWalk } from '@specl/runtime';
import { ContractViolation, MAX_ITEMS, MAX_PAGES, walkPages } from '@specl/runtime';

// The page walk of `let x = pages CALL` on its own: what it sends for each page, what it
// gathers, and when it stops. `call` stands for one checked call (the session's, over HTTP or
// in process, is exercised in test/verify/page-walk.test.ts).

const walk: PageWalk = {
  source: 'pages list(limit: 2)',
  at: 'spec.specl:9:3',
  cursorParameter: 'after',
  nextCursor: ['page', 'next'],
  items: ['page', 'items'],
};

/** Pages of `items`, `size` at a time, the cursor the index of the next page's first item. */
function pagesOf(items: readonly number[], size: number) {
  const sent: Readonly<Record<string, unknown>>[] = [];
  const call = async (request: Readonly<Record<string, unknown>>) => {
    sent.push(request);
    const start = (request['after'] as number | undefined) ?? 0;
    const next = start + size < items.length ? start + size : null;
    return { page: { items: items.slice(start, start + size), next } };
  };
  return { sent, call };
}

const fails = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the walk succeeded');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ContractViolation);
      return error as ContractViolation;
    },
  );

describe('walkPages', () => {
  it('gathers every page in order, the request kept and the cursor set from the second', async () => {
    const { sent, call } = pagesOf([1, 2, 3, 4, 5], 2);
    expect(await walkPages(call, { limit: 2 }, walk, () => undefined)).toEqual([1, 2, 3, 4, 5]);
    expect(sent).toEqual([{ limit: 2 }, { limit: 2, after: 2 }, { limit: 2, after: 4 }]);
  });

  it('ends at an absent cursor as at a null one, and takes an empty first page', async () => {
    expect(
      await walkPages(
        async () => ({ page: { items: [] } }),
        {},
        walk,
        () => undefined,
      ),
    ).toEqual([]);
  });

  it(`fails a walk still going after ${MAX_PAGES} pages`, async () => {
    let calls = 0;
    const call = async () => ({ page: { items: [calls], next: `c${++calls}` } });
    const error = await fails(walkPages(call, {}, walk, () => undefined));
    expect(calls).toBe(MAX_PAGES);
    expect(error.kind).toBe('pages');
    expect(error.detail).toBe(
      `page 1001 (cursor "c1000"): the walk did not end after 1000 pages; the last page still gave a next cursor`,
    );
    expect(error.clause).toBe(walk);
  });

  it(`fails a walk past ${MAX_ITEMS} items, before it fills the memory`, async () => {
    const page = Array.from({ length: 30_000 }, (_, i) => i);
    let calls = 0;
    const call = async () => ({ page: { items: page, next: ++calls } });
    const error = await fails(walkPages(call, {}, walk, () => undefined));
    expect(calls).toBe(4);
    expect(error.detail).toBe(
      `page 4 (cursor 3): the walk gathered more than ${MAX_ITEMS} items; a walk keeps at most that many`,
    );
  });

  it('fails a cursor too long to send', async () => {
    const error = await fails(
      walkPages(
        async () => ({ page: { items: [], next: 'x'.repeat(70_000) } }),
        {},
        walk,
        () => undefined,
      ),
    );
    expect(error.detail).toBe(
      'page 1 (no cursor): response.page.next is a cursor of 70002 characters; a walk sends cursors of at most 65536',
    );
  });

  it('fails items that are not a list, naming the path as the spec writes it', async () => {
    const error = await fails(
      walkPages(
        async () => ({ page: { items: 'none' } }),
        {},
        walk,
        () => undefined,
      ),
    );
    expect(error.detail).toBe(
      'page 1 (no cursor): response.page.items is "none", not a list of items',
    );
  });

  it('fails a cursor given twice, numbers compared as numbers', async () => {
    const call = async (request: Readonly<Record<string, unknown>>) => ({
      page: { items: [], next: request['after'] === 7 ? 3 : 7 },
    });
    const error = await fails(walkPages(call, {}, walk, () => undefined));
    expect(error.detail).toBe(
      'page 3 (cursor 3): response.page.next is 7, the cursor page 2 was already asked for with: the walk would go round for ever',
    );
  });

  it('names the page of a call that failed, keeping its kind and exchange', async () => {
    const exchange = { sent: { endpoint: 'list', method: 'GET', path: '/l', request: {} } };
    const call = async (request: Readonly<Record<string, unknown>>) => {
      if (request['after'] === undefined) return { page: { items: [1], next: 'x' } };
      throw new ContractViolation('status', 'list must succeed here', undefined, exchange);
    };
    const error = await fails(walkPages(call, {}, walk, () => undefined));
    expect([error.kind, error.detail, error.exchange]).toEqual([
      'status',
      'page 2 (cursor "x") of pages list(limit: 2): list must succeed here',
      exchange,
    ]);
  });
});
