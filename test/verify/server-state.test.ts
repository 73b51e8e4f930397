import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResetFailed, formatJunitReport, resetOf, withReset } from '@specl/verify';
import { runSpeclAsync } from '../helpers/run-cli.js';
import {
  httpSource,
  repoRoot,
  vacationServer,
  verifyVacation,
  withServer,
} from './verify-helpers.js';

/**
 * The vacation server with a fault that needs earlier state: the 7th employee ever created
 * (over all runs) gets a 500. `POST /__reset` forgets everything, and counts the resets.
 */
function seventhCrashes() {
  const state = { created: 0, resets: 0, inner: vacationServer() };
  const server: Server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/__reset') {
      state.created = 0;
      state.resets++;
      state.inner = vacationServer();
      return response.writeHead(204).end();
    }
    if (request.method === 'POST' && request.url === '/employees' && ++state.created === 7)
      return response
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"message":"sequence exhausted"}');
    state.inner.emit('request', request, response);
  });
  return { server, state };
}

const only = { phases: ['endpoints' as const], endpoints: ['createEmployee'], runs: 20, seed: 1 };

describe('failures that need earlier state, and --reset', () => {
  it('marks a failure the run alone no longer shows, keeps the requests before it, and replays them', async () => {
    const { server } = seventhCrashes();
    const report = await withServer(server, (base) => verifyVacation(httpSource(base), only));
    const failure = report.checks[0]!.failures![0]!;
    expect(failure.message).toMatch(/^POST \/employees answered 500/);
    expect(failure.needsState).toBe(true);
    expect(failure.history!.map((entry) => entry.endpoint)).toEqual(
      Array(6).fill('createEmployee'),
    );
    expect(failure.exchanges.at(-1)!.response!.status).toBe(500);
    expect(formatJunitReport(report, (at) => at)).toContain('needs earlier state: the run alone');
    // Replayed alone on a fresh server, it passes; after its history, it fails again.
    const fresh = () => seventhCrashes().server;
    const alone = await withServer(fresh(), (base) =>
      verifyVacation(httpSource(base), { seed: failure.seed, replay: failure.replay }),
    );
    expect(alone.ok).toBe(true);
    const replayed = await withServer(fresh(), (base) =>
      verifyVacation(httpSource(base), {
        seed: failure.seed,
        replay: failure.replay,
        history: failure.history!,
      }),
    );
    expect(replayed.checks[0]!.failures!.map((f) => f.message)).toEqual([failure.message]);
  });

  it('resets the server (a POST to a URL) before every run: the fault never builds up', async () => {
    const { server, state } = seventhCrashes();
    const report = await withServer(server, (base) =>
      verifyVacation(withReset(httpSource(base), resetOf(`${base}/__reset`)), only),
    );
    expect(report.ok).toBe(true);
    expect(state.resets).toBe(20);
    expect(report.target).toMatch(/\(reset before each run\)$/);
  });

  it('resets with a command, and stops (unreachable) when the reset fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specl-reset-'));
    const marks = join(dir, 'marks');
    writeFileSync(marks, '');
    const { server } = seventhCrashes();
    await withServer(server, async (base) => {
      const counted = await verifyVacation(
        withReset(httpSource(base), resetOf(`echo reset >> '${marks}'`)),
        { ...only, runs: 5 },
      );
      expect(counted.ok).toBe(true);
      expect(readFileSync(marks, 'utf8')).toBe('reset\n'.repeat(5));
      const failing = verifyVacation(
        withReset(httpSource(base), resetOf('echo no database >&2; exit 3')),
        only,
      );
      await expect(failing).rejects.toThrow(ResetFailed);
      await expect(failing).rejects.toThrow(
        'the reset command `echo no database >&2; exit 3` exited with 3: no database',
      );
      await expect(
        verifyVacation(withReset(httpSource(base), resetOf(`${base}/nowhere`)), only),
      ).rejects.toThrow(`the reset POST ${base}/nowhere answered 404, not 2xx`);
    });
  });

  it('replays from the command line with --history and the JSON report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specl-history-'));
    const reportFile = join(dir, 'report.json');
    const spec = 'examples/vacation/vacation.specl';
    const args = ['verify', spec, '--phases', 'endpoints', '--endpoint', 'createEmployee'];
    const first = await withServer(seventhCrashes().server, (base) =>
      runSpeclAsync(
        [
          ...args,
          '--url',
          base,
          '--runs',
          '20',
          '--seed',
          '1',
          '--reporter',
          'json',
          '--output',
          reportFile,
        ],
        repoRoot,
      ),
    );
    expect(first.status).toBe(1);
    const failure = (
      JSON.parse(readFileSync(reportFile, 'utf8')) as {
        checks: { failures: { seed: number; replay: string; needsState: boolean }[] }[];
      }
    ).checks[0]!.failures[0]!;
    expect(failure.needsState).toBe(true);
    const replay = ['--seed', String(failure.seed), '--replay', failure.replay];
    const again = await withServer(seventhCrashes().server, (base) =>
      runSpeclAsync([...args, '--url', base, ...replay, '--history', reportFile], repoRoot),
    );
    expect(again.stdout).toMatch(/POST \/employees answered 500/);
    expect(again.status).toBe(1);
    const misuse = await runSpeclAsync(
      [...args, '--url', 'http://127.0.0.1:9', '--history', reportFile],
      repoRoot,
    );
    expect(misuse.stderr).toContain('give --replay too');
    expect(misuse.status).toBe(2);
  });
});
