import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import { achServer } from '../../examples/ach-payments/server/http-server.js';
import { similarityServer } from '../../examples/product-similarity/server/http-server.js';
import { repoRoot, runSpecl, runSpeclAsync, tempProject } from '../helpers/run-cli.js';
import { withServer } from '../verify/verify-helpers.js';
import { example, verifyExample } from './example-helpers.js';

/**
 * Per example: its server, its checks, and the clauses valid requests cannot exercise (the
 * verifier sends only requests of their types, so an error declared for invalid input, such as
 * a transfer from an account to itself, is never answered).
 */
const examples: {
  name: string;
  server: () => Server;
  checks: string[];
  unexercisable: string[];
  env: Record<string, string>;
}[] = [
  {
    name: 'ach-payments',
    server: () => achServer(),
    checks: [
      'endpoint createTransfer',
      'endpoint getAccount',
      'endpoint getTransfer',
      'endpoint listTransfers',
      'endpoint openAccount',
      'endpoint createTransfer without credentials',
      'endpoint getAccount without credentials',
      'endpoint getTransfer without credentials',
      'endpoint listTransfers without credentials',
      'endpoint openAccount without credentials',
      'property historyIsComplete',
      'property moneyIsConserved',
      'property noOverdraft',
      'property retryMovesMoneyOnce',
      'property reusedKeyIsRefused',
      'property transfersAreRecorded',
      'stateful: call sequences',
    ],
    unexercisable: ['createTransfer 400 InvalidTransfer'],
    // Every endpoint needs a bearer token: the HTTP run passes one, as a user would.
    env: { SPECL_AUTH_BEARER_TOKEN: 'example-token' },
  },
  {
    name: 'product-similarity',
    server: () => similarityServer(),
    checks: [
      'endpoint addProduct',
      'endpoint getPhoto',
      'endpoint getProduct',
      'endpoint health',
      'endpoint similarProducts',
      'endpoint uploadPhoto',
      'property photoRoundTrip',
      'property priceFiltersHonoured',
      'property stableOrder',
      'property twinRanksFirst',
      'stateful: call sequences',
    ],
    unexercisable: [],
    env: {},
  },
];

describe.each(examples)('the $name example', ({ name, server, checks, unexercisable, env }) => {
  const { spec, impl } = example(name);

  it('checks with no problems, not even a warning', () => {
    const run = runSpecl(['check', spec], repoRoot);
    expect(run.stdout).toBe('1 file checked: no problems found\n');
    expect(run.status).toBe(0);
  });

  it('compiles to OpenAPI, types and properties', () => {
    const out = join(tempProject({}), 'out');
    const run = runSpecl(['compile', spec, '--out', out], repoRoot);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const file of ['openapi.json', 'types.ts', 'properties.ts'])
      expect(existsSync(join(out, file)), file).toBe(true);
    const openapi = JSON.parse(readFileSync(join(out, 'openapi.json'), 'utf8'));
    expect(openapi.openapi).toBe('3.1.0');
  });

  it('verifies clean in process, every check run and every clause exercised', async () => {
    const report = await verifyExample(spec, impl);
    expect(report.checks.map((check) => [check.name, check.status])).toEqual(
      checks.map((check) => [check, 'passed']),
    );
    const never = report.coverage.filter((entry) => entry.exercised === 0).map((e) => e.name);
    expect(never).toEqual(unexercisable);
    expect(report.coverage.every((entry) => entry.held === entry.exercised)).toBe(true);
  });

  it('verifies clean over HTTP against its node:http server', async () => {
    const endpoints = checks
      .filter((check) => /^endpoint \w+$/.test(check) && check !== 'endpoint health')
      .map((check) => check.slice('endpoint '.length));
    const run = await withServer(server(), (base) =>
      runSpeclAsync(['verify', spec, '--url', base, '--runs', '20'], repoRoot, env),
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^verifying .* against http:\/\/127\.0\.0\.1:\d+\n/);
    for (const check of checks)
      expect(run.stdout).toContain(`✓ ${check} (${check.endsWith('credentials') ? 1 : 20} runs)`);
    for (const secret of Object.values(env)) expect(run.stdout).not.toContain(secret);
    // Over HTTP the negative phase sends invalid requests too: every endpoint with parameters
    // or a body (all but a health check) refuses them (4xx), and so the errors declared for
    // invalid input are exercised as well.
    for (const endpoint of endpoints)
      expect(run.stdout).toMatch(
        new RegExp(`✓ endpoint ${endpoint} with requests that break the spec \\(20 runs`),
      );
    expect(run.stdout).toMatch(/all checks held \(\d+\.\d s\)\n$/);
    expect(run.status).toBe(0);
  });
});
