import type { Readable } from 'node:stream';

/** A body read whole, or why not: it grew past the cap, or the stream failed. */
export type CappedBody =
  { readonly bytes: Buffer } | { readonly tooLarge: true } | { readonly failed: string };

/**
 * Reads a stream whole, up to `cap` bytes, and tells `done` once, in the turn the stream ends:
 * its bytes (the one chunk as it came, when there is one), or that it grew past the cap (reading
 * stops: the stream is paused, not drained), or that it failed. A callback, not a promise: a
 * proxy reads most request bodies this way, and a promise costs three (with its `then` and its
 * `catch`) and a turn of the microtask queue each.
 */
export function readCappedBody(
  stream: Readable,
  cap: number,
  done: (body: CappedBody) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const finish = (result: CappedBody) => {
    stream.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
    done(result);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= cap) return void chunks.push(chunk);
    stream.pause();
    finish({ tooLarge: true });
  };
  const onEnd = () =>
    finish({ bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
  const onError = (error: Error) => finish({ failed: error.message });
  const onAborted = () => finish({ failed: 'the connection closed early' });
  stream.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
}
