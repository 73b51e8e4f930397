import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  formatJunitReport,
  formatPrettyReport,
  formatSarifReport,
  urlSource,
  verify,
} from '@specl/verify';
import { lowerSources } from '../compiler/openapi/openapi-helpers.js';
import { withServer } from './verify-helpers.js';

// Latency as part of the contract: a spec-wide budget and an endpoint's own, judged over HTTP
// on the response times of the run. The slow endpoint sleeps 150 ms, three times its budget,
// so its budget is broken however fast the machine; the other's budget is a minute.
const spec = `spec Timed version "1.0.0" { latency p99 < 60 s }

type Item { id: Int, name: String }

endpoint getItem GET /items/{id: Int} {
  response 200 Item
}

endpoint slowItem GET /slow/{id: Int} {
  response 200 Item
  latency p50 < 50 ms, p95 < 50 ms
}
`;

function timedServer() {
  return createServer((request, response) => {
    const id = Number(/\/(-?\d+)$/.exec(request.url ?? '')?.[1] ?? 0);
    const answer = () =>
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id, name: 'item' }));
    if (request.url?.startsWith('/slow/')) setTimeout(answer, 150);
    else answer();
  });
}

const plain = (text: string) => text;
const styles = { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };

describe('latency budgets', () => {
  it('measures p50/p95/p99 per endpoint and fails a broken budget in every reporter', async () => {
    const ir = await lowerSources({ '/timed.specl': spec }, '/timed.specl');
    const report = await withServer(timedServer(), (base) =>
      verify({
        ir,
        source: urlSource(base, 5_000),
        runs: 8,
        seed: 3,
        phases: ['endpoints', 'latency'],
      }),
    );
    expect(report.latency!.map((entry) => [entry.endpoint, entry.requests])).toEqual([
      ['getItem', 8],
      ['slowItem', 8],
    ]);
    const slow = report.latency!.find((entry) => entry.endpoint === 'slowItem')!;
    expect(slow.p50).toBeGreaterThanOrEqual(150);
    expect(
      report.checks.filter((c) => c.phase === 'latency').map((c) => [c.name, c.status]),
    ).toEqual([
      ['latency of getItem', 'passed'],
      ['latency of slowItem', 'failed'],
    ]);
    const failure = report.checks.find((c) => c.name === 'latency of slowItem')!.failure!;
    expect(failure.kind).toBe('latency');
    expect(failure.message).toMatch(
      /^GET \/slow\/\{id\} broke its latency budget: p50 \d+(\.\d)? ms \(budget 50 ms\), p95 \d+(\.\d)? ms \(budget 50 ms\); measured p50 .* ms, p95 .* ms, p99 .* ms over 8 requests$/,
    );
    // The endpoint's own budget replaces the spec's for the percentiles it names, not the others.
    expect(failure.clause).toEqual({
      source: 'latency p99 < 60000 ms, p50 < 50 ms, p95 < 50 ms',
      at: 'timed.specl:9:1',
    });
    expect(report.ok).toBe(false);
    const locate = (at: string) => at;
    expect(formatPrettyReport(report, styles, locate)).toMatch(
      /latency \(ms\):\n {2}getItem +p50 [\d.]+ +p95 [\d.]+ +p99 [\d.]+ +\(8 requests\)/,
    );
    expect(formatJunitReport(report, locate)).toContain(
      '<testsuite name="latency" tests="2" failures="1" skipped="0">',
    );
    const sarif = JSON.parse(formatSarifReport(report, '0.0.0', locate)) as {
      runs: { results: { ruleId: string; message: { text: string } }[] }[];
    };
    expect(sarif.runs[0]!.results).toEqual([
      expect.objectContaining({
        ruleId: 'specl-verify/latency',
        message: {
          text: expect.stringContaining(
            'latency of slowItem: GET /slow/{id} broke its latency budget: p50',
          ),
        },
      }),
    ]);
  });

  it('is not measured in process', async () => {
    const ir = await lowerSources({ '/timed.specl': spec }, '/timed.specl');
    const source = {
      description: 'in-process',
      fresh: true,
      open: async () => ({
        description: 'in-process',
        send: async () => ({ status: 200, body: { id: 1, name: 'x' } }),
      }),
    };
    const report = await verify({ ir, source, runs: 3, seed: 1 });
    expect(report.latency).toBeUndefined();
    expect(report.phases).not.toContain('latency');
  });
});
