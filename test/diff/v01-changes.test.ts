import { at } from './diff-helpers.js';
import type { Case } from './shop-fixture.js';
import { change, edit, runCases } from './shop-fixture.js';

// `specl diff` on the v0.1 constructs: security requirements and media types.

const api = `auth Token bearer
auth Key apiKey header "X-Key"
type Doc { title: String }
endpoint getDoc GET /docs/{id: Int} {
  response 200 Doc
}
endpoint putDoc PUT /docs/{id: Int} {
  security Token
  body Doc
  response 204
}
`;

const cases: Case[] = [
  {
    name: 'a public endpoint that starts to need credentials is breaking',
    before: api,
    after: edit(
      api,
      'endpoint getDoc GET /docs/{id: Int} {',
      'endpoint getDoc GET /docs/{id: Int} {\n  security Token',
    ),
    expected: (b, a) => [
      change(
        'security-added',
        'breaking',
        'getDoc security',
        at(b, 'endpoint getDoc'),
        at(a, 'endpoint getDoc'),
      ),
    ],
  },
  {
    name: 'an endpoint that needs no credentials any more is not',
    before: api,
    after: edit(api, '  security Token\n', '  security none\n'),
    expected: (b, a) => [
      change(
        'security-removed',
        'non-breaking',
        'putDoc security',
        at(b, 'endpoint putDoc'),
        at(a, 'endpoint putDoc'),
      ),
    ],
  },
  {
    name: 'accepting another scheme as well is not breaking',
    before: api,
    after: edit(api, '  security Token\n', '  security Token | Key\n'),
    expected: (b, a) => [
      change(
        'security-removed',
        'non-breaking',
        'putDoc security',
        at(b, 'endpoint putDoc'),
        at(a, 'endpoint putDoc'),
      ),
    ],
  },
  {
    // Both, so that the diff read backwards is its inverse (found by the random specs).
    name: 'trading one scheme for another is breaking, and lets in the new scheme',
    before: api,
    after: edit(api, '  security Token\n', '  security Key\n'),
    expected: (b, a) => [
      change(
        'security-added',
        'breaking',
        'putDoc security',
        at(b, 'endpoint putDoc'),
        at(a, 'endpoint putDoc'),
      ),
      change(
        'security-removed',
        'non-breaking',
        'putDoc security',
        at(b, 'endpoint putDoc'),
        at(a, 'endpoint putDoc'),
      ),
    ],
  },
  {
    name: 'a response no longer offered as JSON is breaking, a new media type is not',
    before: api,
    after: edit(api, '  response 200 Doc\n', '  response 200 Doc as "application/vnd.doc+json"\n'),
    expected: (b, a) => [
      change(
        'media-type-removed',
        'breaking',
        'getDoc response 200',
        at(b, 'response 200 Doc'),
        at(a, 'response 200 Doc'),
      ),
      change(
        'media-type-added',
        'non-breaking',
        'getDoc response 200',
        at(b, 'response 200 Doc'),
        at(a, 'response 200 Doc'),
      ),
    ],
  },
  {
    name: 'a body also taken as a form is not breaking',
    before: api,
    after: edit(
      api,
      '  body Doc\n',
      '  body Doc as "application/json", "application/x-www-form-urlencoded"\n',
    ),
    expected: (b, a) => [
      change(
        'media-type-added',
        'non-breaking',
        'putDoc body',
        at(b, 'body Doc'),
        at(a, 'body Doc'),
      ),
    ],
  },
];

runCases('specl diff on security and media types', cases);
