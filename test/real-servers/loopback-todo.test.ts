import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { buildSpec } from '@specl/compiler';
import { importOpenApi } from '@specl/import';
import type { Failure, SentEntry, VerifyReport } from '@specl/verify';
import { failuresOf, urlSource, verify } from '@specl/verify';
import { repoRoot, runSpeclAsync } from '../helpers/run-cli.js';

/**
 * A real server written by others, verified from its own OpenAPI document: LoopBack 4's todo
 * example (@loopback/example-todo 6.0.0, IBM), installed outside the repository by
 * scripts/install-loopback-todo.sh (which scripts/install-test-tools.sh runs) and started by
 * launch-loopback-todo.mjs on 127.0.0.1. The document is the one the server serves at
 * /openapi.json; `specl verify openapi.json --url` checks the server against it.
 *
 * What the verifier finds there are findings about that server, listed in
 * docs/verify-real-server.md, not failures of this test: the test asserts that they are real,
 * by replaying every failure the report lists (with the requests it kept, when it needed
 * earlier state) and seeing the server answer the same way again.
 */
const installed =
  process.env.SPECL_LOOPBACK_TODO ?? join(homedir(), '.cache/specl/loopback-todo-6.0.0');
const launcher = join(repoRoot, 'test/real-servers/loopback-todo/launch-loopback-todo.mjs');
const seed = 2;
/** The endpoints that write: where its crashes are (every endpoint in the full run, docs). */
const writing = 'todoControllerCreate,todoControllerReplaceById,todoControllerUpdateAll';

let server: ChildProcess;
let base: string;
let work: string;
let document: string;
let report: VerifyReport;
let run: { status: number | null; stdout: string; stderr: string };

function start(): Promise<string> {
  server = spawn(process.execPath, [launcher, installed], { stdio: ['pipe', 'pipe', 'pipe'] });
  let errors = '';
  server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  return new Promise((resolve, reject) => {
    server.stdout!.setEncoding('utf8').once('data', (line: string) => resolve(line.trim()));
    server.once('exit', (code) =>
      reject(new Error(`the LoopBack server exited (${code}): ${errors}`)),
    );
  });
}

beforeAll(async () => {
  if (!existsSync(join(installed, 'node_modules/@loopback/example-todo/dist/application.js')))
    throw new Error(
      `LoopBack's todo example is not installed in ${installed}: run bash scripts/install-test-tools.sh`,
    );
  base = await start();
  work = mkdtempSync(join(tmpdir(), 'specl-loopback-'));
  document = join(work, 'openapi.json');
  const served = await fetch(`${base}/openapi.json`);
  writeFileSync(document, await served.text());
  const args = ['verify', document, '--url', base, '--seed', String(seed), '--runs', '40'];
  run = await runSpeclAsync(
    [...args, '--phases', 'endpoints,negative', '--endpoint', writing, '--reporter', 'json'],
    work,
  );
  report = JSON.parse(run.stdout) as VerifyReport;
}, 120_000);

afterAll(() => {
  server?.kill('SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

async function importedIr(): Promise<SpecIR> {
  const { text } = await importOpenApi(document, 'openapi.json');
  const virtual = '/specl-import/imported.specl';
  const build = await buildSpec({ files: { [virtual]: text }, root: virtual });
  if (!build.ir) throw new Error(`the served document does not import: ${build.problem}`);
  return build.ir;
}

const statusOf = (failure: Failure) => failure.exchanges.at(-1)?.response?.status;

describe('LoopBack 4 todo example, verified from the OpenAPI document it serves', () => {
  it('imports the served document and finds its crashes, listed in the JSON report', () => {
    expect(run.stderr).toMatch(/^imported openapi\.json: 8 endpoints, \d+ warnings/);
    expect(run.status).toBe(1);
    const found = report.checks.flatMap((check) =>
      failuresOf(check).map((f) => [check.name, f.kind, statusOf(f), f.exchanges.at(-1)?.sent]),
    );
    // Not only answers the document forgot to declare (404, 422): crashes and a wrong accept.
    // PUT /todos/0 crashes: the in-memory connector takes the id 0 for no id at all.
    expect(found).toContainEqual([
      'endpoint todoControllerReplaceById',
      'status',
      500,
      expect.objectContaining({ method: 'PUT', request: expect.objectContaining({ id: 0 }) }),
    ]);
    // A JSON `null` body crashes POST /todos, and PATCH /todos accepts it (200).
    expect(found).toContainEqual([
      'endpoint todoControllerCreate with requests that break the spec',
      'negative',
      500,
      expect.objectContaining({ method: 'POST', request: { body: null } }),
    ]);
    expect(found).toContainEqual([
      'endpoint todoControllerUpdateAll with requests that break the spec',
      'negative',
      200,
      expect.objectContaining({ method: 'PATCH', request: { body: null } }),
    ]);
  });

  it('finds faults that are real: every failure, replayed, gets the same answer again', async () => {
    const ir = await importedIr();
    const source = urlSource(base, 10_000);
    const failures = report.checks.flatMap((check) => failuresOf(check));
    expect(failures.length).toBeGreaterThan(5);
    for (const failure of failures) {
      const replayed = await verify({
        ir,
        source,
        seed: failure.seed,
        replay: failure.replay,
        ...(failure.history && { history: failure.history as SentEntry[] }),
      });
      const again = replayed.checks.flatMap((check) => failuresOf(check));
      expect(again.map((f) => [f.kind, f.message, statusOf(f)])).toEqual([
        [failure.kind, failure.message, statusOf(failure)],
      ]);
    }
  }, 120_000);
});
