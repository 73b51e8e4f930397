import type { Readable } from 'node:stream';

/** A body read whole, or why not: it grew past the cap, or the stream failed. */
export type CappedBody =
  | { readonly bytes: Buffer }
  | { readonly tooLarge: true; readonly head: Buffer }
  | { readonly failed: string };

/**
 * Reads a stream whole, up to `cap` bytes: past it, reading stops (the stream is paused, not
 * drained) and the answer says the body is too large, with the bytes read so far (`head`).
 */
export function readCappedBody(stream: Readable, cap: number): Promise<CappedBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: CappedBody) => {
      stream.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        stream.pause();
        chunks.push(chunk);
        finish({ tooLarge: true, head: Buffer.concat(chunks) });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ bytes: Buffer.concat(chunks) });
    const onError = (error: Error) => finish({ failed: error.message });
    const onAborted = () => finish({ failed: 'the connection closed early' });
    stream.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
  });
}
