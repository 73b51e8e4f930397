import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository root. */
export const repoRoot = resolve(import.meta.dirname, '../..');

/** The result of running the real `specl` binary. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `specl` (the built binary, as a user would) in `cwd` with the given arguments. */
export function runSpecl(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): CliRun {
  const result = spawnSync(process.execPath, [join(repoRoot, 'cli/bin/specl.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Creates a temporary folder holding the given files (paths relative to it). */
export function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'specl-test-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

/**
 * Runs `specl` without blocking this process, so that a server the test runs in process can
 * answer the command's requests.
 */
export function runSpeclAsync(
  args: readonly string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  started?: (child: ChildProcess) => void,
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'cli/bin/specl.js'), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
      timeout: 60_000,
    });
    started?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
}
