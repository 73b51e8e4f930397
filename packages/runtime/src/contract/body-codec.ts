import type { BodyShape, MediaKind } from './contract.js';

/** The media kind of a content type, as the compiler classifies media types. */
export function mediaKindOfContentType(contentType: string): MediaKind {
  const essence = essenceOf(contentType);
  if (essence === 'application/json' || essence.endsWith('+json')) return 'json';
  if (essence.startsWith('text/')) return 'text';
  if (essence === 'application/x-www-form-urlencoded') return 'form';
  if (essence === 'multipart/form-data') return 'multipart';
  return 'bytes';
}

/**
 * A media type's essence: `type/subtype`, lower case, without parameters. (Cut at the first `;`
 * by `slice`, not `split`: a live check takes the essence of a few content types per exchange,
 * and `split` is a call into V8's runtime that makes an array.)
 */
export function essenceOf(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  const type = semicolon === -1 ? contentType : contentType.slice(0, semicolon);
  return type.trim().toLowerCase();
}

const scalarText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A part's name as a quoted string of a Content-Disposition header. */
const quoted = (name: string) => `"${name.replace(/["\\\r\n]/g, (c) => encodeURIComponent(c))}"`;

/** FNV-1a over bytes, from `hash`: 32 bits. */
function fnv1a(bytes: Uint8Array, hash: number): number {
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** Whether `needle` occurs in `bytes`. */
function includesBytes(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The boundary of a multipart body, derived from its parts (so the same request, which the
 * seed determines, is the same bytes on every run, and a replay sends them again): a hash of
 * the parts, tried again with a counter in the rare case that it occurs in a part's content.
 */
function boundaryOf(parts: readonly { head: string; content: Uint8Array }[]): string {
  const encoder = new TextEncoder();
  for (let attempt = 0; ; attempt++) {
    let low = 0x811c9dc5 ^ attempt;
    let high = 0x050c5d1f ^ attempt;
    for (const { head, content } of parts) {
      const headBytes = encoder.encode(head);
      low = fnv1a(content, fnv1a(headBytes, low));
      high = fnv1a(content, fnv1a(headBytes, high ^ content.length));
    }
    const boundary = `specl-${low.toString(16).padStart(8, '0')}${high.toString(16).padStart(8, '0')}${attempt === 0 ? '' : `-${attempt}`}`;
    const delimiter = encoder.encode(`--${boundary}`);
    const inside = ({ head, content }: (typeof parts)[number]) =>
      includesBytes(content, delimiter) || head.includes(`--${boundary}`);
    if (!parts.some(inside)) return boundary;
  }
}

/**
 * A record as `multipart/form-data`, written byte for byte (not through `FormData`, which
 * turns every line break of a text field into CRLF, as browsers do): a `Uint8Array` field is a
 * file part, named after the field; a list gives one part per item. The boundary is derived
 * from the parts ({@link boundaryOf}): the same request is the same bytes.
 */
function multipart(record: Readonly<Record<string, unknown>>): {
  body: Uint8Array;
  contentType: string;
} {
  const encoder = new TextEncoder();
  const parts: { head: string; content: Uint8Array }[] = [];
  for (const [name, field] of Object.entries(record))
    for (const item of Array.isArray(field) ? field : [field]) {
      if (item === undefined || item === null) continue;
      const file = item instanceof Uint8Array;
      const head = file
        ? `Content-Disposition: form-data; name=${quoted(name)}; filename=${quoted(name)}\r\nContent-Type: application/octet-stream`
        : `Content-Disposition: form-data; name=${quoted(name)}`;
      parts.push({ head, content: file ? item : encoder.encode(scalarText(item)) });
    }
  const boundary = boundaryOf(parts);
  const chunks: Uint8Array[] = [];
  for (const { head, content } of parts) {
    chunks.push(encoder.encode(`--${boundary}\r\n${head}\r\n\r\n`), content);
    chunks.push(encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A request body encoded as its media type says: JSON text, plain text, raw bytes, an
 * urlencoded form, or multipart form data (a `Uint8Array` field is a file part). Answers the
 * `fetch` body and the content type to send.
 */
export function encodeBody(
  value: unknown,
  media: BodyShape | undefined,
): { body: string | Uint8Array | URLSearchParams; contentType: string } {
  const kind = media?.kind ?? 'json';
  const contentType = media?.mediaType ?? 'application/json';
  switch (kind) {
    case 'json':
      return { body: JSON.stringify(value), contentType };
    case 'text':
      return { body: String(value), contentType };
    case 'bytes':
      return { body: value instanceof Uint8Array ? value : new Uint8Array(), contentType };
    case 'form': {
      const form = new URLSearchParams();
      for (const [name, field] of Object.entries(value as Record<string, unknown>))
        for (const item of Array.isArray(field) ? field : [field])
          if (item !== undefined && item !== null) form.append(name, scalarText(item));
      return { body: form, contentType };
    }
    case 'multipart':
      return multipart(value as Record<string, unknown>);
  }
}

/** UTF-8 text, a byte order mark dropped; one decoder for every body (it keeps no state). */
const utf8 = new TextDecoder();

/**
 * An answer's body decoded by its content type: JSON parsed (a {@link SyntaxError} when it is
 * not JSON), text and forms as strings, anything else as bytes. Empty JSON or form means no
 * body; empty text or bytes under their content type are an empty body.
 */
export function decodeBody(raw: Uint8Array, contentType: string | undefined): unknown {
  const kind = contentType === undefined ? 'json' : mediaKindOfContentType(contentType);
  // Zero bytes or an empty text, when the content type says so, are a body; not for JSON.
  if (raw.length === 0 && (kind === 'json' || kind === 'form' || kind === 'multipart'))
    return undefined;
  if (kind === 'bytes') return raw;
  const text = utf8.decode(raw);
  return kind === 'json' ? (JSON.parse(text) as unknown) : text;
}
