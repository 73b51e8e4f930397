import { describe, expect, it } from 'vitest';
import { diffSpecs } from '@specl/compiler';
import { lowerSource } from '../helpers/lower.js';
import { at, withHeader } from './diff-helpers.js';
import type { Case } from './shop-fixture.js';
import { change, edit, runCases } from './shop-fixture.js';

// `specl diff` on errors declared by a status range (`4XX`, `5XX`) or `default`.

const api = `type Item { id: Int }
error NotFound 404 { message: String }
error ClientError 4XX { message: String }
error Unexpected default { reason: String }
endpoint getItem GET /items/{id: Int} {
  response 200 Item
  errors NotFound, ClientError, Unexpected
}
`;

const withoutRange = edit(
  api,
  'errors NotFound, ClientError, Unexpected',
  'errors NotFound, Unexpected',
);
const withoutDefault = edit(
  api,
  'errors NotFound, ClientError, Unexpected',
  'errors NotFound, ClientError',
);

const cases: Case[] = [
  {
    name: 'a newly declared range error is not breaking',
    before: withoutRange,
    after: api,
    expected: (b, a) => [
      change(
        'error-added',
        'non-breaking',
        'getItem error ClientError',
        at(b, 'endpoint getItem'),
        at(a, 'ClientError', 2),
      ),
    ],
  },
  {
    name: 'a range error no longer declared is breaking',
    before: api,
    after: withoutRange,
    expected: (b, a) => [
      change(
        'error-removed',
        'breaking',
        'getItem error ClientError',
        at(b, 'ClientError', 2),
        at(a, 'endpoint getItem'),
      ),
    ],
  },
  {
    name: 'a default error no longer declared is breaking',
    before: api,
    after: withoutDefault,
    expected: (b, a) => [
      change(
        'error-removed',
        'breaking',
        'getItem error Unexpected',
        at(b, 'Unexpected', 2),
        at(a, 'endpoint getItem'),
      ),
    ],
  },
  {
    name: 'an exact status that becomes a range is breaking (clients of 404 get any 4xx)',
    before: edit(api, 'ClientError 4XX', 'ClientError 409'),
    after: api,
    expected: (b, a) => [
      change(
        'status-changed',
        'breaking',
        'ClientError',
        at(b, 'error ClientError'),
        at(a, 'error ClientError'),
      ),
    ],
  },
  {
    name: 'a range that becomes default is breaking too',
    before: api,
    after: edit(
      edit(api, 'ClientError 4XX', 'ClientError default'),
      'error Unexpected default',
      'error Unexpected 500',
    ),
    expected: (b, a) => [
      change(
        'status-changed',
        'breaking',
        'ClientError',
        at(b, 'error ClientError'),
        at(a, 'error ClientError'),
      ),
      change(
        'status-changed',
        'breaking',
        'Unexpected',
        at(b, 'error Unexpected'),
        at(a, 'error Unexpected'),
      ),
    ],
  },
];

runCases('specl diff: range and default errors', cases);

describe('the messages of range and default errors', () => {
  it('say which statuses the added or removed error covers', async () => {
    const changes = diffSpecs(
      await lowerSource(withHeader(withoutRange)),
      await lowerSource(withHeader(withoutDefault)),
    ).changes;
    expect(changes.map((c) => c.message).sort()).toEqual([
      '`getItem` no longer declares error `Unexpected` (every status declared no other way)',
      '`getItem` now declares error `ClientError` (every 4XX status not declared exactly)',
    ]);
  });
});
