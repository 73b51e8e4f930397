/** UTF-16 code units per chunk: at most 3 UTF-8 bytes each, so a chunk fits in 48 KiB. */
const CHUNK_UNITS = 16_384;
const SCRATCH_BYTES = CHUNK_UNITS * 3;

let scratch: Buffer | undefined;

/**
 * Hands a text's UTF-8 bytes to `sink` in chunks of at most 48 KiB, in order, encoded into one
 * reused buffer: the bytes are those of `Buffer.from(text)` (a lone surrogate is EF BF BD, and
 * a surrogate pair is never cut in two), without allocating the whole encoding at once. The
 * chunk is only valid until `sink` returns.
 */
export function forEachUtf8Chunk(text: string, sink: (chunk: Buffer) => void): void {
  const buffer = (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES));
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + CHUNK_UNITS, text.length);
    // Keep a high surrogate with the low one after it.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    const length = buffer.write(text.slice(start, end), 0, 'utf8');
    sink(buffer.subarray(0, length));
    start = end;
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
