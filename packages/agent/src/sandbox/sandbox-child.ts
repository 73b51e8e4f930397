// The process model-written code runs in: started by the agent inside the sandbox, with no
// secret in its environment. It reads one verification job from stdin, loads the bundled
// candidate, runs the verifier, and writes the report as JSON to file descriptor 3, with the
// job's nonce (which the candidate never sees) so that the agent can tell it from a forgery.
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { sourceOfModule, verify } from '@specl/verify';
import type { SandboxJob } from './sandbox-job.js';

/** Report values as JSON: what the model's code answered may hold anything. */
const plain = (value: unknown) =>
  JSON.stringify(value, (_, inner: unknown) =>
    typeof inner === 'bigint' ? `${inner}n` : typeof inner === 'function' ? '[function]' : inner,
  );

async function readJob(): Promise<SandboxJob> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as SandboxJob;
}

const answer = (text: string) =>
  new Promise<void>((resolve) => {
    const out = createWriteStream('', { fd: 3 });
    out.end(text, () => resolve());
  });

async function main() {
  const job = await readJob();
  // Known to this function only: the candidate cannot forge an answer that carries it.
  const nonce = job.nonce;
  let result: string;
  try {
    const module = (await import(pathToFileURL(job.bundle).href)) as Record<string, unknown>;
    const report = await verify({
      ir: job.ir,
      source: sourceOfModule(module, job.module),
      contractsModule: job.contractsModule,
      runs: job.runs,
      ...(job.seed !== undefined && { seed: job.seed }),
      ...(job.endpoints !== undefined && { endpoints: job.endpoints }),
      ...(job.properties !== undefined && { properties: job.properties }),
    });
    result = `{"nonce":${JSON.stringify(nonce)},"report":${plain(report)}}`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = JSON.stringify({ nonce, error: message.split(job.bundle).join(job.module) });
  }
  await answer(result);
  process.exit(0);
}

void main();
