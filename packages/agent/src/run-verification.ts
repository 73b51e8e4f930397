import { Worker } from 'node:worker_threads';
import type { VerifyReport } from '@specl/verify';
import type { VerificationJob, VerificationOutcome } from './verification-job.js';

/** How much of what the implementation prints is kept. */
const MAX_OUTPUT = 4000;

/** The environment the candidate code runs in: this process's, less every `ANTHROPIC_` variable. */
export function candidateEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        !entry[0].toUpperCase().startsWith('ANTHROPIC_') && entry[1] !== undefined,
    ),
  );
}

/**
 * Verifies a staged implementation in a worker thread, with the API key out of its
 * environment, and ends the worker when it outlives `timeoutMs` or `signal` aborts.
 */
export function runVerification(
  job: VerificationJob,
  options: { readonly timeoutMs: number; readonly signal?: AbortSignal },
): Promise<VerificationOutcome> {
  const started = performance.now();
  const worker = new Worker(new URL('./verify-worker.js', import.meta.url), {
    workerData: job,
    env: candidateEnvironment(),
    stdout: true,
    stderr: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    if (output.length < MAX_OUTPUT) output += chunk.toString('utf8');
  };
  worker.stdout.on('data', keep);
  worker.stderr.on('data', keep);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: { report?: VerifyReport; error?: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      const printed = output.length > MAX_OUTPUT ? `${output.slice(0, MAX_OUTPUT)}…` : output;
      resolve({ ...result, output: printed, durationMs: Math.round(performance.now() - started) });
    };
    const onAbort = () => finish({ error: 'the verification was interrupted' });
    const timer = setTimeout(
      () =>
        finish({
          error: `the verification did not finish within ${Math.round(options.timeoutMs / 1000)} s: a handler may loop forever or never answer`,
        }),
      options.timeoutMs,
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: { report?: VerifyReport; error?: string }) => finish(message));
    worker.on('error', (error) =>
      finish({ error: `the implementation threw outside a request: ${error.message}` }),
    );
    worker.on('exit', (code) =>
      finish({ error: `the implementation ended the verification (exit code ${code})` }),
    );
  });
}
