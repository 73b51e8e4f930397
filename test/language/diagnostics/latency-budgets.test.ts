import { describe, expect, it } from 'vitest';
import { check, codes } from '../../helpers/check.js';

// Latency budgets: `latency p99 < 200 ms` in the spec header's block (every endpoint's) and in
// an endpoint (its own). `latency` stays usable as a name.

describe('latency budgets', () => {
  it.each([
    [
      'in the spec header',
      'spec S version "1.0.0" { latency p99 < 200 ms, p50 < 20ms }\nendpoint e GET /a { response 204 }',
    ],
    [
      'in an endpoint, in seconds',
      'endpoint e GET /a { response 204\n latency p95 < 1.5 s, p999 < 2 s, p100 < 5 s }',
    ],
    ['a field named latency', 'type R { latency: Int }\nendpoint e GET /a { response 200 R }'],
  ])('check clean: %s', async (_, source) => {
    expect(await check(source)).toEqual([]);
  });

  it.each([
    ['q99', 'latency q99 < 1 ms', '`q99` is not a percentile'],
    ['p0', 'latency p0 < 1 ms', '`p0` is not a percentile'],
    ['p1000', 'latency p1000 < 1 ms', '`p1000` is not a percentile'],
    ['an hour', 'latency p99 < 1 h', '`h` is not a unit of time here; write ms or s'],
    ['zero', 'latency p99 < 0 ms', 'a latency budget is above 0'],
    ['twice', 'latency p99 < 1 ms, p99 < 2 ms', '`p99` is already budgeted in this clause'],
  ])('specl/invalid-latency: %s', async (_, clause, text) => {
    const found = await check(`endpoint e GET /a { response 204\n ${clause} }`);
    expect(found.map((f) => [f.code, f.message.includes(text)])).toEqual([
      ['specl/invalid-latency', true],
    ]);
  });

  it('one latency clause in the spec header', async () => {
    expect(
      await codes(
        'spec S version "1.0.0" { latency p99 < 2 ms\n latency p50 < 1 ms }\nendpoint e GET /a { response 204 }',
      ),
    ).toEqual(['specl/duplicate-clause']);
  });
});
