import { at } from './diff-helpers.js';
import type { Case } from './shop-fixture.js';
import { change, edit, runCases } from './shop-fixture.js';

// `specl diff` on pagination: a listing that starts or stops answering in pages, and a moved
// cursor parameter or items path. Every one of them breaks someone.

const api = `type Item { id: Int }
type Page { items: List<Item>, next: String?, more: List<Item> }
endpoint list GET /items {
  query cursor?: String
  query after?: String
  response 200 Page
  paginated cursor = response.next, items = response.items
}
`;

const plain = edit(api, '\n  paginated cursor = response.next, items = response.items', '');

const cases: Case[] = [
  {
    name: 'a listing that starts to answer in pages breaks the clients that read one answer',
    before: plain,
    after: api,
    expected: (b, a) => [
      change(
        'pagination-added',
        'breaking',
        'list pagination',
        at(b, 'endpoint list'),
        at(a, 'endpoint list'),
      ),
    ],
  },
  {
    name: 'a listing that stops answering in pages breaks its walkers',
    before: api,
    after: plain,
    expected: (b, a) => [
      change(
        'pagination-removed',
        'breaking',
        'list pagination',
        at(b, 'endpoint list'),
        at(a, 'endpoint list'),
      ),
    ],
  },
  {
    name: 'another cursor parameter breaks its walkers',
    before: api,
    after: edit(api, 'paginated cursor =', 'paginated after ='),
    expected: (b, a) => [
      change(
        'pagination-changed',
        'breaking',
        'list pagination',
        at(b, 'endpoint list'),
        at(a, 'endpoint list'),
      ),
    ],
  },
  {
    name: 'a cursor walk that becomes a Link walk breaks its walkers',
    before: api,
    after: edit(api, 'paginated cursor = response.next,', 'paginated by link,'),
    expected: (b, a) => [
      change(
        'pagination-changed',
        'breaking',
        'list pagination',
        at(b, 'endpoint list'),
        at(a, 'endpoint list'),
      ),
    ],
  },
  {
    name: 'a Link walk whose items move breaks its walkers',
    before: edit(api, 'paginated cursor = response.next,', 'paginated by link,'),
    after: edit(
      edit(api, 'paginated cursor = response.next,', 'paginated by link,'),
      'items = response.items',
      'items = response.more',
    ),
    expected: (b, a) => [
      change(
        'pagination-changed',
        'breaking',
        'list pagination',
        at(b, 'endpoint list'),
        at(a, 'endpoint list'),
      ),
    ],
  },
  {
    name: 'items in another place break its walkers',
    before: api,
    after: edit(api, 'items = response.items', 'items = response.more'),
    expected: (b, a) => [
      change(
        'pagination-changed',
        'breaking',
        'list pagination',
        at(b, 'endpoint list'),
        at(a, 'endpoint list'),
      ),
    ],
  },
  {
    name: 'the clause moved among the others changes nothing',
    before: api,
    after: edit(
      edit(api, '\n  paginated cursor = response.next, items = response.items', ''),
      '  query cursor?: String',
      '  paginated cursor = response.next, items = response.items\n  query cursor?: String',
    ),
    expected: () => [],
  },
];

runCases('specl diff on pagination', cases);
