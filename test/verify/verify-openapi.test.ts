import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { achServer } from '../../examples/ach-payments/server/http-server.js';
import { createHandlers as brokenAch } from '../../examples/ach-payments/broken/handlers.js';
import { similarityServer } from '../../examples/product-similarity/server/http-server.js';
import { createHandlers as brokenSimilarity } from '../../examples/product-similarity/broken/handlers.js';
import { listen, vacationServer } from '../../examples/vacation/server/http-server.js';
import { repoRoot, runSpeclAsync } from '../helpers/run-cli.js';

/**
 * `specl verify <openapi.json> --url`: the examples' compiled OpenAPI documents, imported in
 * memory, against the examples' servers over loopback — the clean ones pass, the broken
 * variants fail at the clause their READMEs name (the document carries the spec's ensures and
 * properties as x-specl-* extensions, which import reads back). The ACH server wants a bearer
 * token: import reads the security scheme, and the token comes through `--auth`.
 */
const servers: Record<string, Server> = {
  vacation: vacationServer(),
  ach: achServer(),
  achBroken: achServer(brokenAch()),
  similarity: similarityServer(),
  similarityBroken: similarityServer(brokenSimilarity()),
};
const bases: Record<string, string> = {};

beforeAll(async () => {
  for (const [name, server] of Object.entries(servers)) bases[name] = await listen(server);
});
afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => new Promise((done) => s.close(done))));
});

function verify(document: string, server: string, ...args: string[]) {
  return runSpeclAsync(
    [
      'verify',
      `examples/${document}/generated/openapi.json`,
      '--url',
      bases[server]!,
      '--runs',
      '5',
      '--seed',
      '7',
      ...args,
    ],
    repoRoot,
  );
}

describe('specl verify <openapi> --url', () => {
  it('passes the vacation server', async () => {
    const run = await verify('vacation', 'vacation');
    expect(run.stderr).toBe('imported examples/vacation/generated/openapi.json: 4 endpoints\n');
    expect(run.stdout).toContain('all checks held');
    expect(run.status).toBe(0);
  });

  it('passes the ACH server with a token and finds its broken variant (money moved twice on a retry)', async () => {
    const only = ['--phases', 'properties', '--property', 'retryMovesMoneyOnce'];
    const token = ['--auth', 'BearerToken=test-token-not-secret'];
    const [clean, broken] = await Promise.all([
      verify('ach-payments', 'ach', ...only, ...token),
      verify('ach-payments', 'achBroken', ...only, ...token),
    ]);
    expect(clean.stderr).toBe(
      'imported examples/ach-payments/generated/openapi.json: 5 endpoints\n',
    );
    expect(clean.stdout).toContain('all checks held');
    expect(clean.stdout).not.toContain('test-token-not-secret');
    expect(clean.status).toBe(0);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/✗ property retryMovesMoneyOnce/);
  });

  it('passes the product-similarity server and finds its broken variant (a product among its own similar ones)', async () => {
    const only = ['--phases', 'properties', '--property', 'stableOrder'];
    const [clean, broken] = await Promise.all([
      verify('product-similarity', 'similarity', ...only),
      verify('product-similarity', 'similarityBroken', ...only),
    ]);
    expect(clean.stdout).toContain('all checks held');
    expect(clean.status).toBe(0);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('clause: all s in response: s.product.id != id');
  });

  it('refuses --impl with an OpenAPI document', async () => {
    const run = await runSpeclAsync(
      ['verify', 'examples/vacation/generated/openapi.json', '--impl', 'x.ts'],
      repoRoot,
    );
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'specl: an OpenAPI document is verified against a running server: use `--url <base>`, not `--impl`\n',
    });
  });
});
