import { at } from './diff-helpers.js';
import type { Case } from './shop-fixture.js';
import { change, edit, runCases } from './shop-fixture.js';

// `specl diff` on examples and defaults: an example documents, so changing it is never
// breaking (a patch); a default is what the server assumes, so changing it is for review.

const api = `type Doc {
  title: String { example: "Notes" }
  pages?: Int { default: 1 }
}
endpoint putDoc PUT /docs/{id: Int} {
  body Doc { example: { title: "A" } }
  response 200 Doc { examples: { one: { title: "A", pages: 2 } } }
}
`;

const cases: Case[] = [
  {
    // Showing the old type crashed on a structured example (found by the random specs).
    name: 'a field of a list with a structured example that becomes a string is a type change (unused: non-breaking)',
    before: `${api}type Tags { list: List<String> { example: ["a", "b"] } }\n`,
    after: `${api}type Tags { list: String }\n`,
    expected: (b, a) => [
      change(
        'type-changed',
        'non-breaking',
        'Tags.list',
        at(b, 'list: List'),
        at(a, 'list: String'),
      ),
    ],
  },
  {
    name: 'a changed field example is non-breaking',
    before: api,
    after: edit(api, 'example: "Notes"', 'example: "Letters"'),
    expected: (b, a) => [
      change(
        'example-changed',
        'non-breaking',
        'Doc.title',
        at(b, 'title: String'),
        at(a, 'title: String'),
      ),
    ],
  },
  {
    name: 'a changed structured body example is non-breaking',
    before: api,
    after: edit(api, 'example: { title: "A" }', 'example: { title: "B", pages: 3 }'),
    expected: (b, a) => [
      change(
        'example-changed',
        'non-breaking',
        'putDoc body',
        at(b, 'body Doc'),
        at(a, 'body Doc'),
      ),
    ],
  },
  {
    name: 'a named response example added is non-breaking',
    before: api,
    after: edit(api, 'one: {', 'zero: { title: "" }, one: {'),
    expected: (b, a) => [
      change(
        'example-changed',
        'non-breaking',
        'putDoc response 200',
        at(b, 'response 200'),
        at(a, 'response 200'),
      ),
    ],
  },
  {
    name: 'an example removed is non-breaking',
    before: api,
    after: edit(api, ' { example: "Notes" }', ''),
    expected: (b, a) => [
      change(
        'example-changed',
        'non-breaking',
        'Doc.title',
        at(b, 'title: String'),
        at(a, 'title: String'),
      ),
    ],
  },
  {
    name: 'a changed default is for review: requests that leave it out may be answered otherwise',
    before: api,
    after: edit(api, 'default: 1', 'default: 10'),
    expected: (b, a) => [
      change('default-changed', 'unknown', 'Doc.pages', at(b, 'pages?: Int'), at(a, 'pages?: Int')),
    ],
  },
  {
    name: 'the same example written with other spacing and string keys is no change',
    before: api,
    after: edit(api, 'example: { title: "A" }', 'example: {\n    "title": "A",\n  }'),
    expected: () => [],
  },
];

runCases('specl diff on examples and defaults', cases);
