/** UTF-16 code units per chunk: at most 3 UTF-8 bytes each, so a chunk fits in 192 KiB. */
const CHUNK_UNITS = 65_536;
const SCRATCH_BYTES = CHUNK_UNITS * 3;

/** The buffer chunks are encoded into, unless a sink asks for chunks of another text. */
let scratch: Buffer | undefined;

/**
 * Hands a text's UTF-8 bytes to `sink` in chunks of at most 192 KiB, in order, encoded into one
 * reused buffer: the bytes are those of `Buffer.from(text)` (a lone surrogate is EF BF BD, and
 * a surrogate pair is never cut in two), without allocating the whole encoding at once (for a
 * text of tens of megabytes, that allocation costs more than the encoding). The chunk is valid
 * only until `sink` returns; `sink` returns `false` to stop early.
 */
export function forEachUtf8Chunk(text: string, sink: (chunk: Buffer) => boolean | void): void {
  const buffer = scratch ?? Buffer.allocUnsafe(SCRATCH_BYTES);
  scratch = undefined;
  try {
    let start = 0;
    while (start < text.length) {
      let end = Math.min(start + CHUNK_UNITS, text.length);
      // Keep a high surrogate with the low one after it.
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
      const length = buffer.write(text.slice(start, end), 0, 'utf8');
      if (sink(buffer.subarray(0, length)) === false) return;
      start = end;
    }
  } finally {
    scratch = buffer;
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/**
 * Hands the UTF-8 bytes of texts, one after the other, to `sink` as {@link forEachUtf8Chunk}
 * does for one: the bytes of `Buffer.from` of the texts joined (a surrogate pair split between
 * two texts is kept whole). `sink` returns `false` to stop early.
 */
export function forEachUtf8ChunkOf(
  texts: Iterable<string>,
  sink: (chunk: Buffer) => boolean | void,
): void {
  let stopped = false;
  const each = (chunk: Buffer) => {
    if (sink(chunk) === false) stopped = true;
    return !stopped;
  };
  let carried = '';
  for (const piece of texts) {
    let text = carried + piece;
    carried = '';
    if (text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1))) {
      carried = text.slice(-1);
      text = text.slice(0, -1);
    }
    forEachUtf8Chunk(text, each);
    if (stopped) return;
  }
  if (carried !== '') forEachUtf8Chunk(carried, each);
}
