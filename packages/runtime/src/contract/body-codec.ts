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

/** A media type's essence: `type/subtype`, lower case, without parameters. */
export function essenceOf(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

const scalarText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A part's name as a quoted string of a Content-Disposition header. */
const quoted = (name: string) => `"${name.replace(/["\\\r\n]/g, (c) => encodeURIComponent(c))}"`;

/**
 * A record as `multipart/form-data`, written byte for byte (not through `FormData`, which
 * turns every line break of a text field into CRLF, as browsers do): a `Uint8Array` field is a
 * file part, named after the field; a list gives one part per item.
 */
function multipart(record: Readonly<Record<string, unknown>>): {
  body: Uint8Array;
  contentType: string;
} {
  const boundary = `specl-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const [name, field] of Object.entries(record))
    for (const item of Array.isArray(field) ? field : [field]) {
      if (item === undefined || item === null) continue;
      const file = item instanceof Uint8Array;
      const head = file
        ? `Content-Disposition: form-data; name=${quoted(name)}; filename=${quoted(name)}\r\nContent-Type: application/octet-stream`
        : `Content-Disposition: form-data; name=${quoted(name)}`;
      chunks.push(encoder.encode(`--${boundary}\r\n${head}\r\n\r\n`));
      chunks.push(file ? item : encoder.encode(scalarText(item)));
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
  const text = new TextDecoder().decode(raw);
  return kind === 'json' ? (JSON.parse(text) as unknown) : text;
}
