import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EndpointContract } from '@specl/runtime';
import { DiscardedRun, httpTarget } from '@specl/runtime';
import { implementationSource, verify } from '@specl/verify';
import { lowerFiles } from '../helpers/lower.js';
import { repoRoot, withServer } from './verify-helpers.js';

async function verifyFixture(folder: string, spec: string, options: object) {
  const path = join(repoRoot, 'test/fixtures', folder, spec);
  const ir = await lowerFiles({ [`/${spec}`]: readFileSync(path, 'utf8') }, `/${spec}`);
  const source = await implementationSource(join(repoRoot, 'test/fixtures', folder, 'impl.ts'));
  return verify({ ir, source, ...options });
}

describe('the verifier within its limits', () => {
  it('stops shrinking at its budget and reports the smallest failure found so far', async () => {
    // At most seeds the search now starts at the edges (opening 0, amount 1), which needs no
    // shrinking; at seed 4 it finds the overdraft with two large numbers first.
    const report = await verifyFixture('shrink-budget', 'repro.specl', {
      phases: ['properties'],
      seed: 4,
      maxFailures: 1,
    });
    const [check] = report.checks;
    expect(check!.status).toBe('failed');
    // The overdraft shows first as a negative balance in the debit's answer.
    expect(check!.failure!.message).toMatch(
      /^the body of POST \/accounts\/\{id\}\/debits \(response 200\) does not match its type: \$\.balance: /,
    );
    expect(check!.failure!.shrinkStopped).toBe(true);
  });

  it('reuses ids in call sequences only where the body keeps its type', async () => {
    const report = await verifyFixture('stateful-ids', 'pairs.specl', {
      phases: ['stateful'],
      runs: 100,
    });
    expect(
      report.checks.map((check) => [check.name, check.status, check.failure?.message]),
    ).toEqual([['stateful: call sequences', 'passed', undefined]]);
  });

  it('does not send a header value HTTP cannot carry, and discards the run instead', async () => {
    let received = 0;
    const server = createServer((_request, response) => {
      received++;
      response.writeHead(204).end();
    });
    const endpoint: EndpointContract = {
      name: 'ping',
      method: 'GET',
      path: '/ping',
      at: 'ping.specl:1:1',
      pathParams: [],
      query: [],
      headers: [{ name: 'key', wireName: 'X-Key', optional: false }],
      hasBody: false,
      responses: [{ status: 204 }],
      requires: [],
      ensures: [],
      requests: undefined as never,
    };
    await withServer(server, async (base) => {
      const target = httpTarget(base);
      await expect(target.send(endpoint, { key: 'tab\tinside' })).rejects.toBeInstanceOf(
        DiscardedRun,
      );
      await expect(target.send(endpoint, { key: ' padded' })).rejects.toThrow(
        'the header X-Key cannot carry " padded" over HTTP',
      );
      expect(received).toBe(0);
      expect((await target.send(endpoint, { key: 'visible ascii' })).status).toBe(204);
      expect(received).toBe(1);
    });
  });
});
