import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
// The subpath, not the package's index: `specl check` writes files too, and must not load the compiler.
import { forEachUtf8ChunkOf } from '@specl/compiler/text';

/**
 * How the file at an output's path stands to the text about to be written there: `missing`,
 * `not-a-file` (a folder, or a file that cannot be read), `same` (it holds exactly the text's
 * UTF-8 bytes) or `different`.
 */
export type OutputFileState = 'missing' | 'not-a-file' | 'same' | 'different';

const READ_BYTES = 1 << 18;
let readBuffer: Buffer | undefined;

/** An output compared with the file at its path, and the hash of the output's bytes. */
export interface OutputInspection {
  readonly state: OutputFileState;
  /** `sha256:` and the hex hash of the text's UTF-8 bytes (what a manifest records). */
  readonly hash: string;
}

/** An output's text: whole, or (for a large one) in pieces made anew on each call. */
export interface OutputText {
  readonly content: string;
  readonly pieces?: () => Iterable<string>;
}

/** The pieces of an output's text; its `content` is not read when it comes in pieces. */
export function textPieces(text: OutputText): Iterable<string> {
  return text.pieces ? text.pieces() : [text.content];
}

/**
 * Compares a file with a text and hashes the text, in one pass over the text's UTF-8 encoded
 * chunk by chunk, without reading the file into a string: the sizes first (for a whole text),
 * then the bytes (an 80 MB output read as a string, compared, then hashed cost seconds).
 */
export function inspectOutputFile(path: string, text: OutputText): OutputInspection {
  const hash = createHash('sha256');
  const state = compareAndHash(path, text, hash);
  return { state, hash: `sha256:${hash.digest('hex')}` };
}

/** The state of the file at `path`, having fed the whole text's bytes to `hash`. */
function compareAndHash(path: string, text: OutputText, hash: Hash): OutputFileState {
  const hashAll = (state: OutputFileState) => {
    forEachUtf8ChunkOf(textPieces(text), (chunk) => {
      hash.update(chunk);
    });
    return state;
  };
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return hashAll('not-a-file');
    size = stat.size;
  } catch {
    return hashAll(existsSync(path) ? 'not-a-file' : 'missing');
  }
  if (!text.pieces && size !== Buffer.byteLength(text.content, 'utf8')) {
    return hashAll('different');
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return hashAll('not-a-file');
  }
  let state: OutputFileState = 'same';
  try {
    const buffer = (readBuffer ??= Buffer.allocUnsafe(READ_BYTES));
    // Every chunk is hashed; the file is read only while it still matches.
    forEachUtf8ChunkOf(textPieces(text), (chunk) => {
      hash.update(chunk);
      if (state === 'same') state = compareWithFile(fd, buffer, chunk);
    });
    // The file may be longer than the text.
    if (state === 'same') state = fileEnds(fd, buffer) ? 'same' : 'different';
  } catch {
    state = 'not-a-file';
  } finally {
    closeSync(fd);
  }
  return state;
}

/** Whether the file's next bytes are `chunk`: `not-a-file` when a read fails midway. */
function compareWithFile(fd: number, buffer: Buffer, chunk: Buffer): OutputFileState {
  try {
    for (let at = 0; at < chunk.length;) {
      const want = Math.min(buffer.length, chunk.length - at);
      const got = readFully(fd, buffer, want);
      if (got !== want || !buffer.subarray(0, got).equals(chunk.subarray(at, at + got)))
        return 'different';
      at += got;
    }
    return 'same';
  } catch {
    return 'not-a-file';
  }
}

/** Whether the file has no bytes left to read. */
function fileEnds(fd: number, buffer: Buffer): boolean {
  return readSync(fd, buffer, 0, 1, null) === 0;
}

/** Reads up to `want` bytes into the start of `buffer`; fewer only at the end of the file. */
function readFully(fd: number, buffer: Buffer, want: number): number {
  let got = 0;
  while (got < want) {
    const n = readSync(fd, buffer, got, want - got, null);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/**
 * Feeds a file's bytes to `sink` chunk by chunk (the chunk is valid only until `sink` returns);
 * false when it cannot be read.
 */
export function forEachFileChunk(path: string, sink: (chunk: Buffer) => void): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const buffer = (readBuffer ??= Buffer.allocUnsafe(READ_BYTES));
    for (let n = readFully(fd, buffer, buffer.length); n > 0;) {
      sink(buffer.subarray(0, n));
      if (n < buffer.length) break;
      n = readFully(fd, buffer, buffer.length);
    }
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
