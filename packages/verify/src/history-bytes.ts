import type { SentEntry } from './server-state.js';

/**
 * The key of a byte body (or file part) in a JSON report's history: `{ "$bytes": "<base64>" }`.
 * No field of a spec can be named so (`$` starts no identifier), so the tag is unambiguous.
 */
const BYTES = '$bytes';

function encode(value: unknown): unknown {
  if (value instanceof Uint8Array)
    return {
      [BYTES]: Buffer.from(value.buffer, value.byteOffset, value.length).toString('base64'),
    };
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === BYTES && typeof entries[0]![1] === 'string')
    return new Uint8Array(Buffer.from(entries[0]![1], 'base64'));
  return Object.fromEntries(entries.map(([key, item]) => [key, decode(item)]));
}

/**
 * A failure's history as a JSON report keeps it: byte bodies and file parts (`Uint8Array`,
 * which JSON would turn into an object of numbered bytes) as `{ "$bytes": "<base64>" }`.
 */
export function historyToJson(history: readonly SentEntry[]): unknown[] {
  return history.map((entry) => ({ ...entry, request: encode(entry.request) }));
}

/** A history read back from a JSON report (`--history`): `$bytes` values as bytes again. */
export function historyFromJson(history: readonly unknown[]): SentEntry[] {
  return history.map((entry) => {
    const sent = entry as SentEntry;
    return { ...sent, request: decode(sent.request) as SentEntry['request'] };
  });
}
