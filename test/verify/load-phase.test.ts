import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { formatPrettyReport, urlSource, verify } from '@specl/verify';
import { lowerSources } from '../compiler/openapi/openapi-helpers.js';
import { withServer } from './verify-helpers.js';

// The load phase (`--phases load`): each endpoint's requests sent several at a time, bounded,
// every answer checked, and the latency budgets judged again on those times. The server here
// counts the requests in flight; it answers after 20 ms, and, when `crowded` says so, fails
// or slows down with the crowd (400 ms more per other request in flight, so that four at once
// break a budget of 1 s whatever the machine), as a server with a shared resource would.
const spec = `spec Crowd version "1.0.0" { latency p99 < 60 s }

type Item { id: Int, name: String }

endpoint getItem GET /items/{id: Int} {
  response 200 Item
  latency p95 < 1 s
}
`;

interface Crowd {
  /** The most requests in flight at once, seen so far. */
  most: number;
}

function crowdServer(crowd: Crowd, crowded: 'fails' | 'slows' | 'copes') {
  let inFlight = 0;
  return createServer((request, response) => {
    inFlight++;
    crowd.most = Math.max(crowd.most, inFlight);
    const id = Number(/\/(-?\d+)$/.exec(request.url ?? '')?.[1] ?? 0);
    const others = inFlight - 1;
    const answer = () => {
      inFlight--;
      if (crowded === 'fails' && others >= 2) return response.writeHead(503).end();
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id, name: 'item' }));
    };
    setTimeout(answer, 20 + (crowded === 'slows' ? 400 * others : 0));
  });
}

async function run(
  crowded: 'fails' | 'slows' | 'copes',
  phases: ('endpoints' | 'latency' | 'load')[],
  runs = 24,
) {
  const ir = await lowerSources({ '/crowd.specl': spec }, '/crowd.specl');
  const crowd: Crowd = { most: 0 };
  const report = await withServer(crowdServer(crowd, crowded), (base) =>
    verify({ ir, source: urlSource(base, 5_000), runs, seed: 5, phases, concurrency: 4 }),
  );
  return { report, crowd };
}

const plain = (text: string) => text;
const styles = { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };

describe('the load phase', () => {
  it('sends requests at once, never more than the concurrency, and times them', async () => {
    const { report, crowd } = await run('copes', ['load']);
    expect(crowd.most).toBe(4);
    // (The budget's verdict is the next test's: here the times are the machine's.)
    expect(report.checks.map((c) => [c.name, c.phase, c.runs])).toEqual([
      ['endpoint getItem under load', 'load', 24],
      ['latency of getItem under load', 'load', 24],
    ]);
    expect(report.checks[0]!.status).toBe('passed');
    expect(report.load).toMatchObject({ concurrency: 4, latency: [{ endpoint: 'getItem' }] });
    expect(report.load!.latency[0]!.requests).toBe(24);
    // Its answers count in the coverage like any other phase's.
    expect(report.coverage.find((c) => c.name === 'getItem 200')!.exercised).toBe(24);
    const text = formatPrettyReport(report, styles, (at) => at);
    expect(text).toMatch(/latency under load \(ms, 4 requests in flight\):\n {2}getItem {2}p50 /);
  });

  it('finds a server that fails only with others in flight, which one at a time passes', async () => {
    const alone = await run('fails', ['endpoints']);
    expect(alone.crowd.most).toBe(1);
    expect(alone.report.ok).toBe(true);
    const { report } = await run('fails', ['load']);
    const check = report.checks.find((c) => c.name === 'endpoint getItem under load')!;
    expect(check.status).toBe('failed');
    expect(check.failures!.map((f) => [f.kind, f.replay])).toEqual([['status', 'load:getItem']]);
    expect(check.failure!.message).toMatch(
      /^GET \/items\/\{id\} answered 503, which the spec does not declare .*\(under load: request \d+ of its endpoint, others in flight\)$/,
    );
    expect(check.failure!.exchanges[0]!.response!.status).toBe(503);
  });

  it('judges a latency budget on the times under load', async () => {
    // Alone: 20 ms, in its budget (p95 < 1 s). Four at a time: 1.2 s each.
    const { report } = await run('slows', ['endpoints', 'latency', 'load'], 8);
    const status = (name: string) => report.checks.find((c) => c.name === name)?.status;
    expect(status('latency of getItem')).toBe('passed');
    expect(status('latency of getItem under load')).toBe('failed');
    const failure = report.checks.find((c) => c.name === 'latency of getItem under load')!.failure!;
    expect(failure.message).toMatch(
      /^GET \/items\/\{id\} broke its latency budget under load: p95 \d+(\.\d)? ms \(budget 1000 ms\)/,
    );
    expect(report.latency![0]!.requests).toBe(8);
  });

  it('refuses a concurrency out of bounds, and the replay of a failure under load', async () => {
    const ir = await lowerSources({ '/crowd.specl': spec }, '/crowd.specl');
    const source = urlSource('http://127.0.0.1:59999', 1_000);
    await expect(verify({ ir, source, phases: ['load'], concurrency: 65 })).rejects.toThrow(
      /concurrency must be a whole number from 1 to 64, not 65/,
    );
    await expect(verify({ ir, source, replay: 'load:getItem' })).rejects.toThrow(
      /depends on the requests in flight with it/,
    );
  });
});
