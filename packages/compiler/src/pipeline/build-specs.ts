import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SpecDiagnostic } from '@specl/language';
import type { ReadSpecFile } from '@specl/language/node';
import { readSpecFromDisk } from '@specl/language/node';
import type { SpecIR } from '../ir/spec-ir.js';
import type { SpecFiles, SpecSources } from './build-spec.js';
import { buildSpec } from './build-spec.js';
import { inspectIR, unpackIR } from './ir-transport.js';
import type { JsonIR, SpecCache } from './spec-cache.js';
import { recordingReader, specCache } from './spec-cache.js';
import type { SpecBuild } from './spec-build.js';
import { isLowered } from './spec-build.js';
import type { ParentMessage, WorkerInput, WorkerMessage } from './spec-worker-protocol.js';

/**
 * A spec that checked clean and lowered, as `buildSpecs` hands it over: its IR and diagnostics
 * (warnings), without its documents, which are let go as soon as it is lowered (a spec that
 * did not lower comes back as a whole {@link SpecBuild}, built in the calling thread).
 */
export interface LoweredSpec {
  readonly stage: 'lower';
  readonly diagnostics: readonly SpecDiagnostic[];
  readonly ir: SpecIR;
  /** Where it was built: in the calling thread, in a worker thread, or read from the cache. */
  readonly via: 'here' | 'worker' | 'cache';
  readonly checked?: undefined;
  readonly problem?: undefined;
}

/** `buildSpecs`'s outcome for one spec. */
export type BuiltSpec = SpecBuild | LoweredSpec;

/** How `buildSpecs` builds several specs. */
export interface BuildSpecsOptions {
  /**
   * `true`: each spec in a worker thread of its own, at once; `false`: one after the other in
   * this thread; `'auto'` (the default): in workers when there are two cores or more and the
   * roots hold at least {@link PARALLEL_MIN_BYTES} between them. `SPECL_PARALLEL=0` turns
   * workers off whatever is asked, `SPECL_PARALLEL=1` on unless `false` is asked.
   */
  readonly parallel?: boolean | 'auto';
  /**
   * The folder of a persistent cache of lowered specs (see {@link specCache}); none when
   * absent. `SPECL_CACHE=0` turns it off whatever is asked.
   */
  readonly cache?: string;
}

/**
 * Below this many bytes of root files, `'auto'` builds one spec after the other. Two threads
 * save about the second spec's (warm) build and cost a worker's start (0.33-0.43 s of CPU at
 * load 11, loading the compiler), the worker's build running without the JIT's warm-up
 * (0.5 s more at N = 500, 1.6 s at N = 5,000) and the IR's trip back (90 ms at N = 500, 0.56 s
 * at N = 5,000). The second spec's build passes the start and the trip at about N = 200,
 * 100 KB a root: twice that, to leave room for a machine whose second core is busy.
 */
export const PARALLEL_MIN_BYTES = 400_000;

/**
 * Builds several specs (the two versions `specl diff` compares) through {@link buildSpec}, the
 * one pipeline entry: from the cache when asked and it holds them (see {@link specCache}), in
 * parallel worker threads when asked (see {@link BuildSpecsOptions.parallel}). The outcomes
 * are those of `buildSpec`, in order, with the same diagnostics and IR; a spec that lowered
 * comes back without its documents ({@link LoweredSpec}), so that holding several specs' IRs
 * never holds their documents.
 */
export async function buildSpecs(
  inputs: readonly (SpecFiles | SpecSources)[],
  options: BuildSpecsOptions = {},
): Promise<BuiltSpec[]> {
  const usable = inputs.map((input) =>
    'read' in input && input.read ? { ...input, read: once(input.read) } : input,
  );
  const cache =
    options.cache !== undefined && process.env.SPECL_CACHE !== '0'
      ? specCache(options.cache)
      : undefined;
  const builds: (BuiltSpec | undefined)[] = await Promise.all(
    usable.map((input) => (cache && !('files' in input) ? fromCache(cache, input) : undefined)),
  );
  const todo = usable.flatMap((_, i) => (builds[i] ? [] : [i]));
  const fresh = await buildFresh(
    todo.map((i) => usable[i]!),
    options.parallel ?? 'auto',
    cache !== undefined,
  );
  for (const [k, i] of todo.entries()) {
    const { build, files, json } = fresh[k]!;
    builds[i] = build;
    if (cache && files && isLowered(build)) {
      const spec = { ir: build.ir, diagnostics: build.diagnostics, files };
      const packed = json ?? jsonOf(build.ir);
      if (packed) await cache.store(usable[i]!.root, spec, packed);
    }
  }
  return builds as BuiltSpec[];
}

/** An IR as JSON, when JSON carries it whole. */
function jsonOf(ir: SpecIR): JsonIR | undefined {
  const { json, nullObjects } = inspectIR(ir);
  return json ? { text: JSON.stringify(ir), nullObjects } : undefined;
}

async function fromCache(cache: SpecCache, input: SpecFiles): Promise<LoweredSpec | undefined> {
  const hit = await cache.lookup(input.root, input.read ?? readSpecFromDisk);
  return hit && { stage: 'lower', diagnostics: hit.diagnostics, ir: hit.ir, via: 'cache' };
}

/** A spec built now: its outcome, and (when recording) the files it read and its IR's JSON. */
interface FreshBuild {
  readonly build: BuiltSpec;
  readonly files?: [string, string][];
  readonly json?: JsonIR;
}

async function buildFresh(
  inputs: readonly (SpecFiles | SpecSources)[],
  parallel: boolean | 'auto',
  record: boolean,
): Promise<FreshBuild[]> {
  if (!(await inWorkers(inputs, parallel))) {
    const builds: FreshBuild[] = [];
    for (const input of inputs) builds.push(await buildHere(input, record));
    return builds;
  }
  // This thread builds one spec itself (one reading through a reader it holds, when there is
  // one: a git commit), while workers build the others.
  const withReader = inputs.findIndex((input) => 'read' in input && input.read !== undefined);
  const here = withReader >= 0 ? withReader : inputs.length - 1;
  const rootTexts = await Promise.all(
    // A reader that throws is asked again by the worker, which then fails as it would here.
    inputs.map((input, i) =>
      i !== here && 'read' in input ? input.read?.(input.root).catch(() => undefined) : undefined,
    ),
  );
  const elsewhere = inputs.map((input, i) =>
    i === here ? undefined : buildInWorker(input, record, rootTexts[i]),
  );
  let built: FreshBuild;
  try {
    built = await buildHere(inputs[here]!, record);
  } catch (error) {
    // Building threw here (a bug): the workers' results will not be read.
    for (const worker of elsewhere) worker?.stop();
    throw error;
  }
  const builds: FreshBuild[] = [];
  for (let i = 0; i < inputs.length; i++) {
    builds.push(
      i === here ? built : ((await elsewhere[i]!.outcome) ?? (await buildHere(inputs[i]!, record))),
    );
  }
  return builds;
}

/** Builds a spec in this thread, recording the files it reads when asked. */
async function buildHere(input: SpecFiles | SpecSources, record: boolean): Promise<FreshBuild> {
  if (!record || 'files' in input) return { build: withoutDocuments(await buildSpec(input)) };
  const recorder = recordingReader(input.read ?? readSpecFromDisk);
  const build = await buildSpec({ root: input.root, read: recorder.read });
  return { build: withoutDocuments(build), files: recorder.files() };
}

/** A spec that lowered, without its documents; any other as it is. */
function withoutDocuments(build: SpecBuild): BuiltSpec {
  return isLowered(build)
    ? { stage: 'lower', diagnostics: build.diagnostics, ir: build.ir, via: 'here' }
    : build;
}

async function inWorkers(
  inputs: readonly (SpecFiles | SpecSources)[],
  parallel: boolean | 'auto',
): Promise<boolean> {
  if (process.env.SPECL_PARALLEL === '0' || inputs.length < 2 || parallel === false) return false;
  if (parallel === true || process.env.SPECL_PARALLEL === '1') return true;
  if (availableParallelism() < 2) return false;
  let bytes = 0;
  for (const input of inputs) bytes += await rootBytes(input);
  return bytes >= PARALLEL_MIN_BYTES;
}

async function rootBytes(input: SpecFiles | SpecSources): Promise<number> {
  if ('files' in input) return input.files[input.root]?.length ?? 0;
  try {
    if (input.read) return (await input.read(input.root))?.length ?? 0;
    return (await stat(input.root)).size;
  } catch {
    return 0;
  }
}

/** A reader that reads each path once (a git commit's files do not change while read). */
function once(read: ReadSpecFile): ReadSpecFile {
  const texts = new Map<string, Promise<string | undefined>>();
  return (path) => {
    let text = texts.get(path);
    if (!text) texts.set(path, (text = read(path)));
    return text;
  };
}

/** The worker's program: beside this module, in the package and in the CLI's bundle alike. */
const WORKER_SCRIPT = new URL('./build-spec-worker.js', import.meta.url);

/**
 * Builds one spec in a worker: `outcome` when it lowered, `undefined` otherwise; `stop` ends
 * the worker (its outcome is then `undefined`).
 */
function buildInWorker(
  input: SpecFiles | SpecSources,
  record: boolean,
  rootText: string | undefined,
): { outcome: Promise<FreshBuild | undefined>; stop: () => void } {
  const read = 'read' in input ? input.read : undefined;
  const data: WorkerInput =
    'files' in input
      ? { files: input.files, root: input.root, record: false }
      : {
          root: input.root,
          readThroughParent: read !== undefined,
          record,
          ...(rootText !== undefined ? { rootText } : {}),
        };
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SCRIPT, { workerData: data });
  } catch {
    return { outcome: Promise.resolve(undefined), stop: () => {} };
  }
  const outcome = new Promise<FreshBuild | undefined>((resolve) => {
    let settled = false;
    const settle = (result: FreshBuild | undefined) => {
      if (settled) return;
      settled = true;
      resolve(result);
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'read') {
        answerRead(worker, message.id, message.path, read);
      } else if (message.kind === 'lowered') {
        const { stage, diagnostics, ir, files } = message;
        if (stage !== 'lower') return settle(undefined);
        settle({
          build: { stage, diagnostics, ir: unpackIR(ir), via: 'worker' },
          ...(files ? { files } : {}),
          ...(ir.kind === 'json' ? { json: { text: ir.text, nullObjects: ir.nullObjects } } : {}),
        });
      } else settle(undefined);
    });
    // A worker that fails (it cannot start, or building threw) leaves the spec to this thread,
    // which gives the same outcome, or the same error, as building it here in the first place.
    worker.on('error', () => settle(undefined));
    worker.on('exit', () => settle(undefined));
  });
  return { outcome, stop: () => void worker.terminate() };
}

function answerRead(worker: Worker, id: number, path: string, read: ReadSpecFile | undefined) {
  const reply = (message: ParentMessage) => worker.postMessage(message);
  if (!read) return reply({ kind: 'text', id, error: 'this worker reads from disk' });
  read(path).then(
    (text) => reply(text === undefined ? { kind: 'text', id } : { kind: 'text', id, text }),
    (error: unknown) =>
      reply({ kind: 'text', id, error: error instanceof Error ? error.message : String(error) }),
  );
}
