import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roundTrip } from './round-trip.js';

const corpus = resolve(import.meta.dirname, '../fixtures/openapi');

/**
 * Every document of the corpus (sources and licences in test/fixtures/openapi/README.md), with
 * what its import must give: declarations, endpoints, the warnings by kind (every warning is
 * expected: a new or lost one fails), and how many schema pairs the round trip compared by
 * sampling and how many a warning on them exempted.
 */
const expected: Record<
  string,
  [types: number, endpoints: number, warnings: string, compared: number, exempt: number]
> = {
  'oai-callback-example.yaml': [1, 1, '0 0 0 1 1', 2, 0],
  'oai-link-example.yaml': [4, 6, '0 0 0 0 4', 18, 0],
  'oai-non-oauth-scopes.json': [0, 1, '1 0 0 1 1', 0, 0],
  'oai-petstore-expanded.yaml': [3, 4, '0 0 0 1 4', 8, 0],
  'oai-petstore.yaml': [3, 3, '0 0 0 0 4', 5, 0],
  'oai-uber-swagger2.json': [6, 5, '0 0 0 5 5', 17, 0],
  'oai-uspto.yaml': [5, 3, '1 2 1 5 4', 6, 1],
  'oai-webhook-example.json': [1, 0, '0 0 0 0 1', 0, 0],
  'readme-discriminators.yaml': [32, 10, '1 10 9 6 7', 9, 1],
  'readme-schema-circular.yaml': [30, 3, '1 0 2 4 1', 1, 2],
  'redocly-museum.yaml': [25, 8, '0 0 0 3 11', 28, 9],
  'oai-petstore-separate/spec/swagger.yaml': [3, 4, '0 1 0 1 5', 8, 0],
  'dropbox-sign.json': [222, 72, '41 50 0 0 327', 172, 1],
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
