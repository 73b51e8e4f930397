import { at } from './diff-helpers.js';
import type { Case } from './shop-fixture.js';
import { change, edit, runCases } from './shop-fixture.js';

// `specl diff` on response headers: a header an answer declares is added, removed, made
// required or optional, or changes its type; matched by wire name, case-insensitively.

const api = `type Item { id: Int }
error Gone 410 with Limits no body
headers Limits {
  limit "X-Limit": Int { min: 0 }
  reset "X-Reset"?: Int
}
headers Where { location "Location": String }
endpoint get GET /items {
  response 200 Item with Limits
  errors Gone
}
`;

const header = (answer: string, wire: string) => `get ${answer} header ${wire}`;

const cases: Case[] = [
  {
    name: 'a new header on an answer is non-breaking, required or not',
    before: api,
    after: edit(api, 'response 200 Item with Limits', 'response 200 Item with Limits, Where'),
    expected: (b, a) => [
      change(
        'response-header-added',
        'non-breaking',
        header('response 200', 'Location'),
        at(b, 'response 200'),
        at(a, 'location "Location"'),
      ),
    ],
  },
  {
    name: 'a required header no longer declared breaks its readers',
    before: api,
    after: edit(api, '  limit "X-Limit": Int { min: 0 }\n', ''),
    expected: (b, a) => [
      change(
        'response-header-removed',
        'breaking',
        header('response 200', 'X-Limit'),
        at(b, 'limit "X-Limit"'),
        at(a, 'response 200'),
      ),
      change(
        'response-header-removed',
        'breaking',
        header('error Gone', 'X-Limit'),
        at(b, 'limit "X-Limit"'),
        at(a, 'Gone\n}'),
      ),
    ],
  },
  {
    name: 'an optional header no longer declared is non-breaking',
    before: api,
    after: edit(api, '  reset "X-Reset"?: Int\n', ''),
    expected: (b, a) => [
      change(
        'response-header-removed',
        'non-breaking',
        header('response 200', 'X-Reset'),
        at(b, 'reset "X-Reset"'),
        at(a, 'response 200'),
      ),
      change(
        'response-header-removed',
        'non-breaking',
        header('error Gone', 'X-Reset'),
        at(b, 'reset "X-Reset"'),
        at(a, 'Gone\n}'),
      ),
    ],
  },
  {
    name: 'a required header made optional breaks its readers; the reverse does not',
    before: edit(api, 'error Gone 410 with Limits no body', 'error Gone 410 no body'),
    after: edit(
      edit(api, 'error Gone 410 with Limits no body', 'error Gone 410 no body'),
      'limit "X-Limit": Int',
      'limit "X-Limit"?: Int',
    ),
    expected: (b, a) => [
      change(
        'response-header-optional',
        'breaking',
        header('response 200', 'X-Limit'),
        at(b, 'limit "X-Limit"'),
        at(a, 'limit "X-Limit"'),
      ),
    ],
  },
  {
    name: 'an optional header made required is non-breaking',
    before: edit(api, 'error Gone 410 with Limits no body', 'error Gone 410 no body'),
    after: edit(
      edit(api, 'error Gone 410 with Limits no body', 'error Gone 410 no body'),
      'reset "X-Reset"?: Int',
      'reset "X-Reset": Int',
    ),
    expected: (b, a) => [
      change(
        'response-header-required',
        'non-breaking',
        header('response 200', 'X-Reset'),
        at(b, 'reset "X-Reset"'),
        at(a, 'reset "X-Reset"'),
      ),
    ],
  },
  {
    name: 'a header whose values widen breaks its readers, as any type clients receive',
    before: edit(api, 'error Gone 410 with Limits no body', 'error Gone 410 no body'),
    after: edit(
      edit(api, 'error Gone 410 with Limits no body', 'error Gone 410 no body'),
      'Int { min: 0 }',
      'Int',
    ),
    expected: (b, a) => [
      change(
        'constraint-widened',
        'breaking',
        header('response 200', 'X-Limit'),
        at(b, 'limit "X-Limit"'),
        at(a, 'limit "X-Limit"'),
      ),
    ],
  },
  {
    name: 'a declaration renamed, or a wire name in another case, changes nothing',
    before: api,
    after: edit(
      edit(api.replaceAll('Limits', 'RateLimit'), '"X-Limit"', '"x-limit"'),
      '"X-Reset"',
      '"X-RESET"',
    ),
    expected: () => [],
  },
];

runCases('specl diff on response headers', cases);
