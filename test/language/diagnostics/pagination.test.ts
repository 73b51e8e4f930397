import { describe, expect, it } from 'vitest';
import { check } from '../../helpers/check.js';

// Pagination (v0.1): the `paginated` clause of an endpoint, the `pages` walk of a property and
// the `one` quantifier. `paginated`, `items`, `pages` and `one` stay usable as names.

const page = `type Item { id: Int }
type Page { items: List<Item>, nextCursor: String? }
`;
const listing = (clauses: string) => `${page}endpoint list GET /items {\n ${clauses}\n}\n`;
const paginated = listing(
  'query cursor?: String\n query limit?: Int\n response 200 Page\n paginated cursor = response.nextCursor, items = response.items',
);

describe('pagination', () => {
  it.each([
    ['a paginated endpoint', paginated],
    [
      'a walk and one',
      `${paginated}property p {\n let seen = pages list(limit: 2)\n expect all i in seen: one j in seen: j.id == i.id\n}`,
    ],
    [
      'the cursor an Int, the page under a field',
      `type Item { id: Int }\ntype Page { page: Inner }\ntype Inner { items: List<Item>, next: Int? }\nendpoint list GET /items {\n query after?: Int\n response 200 Page\n paginated after = response.page.next, items = response.page.items\n}`,
    ],
    [
      'the new words as names',
      `type R { paginated: Int, items: List<Int>, pages: Int, one: Bool }\ntype one { pages: Int }\nendpoint pages GET /a/{items: Int} {\n query one?: Int\n query paginated?: Int\n response 200 R\n ensures response.pages >= 0 and response.one == true and len(response.items) >= response.paginated\n}\nproperty paginated {\n let pages = pages(items: 1)\n let one = pages.one\n expect one implies pages.pages >= 0\n}`,
    ],
    ['a record invariant on bare names', 'type R { pages: Int, one: Int, invariant pages >= one }'],
    [
      'a Link walk of a bare list, and of a field',
      `${page}headers Paging { link "Link"?: String }\nendpoint a GET /a {\n query page?: Int\n response 200 List<Item> with Paging\n paginated by link, items = response\n}\nendpoint b GET /b {\n response 200 Page\n paginated by link, items = response.items\n}\nproperty p {\n let seen = pages a()\n let more = pages b()\n expect len(seen) >= 0 and all i in more: i.id == i.id\n}`,
    ],
    [
      '`by` and `link` still names: a cursor parameter called `by`',
      listing(
        'query by?: String\n response 200 Page\n paginated by = response.nextCursor, items = response.items',
      ),
    ],
  ])('check clean: %s', async (_, source) => {
    expect(await check(source)).toEqual([]);
  });

  it.each([
    [
      'cursor not a query parameter',
      listing(
        'query limit?: Int\n response 200 Page\n paginated cursor = response.nextCursor, items = response.items',
      ),
      'specl/invalid-pagination',
      'cursor',
      '`cursor` is not a query parameter of `list`; the cursor goes in one: declare `query cursor?: String`',
    ],
    [
      'cursor misspelt',
      listing(
        'query cursor?: String\n response 200 Page\n paginated cursr = response.nextCursor, items = response.items',
      ),
      'specl/invalid-pagination',
      'cursr',
      '`cursr` is not a query parameter of `list`; did you mean `cursor`?',
    ],
    [
      'cursor a header',
      listing(
        'header cursor?: String\n response 200 Page\n paginated cursor = response.nextCursor, items = response.items',
      ),
      'specl/invalid-pagination',
      'cursor',
      '`cursor` is not a query parameter of `list`',
    ],
    [
      'cursor required',
      listing(
        'query cursor: String\n response 200 Page\n paginated cursor = response.nextCursor, items = response.items',
      ),
      'specl/invalid-pagination',
      'cursor',
      'the cursor parameter `cursor` must be optional',
    ],
    [
      'cursor of the wrong type',
      listing(
        'query cursor?: Int\n response 200 Page\n paginated cursor = response.nextCursor, items = response.items',
      ),
      'specl/invalid-pagination',
      'response.nextCursor',
      'the next cursor `response.nextCursor` is a String, but the cursor parameter `cursor` takes an Int; give them the same type',
    ],
    [
      'a next cursor that is never absent',
      listing(
        'query cursor?: String\n response 200 Page\n paginated cursor = response.items, items = response.items',
      )
        .replace('items: List<Item>', 'items: List<Item>, token: String')
        .replace('cursor = response.items', 'cursor = response.token'),
      'specl/invalid-pagination',
      'response.token',
      'the next cursor `response.token` is never absent or null, so a walk of the pages never ends; make it optional (`token?: ...`) or nullable',
    ],
    [
      'items not a list',
      listing(
        'query cursor?: String\n response 200 Page\n paginated cursor = response.nextCursor, items = response.nextCursor',
      ),
      'specl/invalid-pagination',
      'response.nextCursor',
      'the items `response.nextCursor` are a String?, not a list',
    ],
    [
      'items not in the response',
      listing(
        'query cursor?: String\n response 200 Page\n paginated cursor = response.nextCursor, items = [1]',
      ),
      'specl/invalid-pagination',
      '[1]',
      '`[1]` is not a part of the response; write a path into it, such as `response.items`',
    ],
    [
      'two clauses',
      listing(
        'query cursor?: String\n response 200 Page\n paginated cursor = response.nextCursor, items = response.items\n paginated cursor = response.nextCursor, items = response.items',
      ),
      'specl/invalid-pagination',
      'paginated cursor = response.nextCursor, items = response.items',
      'an endpoint is paginated once; remove this clause',
    ],
    [
      'pages of an endpoint not paginated',
      `${page}endpoint list GET /items { response 200 Page }\nproperty p { let seen = pages list() }`,
      'specl/invalid-pages',
      'pages',
      '`list` is not paginated, so `pages` cannot walk it; add `paginated cursor = response.next, items = response.items` to `list`',
    ],
    [
      '`paginated by` a word other than link',
      listing('response 200 Page\n paginated by next, items = response.items'),
      'specl/invalid-pagination',
      'next',
      '`paginated by` takes `link` (the next page is the URL of the answer\'s `Link` header with `rel="next"`), not `next`',
    ],
    [
      'a Link walk whose items are no list',
      listing('response 200 Page\n paginated by link, items = response.nextCursor'),
      'specl/invalid-pagination',
      'response.nextCursor',
      'the items `response.nextCursor` are a String?, not a list',
    ],
    [
      'pages given the cursor',
      `${paginated}property p { let seen = pages list(cursor: "a") }`,
      'specl/invalid-pages',
      'cursor: "a"',
      '`pages` sets `cursor` on every page but the first; remove this argument',
    ],
    [
      'one over a number',
      `${paginated}property p { let seen = pages list()\n expect one x in len(seen): true }`,
      'specl/type-mismatch',
      'len(seen)',
      'a list after `one x in`',
    ],
  ])('%s', async (_, source, code, text, message) => {
    const found = await check(source);
    expect(found.map((f) => [f.code, f.text])).toEqual([[code, text]]);
    expect(found[0]!.message).toContain(message);
  });

  it('a walk binds the items as a list of the item type', async () => {
    const found = await check(
      `${paginated}property p { let seen = pages list()\n expect seen == 1 }`,
    );
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('List<Item>')]);
  });
});
