import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { similarityServer } from '../../examples/product-similarity/server/http-server.js';
import { createHandlers as brokenSimilarity } from '../../examples/product-similarity/broken/handlers.js';
import { vacationServer } from '../../examples/vacation/server/http-server.js';
import type { ProxyProcess } from './proxy-process.js';
import {
  closeServer,
  countingServer,
  listenLocal,
  runSpeclSlowly,
  startProxy,
} from './proxy-process.js';

interface VerifyFailure {
  readonly kind: string;
  readonly clause?: { readonly source: string; readonly at: string };
}

/**
 * The verifier run through the proxy (a few runs: it is slow on a shared machine): the clauses
 * of its failures that one exchange shows.
 */
async function verifyThrough(spec: string, url: string, phases: string) {
  const args = ['verify', spec, '--url', url, '--runs', '5', '--seed', '7', '--phases', phases];
  const run = await runSpeclSlowly([...args, '--reporter', 'json']);
  if (!run.stdout.startsWith('{'))
    throw new Error(`specl verify failed:\n${run.stdout}${run.stderr}`);
  const report = JSON.parse(run.stdout) as { checks: { failure?: VerifyFailure }[] };
  const failures = report.checks.flatMap((check) => (check.failure ? [check.failure] : []));
  const singleExchange = failures.filter((f) => ['status', 'body', 'ensures'].includes(f.kind));
  return {
    failed: failures.length,
    clauses: [...new Set(singleExchange.map((f) => `${f.clause?.source} (${f.clause?.at})`))],
  };
}

// The ACH example's broken variant breaks only `expect`s of properties, which no single
// exchange shows: the product-similarity one breaks an `ensures`, which the proxy must catch.
const servers: [string, string, () => Server, boolean][] = [
  ['vacation', 'examples/vacation/vacation.specl', () => vacationServer(), false],
  [
    'product-similarity',
    'examples/product-similarity/product-similarity.specl',
    () => similarityServer(),
    false,
  ],
  [
    'product-similarity (broken)',
    'examples/product-similarity/product-similarity.specl',
    () => similarityServer(brokenSimilarity()),
    true,
  ],
];

describe("specl proxy in front of the examples' servers", () => {
  const runs = new Map<
    string,
    { server: Server; proxy: ProxyProcess; verified: Awaited<ReturnType<typeof verifyThrough>> }
  >();

  // One at a time: on a shared machine, proxies and verifier runs starting at once starve.
  beforeAll(async () => {
    for (const [name, spec, serve, broken] of servers) {
      const server = serve();
      const base = await listenLocal(server);
      const proxy = await startProxy([spec, '--target', base]);
      // The broken variant's bug shows in the written properties; the clean servers get both.
      const phases = broken ? 'properties' : 'endpoints,properties';
      const verified = await verifyThrough(spec, proxy.url, phases);
      // Stopped before reading: an answer is forwarded before it is checked, so the report of
      // the last one may follow it; stopping waits for every line.
      await proxy.stop();
      runs.set(name, { server, proxy, verified });
    }
  }, 300_000);

  afterAll(async () => {
    for (const { server, proxy } of runs.values()) {
      await proxy.stop();
      await closeServer(server);
    }
  });

  it.each(servers.filter(([, , , broken]) => !broken))(
    'reports no violation on the %s server while the verifier passes through it',
    (name) => {
      const { proxy, verified } = runs.get(name)!;
      expect(verified.failed).toBe(0);
      expect(proxy.violations()).toEqual([]);
    },
  );

  it.each(servers.filter(([, , , broken]) => broken))(
    'reports on the %s server every violation the verifier found in one exchange, with its clause',
    (name) => {
      const { proxy, verified } = runs.get(name)!;
      expect(verified.clauses.length).toBeGreaterThan(0);
      const reported = new Set(proxy.violations().map((v) => `${v.clause} (${v.at})`));
      for (const clause of verified.clauses) expect(reported).toContain(clause);
      expect(
        proxy.violations().every((v) => v.side === 'response' && v.action === 'forwarded'),
      ).toBe(true);
    },
  );
});

describe('specl proxy in enforce mode', () => {
  let target: ReturnType<typeof countingServer>;
  let proxy: ProxyProcess;
  const id = '0b0e5c9e-6a0f-4c1e-9a57-3c4f1f0c1d2e';

  beforeAll(async () => {
    target = countingServer(vacationServer());
    const base = await listenLocal(target.server);
    proxy = await startProxy([
      'examples/vacation/vacation.specl',
      '--target',
      base,
      '--mode',
      'enforce',
    ]);
  });

  afterAll(async () => {
    await proxy.stop();
    await closeServer(target.server);
  });

  it('stops every request that breaks the contract before the target, naming the clause', async () => {
    const bad: [string, string, RequestInit, string][] = [
      [
        'a body of the wrong type',
        '/employees',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"name":"","email":"a@b.co","balance":1}',
        },
        'body',
      ],
      [
        'a body that is not JSON',
        '/employees',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' },
        'body',
      ],
      ['a path parameter of the wrong type', '/employees/42', {}, 'path parameter id'],
      [
        'a query parameter out of its range',
        `/employees/${id}/requests?limit=500`,
        {},
        'query parameter limit',
      ],
      [
        'a missing header',
        `/employees/${id}/requests`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"start":"2026-01-01","end":"2026-01-02","days":1}',
        },
        'header Idempotency-Key',
      ],
      [
        'a body that breaks an invariant',
        `/employees/${id}/requests`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': 'k' },
          body: '{"start":"2026-01-09","end":"2026-01-02","days":1}',
        },
        'body',
      ],
    ];
    for (const [what, path, init, clause] of bad) {
      const response = await fetch(`${proxy.url}${path}`, init);
      expect(response.status, what).toBe(400);
      expect(response.headers.get('content-type'), what).toBe('application/problem+json');
      const problem = (await response.json()) as {
        clause: string;
        at: string;
        violations: unknown[];
      };
      expect(problem.clause, what).toBe(clause);
      expect(problem.at, what).toMatch(/^vacation\.specl:\d+:1$/);
    }
    expect(target.hits).toEqual([]);
    expect(proxy.violations().map((v) => [v.side, v.action, v.clause])).toEqual(
      bad.map(([, , , clause]) => ['request', 'rejected', clause]),
    );
  });

  it('forwards a request that keeps the contract', async () => {
    const response = await fetch(`${proxy.url}/employees`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada', email: 'ada@example.com', balance: 3 }),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { balance: number }).balance).toBe(3);
    expect(target.hits).toEqual(['POST /employees']);
  });
});
