// The verifications of a run, in a worker thread of their own: code the model wrote may loop
// or never answer, and the agent then ends the worker at its time limit. The worker answers
// one job at a time; each job loads the candidate module afresh.
import { parentPort } from 'node:worker_threads';
import { implementationSource, verify } from '@specl/verify';
import type { VerificationJob } from './verification-job.js';

/** Report values as JSON: what the model's code answered may not survive structured cloning. */
function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_, inner: unknown) =>
      typeof inner === 'bigint' ? `${inner}n` : typeof inner === 'function' ? '[function]' : inner,
    ),
  );
}

parentPort!.on('message', async (job: VerificationJob) => {
  try {
    const source = await implementationSource(job.module);
    const report = await verify({
      ir: job.ir,
      source,
      runs: job.runs,
      ...(job.seed !== undefined && { seed: job.seed }),
      ...(job.endpoints !== undefined && { endpoints: job.endpoints }),
    });
    parentPort!.postMessage({ report: plain(report) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
