// The program of a build worker (see `buildSpecs`): builds one spec with `buildSpec`, the one
// pipeline entry, and hands its IR back to the parent. Reads go through the parent when it
// holds the reader (a git commit); otherwise from disk, as `buildSpec` reads.
import { parentPort, workerData } from 'node:worker_threads';
import { readSpecFromDisk } from '@specl/language/node';
import { buildSpec } from './build-spec.js';
import { isLowered } from './spec-build.js';
import { packIR } from './ir-transport.js';
import { recordingReader } from './spec-cache.js';
import type { ParentMessage, WorkerInput, WorkerMessage } from './spec-worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('build-spec-worker runs as a worker thread of buildSpecs');

const input = workerData as WorkerInput;

const pending = new Map<number, { resolve: (text?: string) => void; reject: (e: Error) => void }>();
let nextId = 0;
port.on('message', (message: ParentMessage) => {
  const waiting = pending.get(message.id);
  if (!waiting) return;
  pending.delete(message.id);
  if (message.error !== undefined) waiting.reject(new Error(message.error));
  else waiting.resolve(message.text);
});

function readThroughParent(path: string): Promise<string | undefined> {
  if (!('files' in input) && path === input.root && input.rootText !== undefined) {
    return Promise.resolve(input.rootText);
  }
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    port!.postMessage({ kind: 'read', id, path } satisfies WorkerMessage);
  });
}

const recorder =
  !('files' in input) && input.record
    ? recordingReader(input.readThroughParent ? readThroughParent : readSpecFromDisk)
    : undefined;
const build = await buildSpec(
  'files' in input
    ? input
    : recorder
      ? { root: input.root, read: recorder.read }
      : { root: input.root, ...(input.readThroughParent ? { read: readThroughParent } : {}) },
);
const answer: WorkerMessage = isLowered(build)
  ? {
      kind: 'lowered',
      stage: build.stage,
      diagnostics: build.diagnostics,
      ir: packIR(build.ir),
      ...(recorder ? { files: recorder.files() } : {}),
    }
  : { kind: 'not-lowered' };
port.postMessage(answer);
port.close();
