/** A body as read: its bytes, or how it broke the cap. */
export type ReadBody =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'too-large'; readonly read: number };

/**
 * Reads a response body, never more than `cap` bytes: a declared `content-length` over the cap
 * is refused before reading, and a stream that goes past it (an endless one included) is
 * cancelled there. The fetch's abort signal bounds the time a trickling body may take.
 */
export async function readBody(response: Response, cap: number): Promise<ReadBody> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'too-large', read: 0 };
  }
  const reader = response.body?.getReader();
  if (reader === undefined) return { kind: 'bytes', bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      return { kind: 'too-large', read: size };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'bytes', bytes };
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Bytes as text: strictly UTF-8 where `strictly` (JSON must be UTF-8, RFC 8259), answering
 * `undefined` for bytes that are not; otherwise with replacement characters.
 */
export function decodeText(bytes: Uint8Array, strictly: boolean): string | undefined {
  if (!strictly) return lenient.decode(bytes);
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}
