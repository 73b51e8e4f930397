// Runs `specl proxy` as a user would (the built CLI, a process of its own) and collects what it
// prints: the JSON lines of its violations, and its last line once stopped.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../helpers/run-cli.js';

/** One violation line of `--log json`. */
export interface ViolationLine {
  readonly endpoint: string;
  readonly side: string;
  readonly action: string;
  readonly kind: string;
  readonly clause?: string;
  readonly at: string;
  readonly method: string;
  readonly url: string;
  readonly detail: string;
}

/** A running proxy process. */
export interface ProxyProcess {
  readonly url: string;
  readonly violations: () => ViolationLine[];
  /**
   * The first violation `matches` accepts, once printed: the proxy forwards an answer before
   * it checks it (in observe mode), so its report may come just after the answer. Rejects
   * after 10 s with what was printed.
   */
  readonly violation: (matches: (line: ViolationLine) => boolean) => Promise<ViolationLine>;
  readonly output: () => string;
  /** Sends SIGTERM and answers everything it printed, and its exit code. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `specl proxy <args> --listen 127.0.0.1:0 --log json` and waits until it listens. */
export function startProxy(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<ProxyProcess> {
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'cli/bin/specl.js'),
      'proxy',
      ...args,
      '--listen',
      '127.0.0.1:0',
      '--log',
      'json',
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`specl proxy did not listen within 120 s:\n${stdout}${stderr}`));
    }, 120_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`specl proxy exited (${code}) before it listened:\n${stdout}${stderr}`));
    });
    const violations = () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as ViolationLine);
    const watch = () => {
      const match = /listening on (http:\/\/\S+?),/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', watch);
      resolve({
        url: match[1]!,
        output: () => stdout,
        violations,
        violation: async (matches) => {
          for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
            const found = violations().find(matches);
            if (found) return found;
            await new Promise((done) => setTimeout(done, 10));
          }
          throw new Error(`no such violation was reported; the proxy printed:\n${stdout}`);
        },
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          const code = await exited;
          return { code, stdout, stderr };
        },
      });
    };
    child.stdout.on('data', watch);
  });
}

/** Listens on a free port of 127.0.0.1 and answers the base URL. */
export async function listenLocal(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A server that records every request reaching it, then lets `inner` answer it. */
export function countingServer(inner: Server): { server: Server; hits: string[] } {
  const hits: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    hits.push(`${req.method} ${req.url}`);
    inner.emit('request', req, res);
  });
  return { server, hits };
}

/** Closes a server and every connection it holds. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

/** Runs `specl <args>` to its end (at most 150 s: the verifier is slow on a shared machine). */
export function runSpeclSlowly(
  args: readonly string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'cli/bin/specl.js'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 150_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
