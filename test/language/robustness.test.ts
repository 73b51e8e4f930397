import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, it } from 'vitest';
import type { SpecDiagnostic } from '@specl/language';
import { printProject } from '../arbitraries/print-spec.js';
import { multiFileSpecArbitrary, specArbitrary } from '../arbitraries/spec-arbitrary.js';

/**
 * `checkSources` runs in a worker thread, so that a run that never finishes (even in a
 * synchronous loop, which no timer on this thread could interrupt) fails after 5 s instead of
 * hanging the suite; the worker is then replaced.
 */
const TIME_LIMIT_MS = 5_000;
const language = pathToFileURL(createRequire(import.meta.url).resolve('@specl/language')).href;
const workerSource = `
const { parentPort } = require('node:worker_threads');
const loading = import(${JSON.stringify(language)});
// Says when the toolchain is loaded and warmed up (a text with a syntax error builds Langium's
// own parser, which is built on first need): the time limit is for checking, not for loading.
const warmed = loading.then(({ checkSources }) => checkSources({ '/warm.specl': 'type {' }, ['/warm.specl']));
warmed.then(() => parentPort.postMessage({ ready: true }), () => parentPort.postMessage({ ready: true }));
parentPort.on('message', async ({ id, files, roots }) => {
  try {
    const { checkSources } = await loading;
    const result = await checkSources(files, roots);
    parentPort.postMessage({ id, diagnostics: result.diagnostics });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});`;

// Two workers (where there are two cores): the edited variants of one run are checked side by side.
const workers: (Worker | undefined)[] = new Array(Math.min(2, availableParallelism())).fill(
  undefined,
);
let nextId = 0;

const ready = new WeakMap<Worker, Promise<void>>();

/** A worker for a slot, started if needed, once it has loaded the toolchain (at most 60 s). */
async function workerFor(index: number): Promise<Worker> {
  const current = (workers[index] ??= new Worker(workerSource, { eval: true }));
  if (!ready.has(current)) {
    ready.set(
      current,
      new Promise((resolve) => {
        const timer = setTimeout(resolve, 60_000);
        current.once('message', () => {
          clearTimeout(timer);
          resolve();
        });
      }),
    );
  }
  await ready.get(current);
  return current;
}

async function checkInWorker(
  slot: number,
  files: Record<string, string>,
  roots: string[],
): Promise<readonly SpecDiagnostic[]> {
  const index = slot % workers.length;
  const current = await workerFor(index);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      current.off('message', onMessage).off('error', onCrash).off('exit', onCrash);
    };
    const fail = (why: string) => {
      done();
      void current.terminate();
      workers[index] = undefined;
      reject(new Error(why));
    };
    const timer = setTimeout(
      () => fail(`checkSources did not finish within ${TIME_LIMIT_MS} ms`),
      TIME_LIMIT_MS,
    );
    const onCrash = (error: unknown) =>
      fail(`the worker running checkSources died: ${String(error)}`);
    const onMessage = (message: { id: number; diagnostics?: SpecDiagnostic[]; error?: string }) => {
      if (message.id !== id) return;
      done();
      if (message.error !== undefined) reject(new Error(`checkSources threw: ${message.error}`));
      else resolve(message.diagnostics!);
    };
    current.on('message', onMessage).on('error', onCrash).on('exit', onCrash);
    current.postMessage({ id, files, roots });
  });
}

afterAll(async () => {
  await Promise.all(workers.map((w) => w?.terminate()));
});

/** LSP lines: split at \r\n, \r and \n. */
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

function problemWith(d: SpecDiagnostic, files: Record<string, string>): string | undefined {
  const path = decodeURIComponent(new URL(d.uri).pathname);
  const text = files[path];
  if (text === undefined) return `a diagnostic for a file that was not checked: ${d.uri}`;
  if (typeof d.code !== 'string' || !d.code.startsWith('specl/'))
    return `a code that is not specl/...: ${String(d.code)}`;
  if (typeof d.message !== 'string' || d.message.trim() === '') return 'an empty message';
  if (d.severity !== 'error' && d.severity !== 'warning')
    return `a severity of ${String(d.severity)}`;
  const lines = linesOf(text);
  for (const [name, p] of [
    ['start', d.range.start],
    ['end', d.range.end],
  ] as const) {
    if (!Number.isInteger(p.line) || p.line < 0 || p.line >= lines.length) {
      return `its ${name} line ${p.line} is outside the ${lines.length} line(s) of the text`;
    }
    if (!Number.isInteger(p.character) || p.character < 0 || p.character > lines[p.line]!.length) {
      return `its ${name} character ${p.character} is outside line ${p.line} (${lines[p.line]!.length} characters)`;
    }
  }
  const { start, end } = d.range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character))
    return 'it ends before it starts';
  return undefined;
}

/** Fails unless every diagnostic is well-formed for the files it was checked from. */
function expectWellFormed(
  diagnostics: readonly SpecDiagnostic[],
  files: Record<string, string>,
): void {
  for (const d of diagnostics) {
    const problem = problemWith(d, files);
    if (problem)
      throw new Error(`malformed diagnostic (${problem}):\n${JSON.stringify(d, null, 2)}`);
  }
}

/**
 * Checks each set of files (side by side, in the workers), from `roots` or from every file: each
 * check must finish, not throw, and give only well-formed diagnostics.
 */
async function expectWellBehaved(
  batches: Record<string, string>[],
  roots?: string[],
): Promise<void> {
  await Promise.all(
    batches.map(async (files, slot) =>
      expectWellFormed(await checkInWorker(slot, files, roots ?? Object.keys(files)), files),
    ),
  );
}

// ---------------------------------------------------------------- inputs

const specTokens = [
  ...(
    'spec version import type enum error endpoint invariant property header query body response errors ' +
    'requires ensures forall where let try expect true false null and or not implies in all any len matches ' +
    'List Map String Int Float Bool Uuid Email Url Date DateTime GET POST DELETE get'
  ).split(' '),
  ...'{ } ( ) [ ] < > , : ? ?. ?? ... . / /{ | = == != <= >= + - * %'.split(' '),
  '"s"',
  '"',
  '"\\"',
  '"open',
  '"1.0.0"',
  '"x.specl"',
  '"../a.specl"',
  '///',
  '//',
  '/*',
  '*/',
  '\n',
  '\t',
  '\r\n',
  '\r',
  'x',
  'Foo',
  '_a1',
  'id',
  '0',
  '42',
  '3.14',
  '1e9',
  '9'.repeat(40),
  '#',
  '@',
  "'",
  '$',
  '\\',
  'é',
  '😀',
  '\u0000',
  '\u2028',
];

/** Specl tokens in random order, with or without space between them. */
const tokenSoup = (maxLength: number) =>
  fc
    .array(fc.tuple(fc.constantFrom(...specTokens), fc.constantFrom('', ' ', ' ', '\n')), {
      maxLength,
    })
    .map((parts) => parts.map(([token, space]) => token + space).join(''));

const garbage = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    maxLength: 200,
  }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => new TextDecoder().decode(bytes)),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  tokenSoup(120),
  tokenSoup(120).map((soup) => `spec Soup version "1.0.0"\n${soup}`),
);

/** Garbage files in two batches, each checked at once (one service setup for several files). */
const garbageFiles = fc.array(garbage, { minLength: 2, maxLength: 10 }).map((texts) => {
  const files = texts.map((text, i) => [`/g${i}.specl`, text] as const);
  const half = Math.ceil(files.length / 2);
  return [Object.fromEntries(files.slice(0, half)), Object.fromEntries(files.slice(half))];
});

interface Edit {
  kind: 'truncate' | 'delete' | 'insert' | 'replace' | 'duplicate';
  at: number;
  length: number;
  text: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('truncate', 'delete', 'insert', 'replace', 'duplicate'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(60),
  text: fc.oneof(
    tokenSoup(4),
    fc.string({ maxLength: 6 }),
    fc.constantFrom('{', '}', '"', '/*', '\n', ')', '('),
  ),
});

function applyEdit(text: string, e: Edit): string {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  const end = Math.min(text.length, at + e.length);
  switch (e.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'replace':
      return text.slice(0, at) + e.text + text.slice(end);
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
  }
}

const edits = fc.array(edit, { minLength: 1, maxLength: 4 });
const edited = (text: string, list: Edit[]) => list.reduce(applyEdit, text);

const vacation = readFileSync(
  new URL('../../examples/vacation/vacation.specl', import.meta.url),
  'utf8',
);
const printedRoot = specArbitrary.map((project) => printProject(project)[project.root]!);
const printedProject = multiFileSpecArbitrary.map(printProject);

// Fixed seeds; shrinking is capped so that a failure is reported within the time budget.
const run = (seed: number, numRuns: number) => ({
  seed,
  numRuns,
  interruptAfterTimeLimit: 20_000,
  markInterruptAsFailure: false,
});

describe('checkSources on broken input never throws, always finishes and gives well-formed diagnostics', () => {
  it('garbage: random strings, byte soup and Specl tokens in random order', async () => {
    await fc.assert(
      fc.asyncProperty(garbageFiles, async (batches) => expectWellBehaved(batches)),
      run(1, 50),
    );
  });

  it('examples/vacation/vacation.specl truncated, with parts deleted, replaced, duplicated or inserted', async () => {
    await fc.assert(
      fc.asyncProperty(edits, edits, async (a, b) =>
        expectWellBehaved([
          { '/vacation.specl': edited(vacation, a) },
          { '/vacation.specl': edited(vacation, b) },
        ]),
      ),
      run(2, 50),
    );
  });

  it('generated valid specs, edited the same ways', async () => {
    const variant = fc
      .tuple(printedRoot, edits)
      .map(([text, list]) => ({ '/spec/main.specl': edited(text, list) }));
    await fc.assert(
      fc.asyncProperty(variant, variant, async (a, b) => expectWellBehaved([a, b])),
      run(3, 40),
    );
  });

  it('generated multi-file projects with one file edited or missing', async () => {
    const variant = fc
      .tuple(printedProject, fc.nat(), edits, fc.boolean())
      .map(([files, which, list, drop]) => {
        const paths = Object.keys(files).sort();
        const path = paths[which % paths.length]!;
        const broken = { ...files, [path]: edited(files[path]!, list) };
        if (drop && path !== '/spec/main.specl') delete broken[path];
        return broken;
      });
    await fc.assert(
      fc.asyncProperty(variant, variant, async (a, b) =>
        expectWellBehaved([a, b], ['/spec/main.specl']),
      ),
      run(4, 30),
    );
  });
});
