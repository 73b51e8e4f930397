// Runs a Node child with rss-preload.cjs, in the environment of child-env.mjs (without
// NODE_EXTRA_CA_CERTS), and measures it: wall time, peak RSS and CPU time, with
// a timeout. When the child dies before its exit handlers run (killed at the timeout, out of
// memory), the peak RSS falls back to the last VmHWM read from /proc/<pid>/status (Linux), so a
// crash still has a memory figure (a lower bound: it is sampled every 250 ms).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from './child-env.mjs';

const PRELOAD = join(fileURLToPath(new URL('.', import.meta.url)), 'rss-preload.cjs');
const MAX_OUTPUT = 64 * 1024 * 1024;

let sequence = 0;

/** Peak resident set size of a live process, KiB (Linux); null elsewhere or once it is gone. */
export function vmHWM(pid) {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * @param {string[]} args arguments after `node --require rss-preload.cjs`
 * @param {{ cwd: string, workDir: string, timeoutMs?: number, env?: Record<string, string> }} options
 * @returns {Promise<{ ms: number, peakKiB: number | null, cpuMs: number | null, status: number | null,
 *   signal: string | null, timedOut: boolean, stdout: string, stderr: string, error?: Error }>}
 */
export function runNode(args, { cwd, workDir, timeoutMs = 600_000, env = {} }) {
  const rssFile = join(workDir, `usage-${process.pid}-${++sequence}.json`);
  rmSync(rssFile, { force: true });
  return new Promise((resolve) => {
    const out = { stdout: [], stderr: [], size: 0 };
    let sampled = null;
    let timedOut = false;
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', PRELOAD, ...args], {
      cwd,
      env: childEnv({ NO_COLOR: '1', FORCE_COLOR: '0', SPECL_BENCH_RSS_FILE: rssFile, ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of ['stdout', 'stderr']) {
      child[stream].on('data', (chunk) => {
        out.size += chunk.length;
        if (out.size < MAX_OUTPUT) out[stream].push(chunk);
      });
    }
    const poll = setInterval(() => {
      const kib = vmHWM(child.pid);
      if (kib != null) sampled = Math.max(sampled ?? 0, kib);
    }, 250);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    let done = false;
    const finish = (status, signal, error) => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      let usage = {};
      try {
        usage = JSON.parse(readFileSync(rssFile, 'utf8'));
      } catch {
        // no figures: the child died before its exit handlers ran
      }
      rmSync(rssFile, { force: true });
      resolve({
        ms,
        peakKiB: Number.isFinite(usage.maxRSS) ? usage.maxRSS : sampled,
        cpuMs: Number.isFinite(usage.cpuMicros) ? usage.cpuMicros / 1000 : null,
        status,
        signal,
        timedOut,
        stdout: Buffer.concat(out.stdout).toString('utf8'),
        stderr: Buffer.concat(out.stderr).toString('utf8'),
        error,
      });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (status, signal) => finish(status, signal));
  });
}
