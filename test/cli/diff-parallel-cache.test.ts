// `specl diff` checks large versions in two threads at once and, with --cache, keeps them in
// .specl/cache: the report must be byte-identical whichever path built the versions.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { evolveSpec } from '../../bench/lib/gen-diff-spec.mjs';
import { generateSpec } from '../../bench/lib/gen-spec.mjs';
import { repoRoot, runSpecl, tempProject } from '../helpers/run-cli.js';

const N = 50;
const before = generateSpec(N);
const after = evolveSpec(before, N).text;

describe('specl diff in two threads and from the cache', () => {
  it('ships the worker program in the bundle, where the pipeline finds it', async () => {
    // A worker that cannot start leaves its spec to the main thread (the same report, only
    // slower): run the bundle's worker program itself.
    const worker = new Worker(join(repoRoot, 'cli/dist/bundle/build-spec-worker.js'), {
      workerData: { files: { '/api/old.specl': before }, root: '/api/old.specl', record: false },
    });
    const message = await new Promise<{ kind: string; ir?: { kind: string } }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      },
    );
    await worker.terminate();
    expect(message.kind).toBe('lowered');
    expect(message.ir?.kind).toBe('json');
  });

  it('prints the same report serially, in parallel and from the cache', () => {
    const cwd = tempProject({ 'old.specl': before, 'new.specl': after });
    const args = ['diff', 'old.specl', 'new.specl', '--format', 'json'];
    const serial = runSpecl(args, cwd, { SPECL_PARALLEL: '0' });
    expect(serial.stderr).toBe('');
    expect(JSON.parse(serial.stdout).changes.length).toBeGreaterThan(0);
    expect(runSpecl(args, cwd, { SPECL_PARALLEL: '1' })).toStrictEqual(serial);
    expect(runSpecl([...args, '--parallel'], cwd)).toStrictEqual(serial);
    expect(runSpecl([...args, '--cache'], cwd)).toStrictEqual(serial);
    expect(readdirSync(join(cwd, '.specl/cache'))).toHaveLength(2);
    expect(runSpecl([...args, '--cache'], cwd, { SPECL_PARALLEL: '1' })).toStrictEqual(serial);
  });

  it('prints the same report for a git side serially and in parallel', () => {
    const cwd = tempProject({ 'api.specl': before });
    const git = (...args: string[]) => {
      const result = spawnSync(
        'git',
        ['-c', 'user.name=Specl Test', '-c', 'user.email=test@specl.dev', ...args],
        {
          cwd,
          encoding: 'utf8',
          env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
        },
      );
      expect(result.status, result.stderr).toBe(0);
    };
    git('init', '-q');
    git('add', 'api.specl');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'one');
    writeFileSync(join(cwd, 'new.specl'), after);
    const args = ['diff', 'git:HEAD:api.specl', 'new.specl', '--format', 'markdown'];
    const serial = runSpecl(args, cwd, { SPECL_PARALLEL: '0' });
    expect(serial.stderr).toBe('');
    expect(serial.stdout).toContain('breaking');
    expect(runSpecl(args, cwd, { SPECL_PARALLEL: '1' })).toStrictEqual(serial);
  });
});
