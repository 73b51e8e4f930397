import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roundTrip } from './round-trip.js';

const corpus = resolve(import.meta.dirname, '../fixtures/openapi');

/**
 * Every document of the corpus (sources and licences in test/fixtures/openapi/README.md), with
 * what its import must give: declarations, endpoints, the warnings by kind (every warning is
 * expected: a new or lost one fails), and how many schema pairs the round trip compared by
 * sampling and how many a warning on them exempted.
 *
 * The petstores and Uber answer `default` with an error body on every operation: since Specl has
 * `error NAME default`, each imports as one more declaration (`error UnexpectedError default`)
 * instead of a left-out warning per operation, and the round trip compares its schema too.
 * Dropbox Sign answers `4XX` on all 72 operations: now `error ClientError 4XX` (one more type, 72
 * more schema pairs compared); its 72 "4XX left out" warnings became 72 "the examples of the 4XX
 * response are left out" (response examples are not imported, as for its 200s), so the count
 * of left-out warnings stays 327. Response headers are imported (one `headers` declaration per
 * distinct set): Dropbox Sign's 73 "response headers left out" warnings are gone (its three
 * header examples are kept as comments once), 327 → 258; the petstore's `x-next` is
 * `headers Next`, its warning gone.
 */
const expected: Record<
  string,
  [types: number, endpoints: number, warnings: string, compared: number, exempt: number]
> = {
  'oai-callback-example.yaml': [1, 1, '0 0 0 1 1', 2, 0],
  'oai-link-example.yaml': [4, 6, '0 0 0 0 4', 18, 0],
  'oai-non-oauth-scopes.json': [0, 1, '1 0 0 1 1', 0, 0],
  'oai-petstore-expanded.yaml': [4, 4, '0 0 0 1 0', 12, 0],
  'oai-petstore.yaml': [4, 3, '0 0 0 0 0', 8, 0],
  'oai-uber-swagger2.json': [7, 5, '0 0 0 5 0', 22, 0],
  'oai-uspto.yaml': [5, 3, '1 2 1 5 3', 6, 1],
  'oai-webhook-example.json': [1, 0, '0 0 0 0 1', 0, 0],
  'readme-discriminators.yaml': [32, 10, '1 10 9 6 7', 9, 1],
  'readme-schema-circular.yaml': [30, 3, '1 0 2 4 1', 1, 2],
  'redocly-museum.yaml': [25, 8, '0 0 0 3 2', 28, 9],
  'oai-petstore-separate/spec/swagger.yaml': [4, 4, '0 1 0 1 1', 12, 0],
  'dropbox-sign.json': [223, 72, '41 50 0 0 178', 246, 1],
};

describe('import round trip on the corpus', () => {
  for (const [name, [types, endpoints, warnings, compared, exempt]] of Object.entries(expected)) {
    it(`${name}: imports, checks, compiles, and means the same up to its warnings`, async () => {
      const trip = await roundTrip(join(corpus, name));
      expect(trip.unexplained).toEqual([]);
      const { summary } = trip.result;
      const counts = ['approximated', 'widened', 'narrowed', 'renamed', 'left-out'] as const;
      expect({
        types: summary.types,
        endpoints: summary.endpoints,
        warnings: counts.map((kind) => summary.warnings[kind]).join(' '),
        compared: trip.schemasCompared,
        exempt: trip.schemasExempt,
      }).toEqual({ types, endpoints, warnings, compared, exempt });
    }, 120_000);
  }
});
