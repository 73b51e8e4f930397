import {
  chmodSync,
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
// The subpath, not the package's index: `specl check` writes files too, and must not load the compiler.
import { forEachUtf8ChunkOf } from '@specl/compiler/text';
import { CliError } from './cli-error.js';

/** A file to write: its absolute path, its content, and the path as the user is shown it. */
export interface FileToWrite {
  readonly path: string;
  readonly content: string;
  /** The content in pieces (see `EmittedFile.pieces`): when given, written from them. */
  readonly pieces?: () => Iterable<string>;
  readonly shown: string;
  /** The file's mode (permission bits); default: as a new file gets. */
  readonly mode?: number;
}

/** The temporary file a write goes through: `.NAME.PID.tmp` beside the file. */
function tempPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

const TEMP_NAME = /^\..+\.(\d+)\.tmp$/;

/** Whether a process with this id is running (a signal 0 finds it). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed specl left in a folder (`.NAME.PID.tmp` whose process
 * is gone), so that a `kill -9` during a write leaves nothing behind for long.
 */
export function sweepStaleTempFiles(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid))) {
      rmSync(join(folder, name), { force: true });
    }
  }
}

/**
 * Creates a folder and the folders above it that are missing, one level at a time (Node's
 * recursive mkdir loops for ever under `/proc`). Throws a usage error naming the folder.
 */
export function makeFolder(folder: string, shown: string): void {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new CliError(`cannot create \`${shown}\` (${reason}); check that it can be written`);
    }
  }
}

const INTERRUPTS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How many writes are under way or have not yet let a signal that came meanwhile through. */
let deferring = 0;

/**
 * Ends the process as the signal would have, once the write it waited for is done, unless
 * another part of the program (such as `--watch`) listens for it too and ends it its own way.
 * Re-raised with no listener left, the signal kills the process (exit 128 + its number).
 */
function onInterrupt(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  for (const each of INTERRUPTS) process.off(each, onInterrupt);
  process.kill(process.pid, signal);
}

/**
 * Makes Ctrl-C, SIGTERM and SIGHUP wait for a synchronous write to end: without a listener,
 * Node dies the moment such a signal comes, in the middle of a write; with one, the listener
 * runs only once the write is done (see {@link onInterrupt}). Call {@link endDeferring} after.
 */
function beginDeferring(): void {
  // First among the listeners, so that it sees the others before a `once` one removes itself.
  if (deferring++ === 0)
    for (const signal of INTERRUPTS) process.prependListener(signal, onInterrupt);
}

/**
 * Lets a signal that came during the write through, then gives the signals back their default
 * action. Node takes signals in the poll phase of its event loop: one that came during the write
 * is seen by the first poll that begins after it, which may be the next turn's (a write made in
 * a poll callback). So the signals stay deferred until the check phase that follows a whole turn
 * (an immediate queued from an immediate), which comes after that poll whatever the timers do.
 * A timer alone was not enough: on a loaded machine it expired before the poll it was to wait
 * in, and the signal found no listener and was lost. A few milliseconds more are given after
 * that, as before, for a poll that waits.
 */
function endDeferring(): void {
  setImmediate(() => {
    setImmediate(() => {
      setTimeout(() => {
        if (--deferring === 0) for (const signal of INTERRUPTS) process.off(signal, onInterrupt);
      }, 5);
    });
  });
}

/**
 * Writes files as a set: every file to a temporary file beside it first, then each renamed
 * over its target, so that a failure while staging leaves every old file as it was and no
 * reader sees half a file. The whole set is written synchronously, and a Ctrl-C, SIGTERM or
 * SIGHUP arriving meanwhile takes effect once it is written (see {@link beginDeferring}).
 * Throws a usage error naming the file that could not be written, after removing the
 * temporary files.
 */
export function writeFileSet(files: readonly FileToWrite[]): void {
  beginDeferring();
  const staged: string[] = [];
  try {
    for (const file of files) {
      const temp = tempPathOf(file.path);
      try {
        staged.push(temp);
        writeText(temp, file.pieces ? file.pieces() : [file.content]);
        if (file.mode !== undefined) chmodSync(temp, file.mode);
      } catch (error) {
        throw cannotWrite(file, error);
      }
    }
    files.forEach((file, i) => {
      try {
        renameSync(staged[i]!, file.path);
      } catch (error) {
        throw cannotWrite(file, error);
      }
    });
  } finally {
    for (const temp of staged) rmSync(temp, { force: true });
    endDeferring();
  }
}

/**
 * Writes a text, given in pieces, to a new or emptied file as `writeFileSync` of the pieces
 * joined would (UTF-8, the same mode), in chunks encoded into one reused buffer: an output of
 * tens of megabytes is never encoded whole.
 */
function writeText(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    forEachUtf8ChunkOf(pieces, (chunk) => {
      for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at, chunk.length - at);
    });
  } finally {
    closeSync(fd);
  }
}

/** Writes one file atomically (a set of one): see {@link writeFileSet}. */
export function writeFileAtomic(path: string, content: string, shown = path): void {
  writeFileSet([{ path, content, shown }]);
}

/**
 * Writes a new file atomically, never replacing one: the content goes to a temporary file that
 * is then linked to `path`, which fails when `path` exists (even if it appeared meanwhile).
 */
export function writeNewFileAtomic(path: string, content: string, shownAs = path): void {
  beginDeferring();
  const temp = tempPathOf(path);
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && existsSync(path)) {
      throw new CliError(
        `\`${shownAs}\` exists; pass --force to overwrite it, or name another file with --out`,
      );
    }
    throw cannotWrite({ path, content, shown: shownAs }, error);
  } finally {
    rmSync(temp, { force: true });
    endDeferring();
  }
}

function cannotWrite(file: FileToWrite, error: unknown): CliError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new CliError(
    `cannot write \`${file.shown}\` (${reason}); check that its folder exists and is writable`,
  );
}
