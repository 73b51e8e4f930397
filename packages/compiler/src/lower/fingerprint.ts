import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';
import { withLocationsHidden } from '../ir/lowered-location.js';
import { forEachUtf8Chunk } from '../text/utf8-chunks.js';

/**
 * The fingerprint of a spec: `sha256:` and the hash of its IR as JSON, without source
 * locations (the keys `location`, `bodyLocation`, `errorLocations`, any `…Location(s)`, of the
 * IR's own objects: moving text around does not change what a spec means). The user's data
 * (examples, defaults, auth flow settings) is hashed whole, whatever its keys are named. Key
 * order is the order the lowering builds objects in, which is fixed, so the JSON is canonical.
 *
 * The hash is that of `JSON.stringify(ir, dropLocations)`, fed to SHA-256 piece by piece: each
 * element of the IR's lists (types, endpoints, properties...) has its JSON made alone, and each
 * field and invariant object's once however many records hold it (lowering shares a field
 * among the records its spreads bring it to), so a chain of spreads costs the fields declared,
 * not the JSON they expand to. `sharable`, when given, holds every field and invariant object
 * that may be in more than one record (lowering knows them: those spreads brought); without
 * it, they are found by a walk of the records. Either way the value is that of the JSON hashed
 * whole. Any IR will do (one read from JSON too); lowering uses {@link fingerprintOfLowered}.
 */
export function fingerprintOf(ir: object, sharable?: ReadonlySet<object>): string {
  return hashIR(ir, sharable, json);
}

/**
 * {@link fingerprintOf} of an IR whose every location is lowering's (a `LoweredLocation`, or a
 * `LoweredLocationList` for `errorLocations`), as `lowerSpec` makes it: the same value, from
 * JSON made with those locations hidden (`toJSON`) instead of a replacer called for every key
 * (about twice as fast, the hash included).
 */
export function fingerprintOfLowered(ir: object, sharable?: ReadonlySet<object>): string {
  return withLocationsHidden(() => hashIR(ir, sharable, plainJson));
}

/** The JSON of a value, or undefined (as `JSON.stringify`). */
type JsonOf = (value: unknown) => string | undefined;

function hashIR(ir: object, sharable: ReadonlySet<object> | undefined, json: JsonOf): string {
  const sink = new HashSink();
  const types = (ir as { types?: unknown }).types;
  const shared: ReadonlySet<unknown> =
    sharable ?? (Array.isArray(types) ? sharedItems(types) : new Set<unknown>());
  const texts = new Map<object, string>();
  const itemText = (item: unknown): string => {
    if (typeof item !== 'object' || item === null || !shared.has(item)) return json(item) ?? 'null';
    let text = texts.get(item);
    if (text === undefined) {
      text = json(item) ?? 'null';
      texts.set(item, text);
    }
    return text;
  };
  const typeText = (decl: unknown): string => {
    if (
      shared.size === 0 ||
      !isRecordLike(decl) ||
      !itemLists(decl).some((list) => list.some((i) => shared.has(i)))
    )
      return json(decl) ?? 'null';
    let text = '';
    const append = (piece: string) => (text += piece);
    writeObject(decl, append, json, (key, value) =>
      (key === 'fields' || key === 'invariants') && Array.isArray(value)
        ? () => append(`[${value.map(itemText).join(',')}]`)
        : undefined,
    );
    return text;
  };
  const feed = (text: string) => sink.feed(text);
  writeObject(ir as Record<string, unknown>, feed, json, (key, value) => {
    if (!Array.isArray(value)) return undefined;
    const text = key === 'types' ? typeText : (item: unknown) => json(item) ?? 'null';
    return () => {
      feed('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) feed(',');
        feed(text(value[i]));
      }
      feed(']');
    };
  });
  return `sha256:${sink.digest()}`;
}

interface RecordLike extends Record<string, unknown> {
  readonly fields: readonly unknown[];
  readonly invariants?: unknown;
}

function isRecordLike(decl: unknown): decl is RecordLike {
  return (
    typeof decl === 'object' &&
    decl !== null &&
    Array.isArray((decl as { fields?: unknown }).fields) &&
    !Array.isArray(decl)
  );
}

/** A record's fields and invariants. */
function itemLists(decl: RecordLike): readonly (readonly unknown[])[] {
  return [decl.fields, Array.isArray(decl.invariants) ? (decl.invariants as unknown[]) : []];
}

/** The field and invariant objects that more than one record holds. */
function sharedItems(types: readonly unknown[]): Set<unknown> {
  const seen = new Set<unknown>();
  const shared = new Set<unknown>();
  for (const decl of types) {
    if (!isRecordLike(decl)) continue;
    for (const list of itemLists(decl))
      for (const item of list) {
        if (typeof item !== 'object' || item === null) continue;
        if (seen.has(item)) shared.add(item);
        else seen.add(item);
      }
  }
  return shared;
}

/**
 * The keys whose values are the user's data, not the IR's own objects: an annotation's
 * `example`, `default` and `examples` (in a type's constraints) and an auth flow's `settings`.
 * Their keys are kept whatever their names: `{ location: "x" }` in an example is data.
 */
const DATA_KEYS: ReadonlySet<string> = new Set(['example', 'default', 'examples', 'settings']);

/** The objects within the user's data that the JSON being made has reached (see DATA_KEYS). */
let inData: Set<object> | undefined;

/** `JSON.stringify`'s replacer for the fingerprint: drops the IR's source locations. */
function dropLocations(this: object, key: string, value: unknown): unknown {
  if (inData !== undefined && inData.has(this)) {
    if (typeof value === 'object' && value !== null) inData.add(value);
    return value;
  }
  if (isLocationKey(key)) return undefined;
  if (typeof value === 'object' && value !== null && DATA_KEYS.has(key)) {
    (inData ??= new Set()).add(value);
  }
  return value;
}

/** `JSON.stringify`, for JSON made while lowered locations are hidden. */
function plainJson(value: unknown): string | undefined {
  return JSON.stringify(value) as string | undefined;
}

/** `JSON.stringify` without source locations, found by their keys: what the fingerprint hashes. */
function json(value: unknown): string | undefined {
  inData = undefined;
  try {
    return JSON.stringify(value, dropLocations) as string | undefined;
  } finally {
    inData = undefined;
  }
}

function isLocationKey(key: string): boolean {
  // Called for every key and array index: the short ones (most) are answered by their length.
  return (
    key.length >= 8 && (key === 'location' || key.endsWith('Location') || key.endsWith('Locations'))
  );
}

/**
 * Writes an object as `JSON.stringify(object, dropLocations)` would, key by key, each value's
 * JSON made by `json`; `special` gives a writer of a value's JSON for the values written their
 * own way (never undefined ones), and undefined for those left to `json`.
 */
function writeObject(
  object: Record<string, unknown>,
  write: (piece: string) => void,
  json: JsonOf,
  special: (key: string, value: unknown) => (() => void) | undefined,
): void {
  write('{');
  let first = true;
  for (const key of Object.keys(object)) {
    if (isLocationKey(key)) continue;
    const value = object[key];
    const head = `${first ? '' : ','}${JSON.stringify(key)}:`;
    const own = special(key, value);
    if (own !== undefined) {
      write(head);
      first = false;
      own();
      continue;
    }
    const text = json(value);
    if (text === undefined) continue;
    write(head + text);
    first = false;
  }
  write('}');
}

/** Pieces are gathered up to this many UTF-16 units before they are hashed (fewer calls). */
const GATHER_UNITS = 1 << 16;
/** Texts up to this many UTF-16 units are hashed as they are; longer ones in UTF-8 chunks. */
const WHOLE_TEXT_UNITS = 1 << 20;

/** SHA-256 fed with texts, as UTF-8, in the order given. */
class HashSink {
  private readonly hash = createHash('sha256');
  private gathered = '';

  feed(text: string): void {
    if (text.length < GATHER_UNITS) {
      this.gathered += text;
      if (this.gathered.length >= GATHER_UNITS) this.flush();
      return;
    }
    this.flush();
    feedText(this.hash, text);
  }

  /** The hash, in hex, of everything fed. */
  digest(): string {
    this.flush();
    return this.hash.digest('hex');
  }

  private flush(): void {
    if (this.gathered === '') return;
    feedText(this.hash, this.gathered);
    this.gathered = '';
  }
}

function feedText(hash: Hash, text: string): void {
  // The same bytes either way (a text here is whole JSON, or pieces of it cut between two
  // values, so no surrogate pair is cut in two); a single update of a short text saves the
  // chunking's copies.
  if (text.length <= WHOLE_TEXT_UNITS) {
    hash.update(text, 'utf8');
    return;
  }
  forEachUtf8Chunk(text, (chunk) => {
    hash.update(chunk);
  });
}
