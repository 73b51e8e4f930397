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
 * Verifies staged implementations in a worker thread, one job at a time, with the API key out
 * of the worker's environment. The worker is kept between jobs (loading the verifier takes
 * seconds), and ended when a job outlives its time limit, the signal aborts, or {@link close}.
 */
export class VerificationWorker {
  private worker: Worker | undefined;
  private output = '';

  private start(): Worker {
    const worker = new Worker(new URL('./verify-worker.js', import.meta.url), {
      env: candidateEnvironment(),
      stdout: true,
      stderr: true,
    });
    const keep = (chunk: Buffer) => {
      if (this.output.length <= MAX_OUTPUT) this.output += chunk.toString('utf8');
    };
    worker.stdout.on('data', keep);
    worker.stderr.on('data', keep);
    worker.unref();
    return worker;
  }

  /** Runs one verification; never throws: a failure to run is the outcome's `error`. */
  run(
    job: VerificationJob,
    options: { readonly timeoutMs: number; readonly signal?: AbortSignal },
  ): Promise<VerificationOutcome> {
    const started = performance.now();
    const worker = (this.worker ??= this.start());
    this.output = '';
    return new Promise((resolve) => {
      const finish = (result: { report?: VerifyReport; error?: string }, end: boolean) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (end) this.close();
        const printed =
          this.output.length > MAX_OUTPUT ? `${this.output.slice(0, MAX_OUTPUT)}…` : this.output;
        resolve({
          ...result,
          output: printed,
          durationMs: Math.round(performance.now() - started),
        });
      };
      const onMessage = (message: { report?: VerifyReport; error?: string }) =>
        finish(message, false);
      const onError = (error: Error) =>
        finish({ error: `the implementation threw outside a request: ${error.message}` }, true);
      const onExit = (code: number) => {
        this.worker = undefined;
        finish({ error: `the implementation ended the verification (exit code ${code})` }, false);
      };
      const onAbort = () => finish({ error: 'the verification was interrupted' }, true);
      const timer = setTimeout(
        () =>
          finish(
            {
              error: `the verification did not finish within ${Math.round(options.timeoutMs / 1000)} s: a handler may loop forever or never answer`,
            },
            true,
          ),
        options.timeoutMs,
      );
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job);
    });
  }

  /** Ends the worker. */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
