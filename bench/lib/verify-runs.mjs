// What bench/verify.mjs measures: one `specl verify` child process (in process or against a
// server over loopback), its JSON report read for what it did, and the example's node:http
// server started as a child of its own.
import { join } from 'node:path';
import { startExampleServer } from '../../scripts/example-server.mjs';
import { runNode, vmHWM } from './run-node.mjs';

/**
 * Starts an example's server (scripts/example-server.mjs); `stop()` ends it and answers its
 * peak RSS (KiB, from /proc on Linux; null elsewhere).
 */
export async function startServer(module, cwd) {
  const server = await startExampleServer(module, cwd);
  return {
    base: server.base,
    stop: async () => {
      const peakKiB = vmHWM(server.pid);
      await server.stop();
      return peakKiB;
    },
  };
}

/**
 * Runs `specl verify <spec> <target...> --runs <runs> --reporter json` as a measured child and
 * answers its wall time, CPU, peak RSS and what the report says it did: checks, runs (one
 * generated input or call sequence each), requests answered (every status counted in the
 * coverage) and the verifier's own duration and CPU time (without Node's start-up); `phases`
 * (a --phases list) runs only those.
 */
export async function measureVerify({ cli, spec, target, runs, root, workDir, phases }) {
  const only = phases ? ['--phases', phases] : [];
  const result = await runNode(
    [cli, 'verify', spec, ...target, '--runs', String(runs), ...only, '--reporter', 'json'],
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
    verifyCpuMs: report.cpuMs,
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
