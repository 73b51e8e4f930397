import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { forEachUtf8Chunk } from '@specl/compiler';

/**
 * How the file at an output's path stands to the text about to be written there: `missing`,
 * `not-a-file` (a folder, or a file that cannot be read), `same` (it holds exactly the text's
 * UTF-8 bytes) or `different`.
 */
export type OutputFileState = 'missing' | 'not-a-file' | 'same' | 'different';

const READ_BYTES = 1 << 18;
let readBuffer: Buffer | undefined;

/**
 * Compares a file with a text without reading the file into a string: the sizes first, then the
 * bytes chunk by chunk, stopping at the first difference (an 80 MB output read as a string and
 * compared cost seconds; unchanged, it is now read once into a small buffer).
 */
export function outputFileState(path: string, text: string): OutputFileState {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return 'not-a-file';
    size = stat.size;
  } catch {
    return existsSync(path) ? 'not-a-file' : 'missing';
  }
  if (size !== Buffer.byteLength(text, 'utf8')) return 'different';
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return 'not-a-file';
  }
  try {
    const buffer = (readBuffer ??= Buffer.allocUnsafe(READ_BYTES));
    let same = true;
    forEachUtf8Chunk(text, (chunk) => {
      for (let at = 0; at < chunk.length && same;) {
        const want = Math.min(buffer.length, chunk.length - at);
        const got = readFully(fd, buffer, want);
        same = got === want && buffer.subarray(0, got).equals(chunk.subarray(at, at + got));
        at += got;
      }
      return same;
    });
    // The file may have grown since it was measured.
    return same && readSync(fd, buffer, 0, 1, null) === 0 ? 'same' : 'different';
  } catch {
    return 'not-a-file';
  } finally {
    closeSync(fd);
  }
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
