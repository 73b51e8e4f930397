import type { BodyShape, MediaKind } from './contract.js';

/** The media kind of a content type, as the compiler classifies media types. */
export function mediaKindOfContentType(contentType: string): MediaKind {
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
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

/**
 * A request body encoded as its media type says: JSON text, plain text, raw bytes, an
 * urlencoded form, or multipart form data (a `Uint8Array` field is a file part). Answers the
 * `fetch` body and the content type to send (none for multipart: `fetch` writes the boundary).
 */
export function encodeBody(
  value: unknown,
  media: BodyShape | undefined,
): { body: string | Uint8Array | FormData | URLSearchParams; contentType?: string } {
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
    case 'multipart': {
      const form = new FormData();
      for (const [name, field] of Object.entries(value as Record<string, unknown>))
        for (const item of Array.isArray(field) ? field : [field]) {
          if (item === undefined || item === null) continue;
          if (item instanceof Uint8Array)
            form.append(name, new Blob([item], { type: 'application/octet-stream' }), name);
          else form.append(name, scalarText(item));
        }
      return { body: form };
    }
  }
}

/**
 * An answer's body decoded by its content type: JSON parsed (a {@link SyntaxError} when it is
 * not JSON), text and forms as strings, anything else as bytes. Empty means no body.
 */
export function decodeBody(raw: Uint8Array, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const kind = contentType === undefined ? 'json' : mediaKindOfContentType(contentType);
  if (kind === 'bytes') return raw;
  const text = new TextDecoder().decode(raw);
  return kind === 'json' ? (JSON.parse(text) as unknown) : text;
}
