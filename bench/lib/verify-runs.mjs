// What bench/verify.mjs measures: one `specl verify` child process (in process or against a
// server over loopback), its JSON report read for what it did, and the example's node:http
// server started as a child of its own.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNode } from './run-node.mjs';

/** Peak resident set size of a live process, KiB (Linux); null elsewhere. */
function vmHWM(pid) {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Starts `node --import tsx <module> 0` (an example's server) and waits for its
 * "listening on <url>" line. `stop()` ends it and answers its peak RSS (KiB).
 */
export function startServer(module, cwd) {
  const child = spawn(process.execPath, ['--import', 'tsx', module, '0'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${module} did not listen within 30 s:\n${output}`));
    }, 30_000);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        base: match[1],
        stop: () =>
          new Promise((done) => {
            const peakKiB = vmHWM(child.pid);
            child.once('exit', () => done(peakKiB));
            child.kill();
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${module} exited (${code}) before it listened:\n${output}`));
    });
  });
}

/**
 * Runs `specl verify <spec> <target...> --runs <runs> --reporter json` as a measured child and
 * answers its wall time, CPU, peak RSS and what the report says it did: checks, runs (one
 * generated input or call sequence each), requests answered (every status counted in the
 * coverage) and the verifier's own duration (without Node's start-up).
 */
export async function measureVerify({ cli, spec, target, runs, root, workDir }) {
  const result = await runNode(
    [cli, 'verify', spec, ...target, '--runs', String(runs), '--reporter', 'json'],
    {
      cwd: root,
      workDir,
    },
  );
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(
      `specl verify ${spec} ${target.join(' ')} wrote no JSON report:\n${result.stdout}${result.stderr}`,
    );
  }
  if (result.status !== 0 || !report.ok)
    throw new Error(
      `specl verify ${spec} ${target.join(' ')} did not pass (exit ${result.status})`,
    );
  const requests = report.coverage
    .filter((entry) => entry.kind === 'status')
    .reduce((sum, entry) => sum + entry.exercised, 0);
  return {
    wallMs: result.ms,
    cpuMs: result.cpuMs,
    peakKiB: result.peakKiB,
    verifyMs: report.durationMs,
    checks: report.checks.length,
    runs: report.checks.reduce((sum, check) => sum + check.runs, 0),
    requests,
  };
}

/** An example's files, relative to the repository: examples/<name>/<name>.specl and so on. */
export function exampleFiles(name) {
  const folder = join('examples', name);
  return {
    spec: join(folder, `${name}.specl`),
    impl: join(folder, 'impl', 'handlers.ts'),
    server: join(folder, 'server', 'http-server.ts'),
  };
}
