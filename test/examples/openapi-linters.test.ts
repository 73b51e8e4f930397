import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

// The compiled OpenAPI of every example passes the two most used OpenAPI linters with no
// errors: Redocly CLI (`recommended` ruleset) and Spectral (`spectral:oas`). Both are pinned
// devDependencies and run offline.

const run = promisify(execFile);
const bin = (name: string) => join(repoRoot, 'node_modules/.bin', name);
const examples = ['ach-payments', 'product-similarity', 'vacation'];
const offline = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_COLOR: '1',
};

/** Runs a linter; it exits non-zero when it finds errors, and its output says which. */
async function lint(file: string, args: readonly string[]): Promise<string> {
  try {
    return (await run(file, args, { env: offline, cwd: repoRoot, timeout: 60_000 })).stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    if (failed.stdout === undefined) throw error;
    return failed.stdout;
  }
}

const openapiOf = (name: string) => join(repoRoot, 'examples', name, 'generated/openapi.json');

interface Found {
  readonly source: string;
  readonly severity: string | number;
}

/** Each linter runs once over every example (each start costs seconds). */
let redocly: Found[] = [];
let spectral: Found[] = [];
beforeAll(async () => {
  const files = examples.map(openapiOf);
  type RedoclyReport = {
    problems: { severity: string; location: { source: { ref: string } }[] }[];
  };
  // Redocly writes one JSON report per run: one run per file, side by side.
  const [spectralOut, ...redoclyOuts] = await Promise.all([
    lint(bin('spectral'), [
      'lint',
      '--ruleset',
      join(repoRoot, 'test/examples/spectral-oas.yaml'),
      '--format',
      'json',
      '--quiet',
      ...files,
    ]),
    ...files.map((file) =>
      lint(bin('redocly'), ['lint', '--extends', 'recommended', '--format', 'json', file]),
    ),
  ]);
  redocly = redoclyOuts.flatMap((out, i) =>
    (JSON.parse(out) as RedoclyReport).problems.map((p) => ({
      source: files[i]!,
      severity: p.severity,
    })),
  );
  spectral = JSON.parse(spectralOut === '' ? '[]' : spectralOut) as Found[];
}, 120_000);

describe.each(examples)('the compiled OpenAPI of %s', (name) => {
  const mine = (found: Found) => found.source.endsWith(`${name}/generated/openapi.json`);

  it('passes Redocly CLI lint (recommended) with no errors', () => {
    expect(redocly.filter((p) => mine(p) && p.severity === 'error')).toEqual([]);
  });

  it('passes Spectral (spectral:oas) with no errors', () => {
    // Severity 0 is an error in Spectral's JSON output.
    expect(spectral.filter((p) => mine(p) && p.severity === 0)).toEqual([]);
  });
});

describe('the linters are live', () => {
  it('read every example and find the errors of a document that breaks their rules', async () => {
    // Both saw the examples (warnings at least), so an empty list of errors means something.
    for (const name of examples) {
      expect(redocly.some((p) => p.source.endsWith(`${name}/generated/openapi.json`))).toBe(true);
      expect(spectral.some((p) => p.source.endsWith(`${name}/generated/openapi.json`))).toBe(true);
    }
    const broken = join(repoRoot, 'test/fixtures/lint-broken-openapi.json');
    const redoclyBroken = JSON.parse(
      await lint(bin('redocly'), ['lint', '--extends', 'recommended', '--format', 'json', broken]),
    ) as { totals: { errors: number } };
    expect(redoclyBroken.totals.errors).toBeGreaterThan(0);
    const spectralBroken = JSON.parse(
      await lint(bin('spectral'), [
        'lint',
        '--ruleset',
        join(repoRoot, 'test/examples/spectral-oas.yaml'),
        '--format',
        'json',
        '--quiet',
        broken,
      ]),
    ) as { severity: number }[];
    expect(spectralBroken.filter((p) => p.severity === 0).length).toBeGreaterThan(0);
  });
});
