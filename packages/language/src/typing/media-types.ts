import type { TypeRef } from '../generated/ast.js';

/**
 * How a body of a media type travels: as JSON, as text, as an urlencoded or multipart form,
 * or as raw bytes. Decides which types fit the media type and how the verifier encodes and
 * decodes a body.
 */
export type MediaKind = 'json' | 'text' | 'form' | 'multipart' | 'bytes';

/** The media type of a body written without `as`. */
export const JSON_MEDIA_TYPE = 'application/json';

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(\\s*;\\s*${TOKEN}=("[^"]*"|${TOKEN}))*$`);

/** Whether a string is a media type (`type/subtype`, optionally with parameters). */
export function isValidMediaType(text: string): boolean {
  return MEDIA_TYPE.test(text.trim());
}

/** A media type's essence: `type/subtype` in lower case, parameters dropped. */
export function mediaEssence(text: string): string {
  return text.split(';')[0]!.trim().toLowerCase();
}

/** How a body of this media type travels. */
export function mediaKindOf(text: string): MediaKind {
  const essence = mediaEssence(text);
  if (essence === JSON_MEDIA_TYPE || essence.endsWith('+json')) return 'json';
  if (essence.startsWith('text/')) return 'text';
  if (essence === 'application/x-www-form-urlencoded') return 'form';
  if (essence === 'multipart/form-data') return 'multipart';
  return 'bytes';
}

/**
 * The built-in type names added after v0. They are not keywords: a spec that declares a type
 * of the same name keeps it, and only a name that resolves to no declaration is the built-in.
 */
export const BUILTIN_TYPE_NAMES = [
  'Bytes',
  'Json',
  'Int32',
  'Int64',
  'Decimal',
  'UriTemplate',
] as const;

/** A built-in type added after v0. */
export type BuiltinTypeName = (typeof BUILTIN_TYPE_NAMES)[number];

/** The built-in type a type reference names, when it names no declaration. */
export function builtinTypeOf(ref: TypeRef): BuiltinTypeName | undefined {
  if (!ref.ref || ref.primitive || ref.collection) return undefined;
  const name = ref.ref.$refText;
  if (!(BUILTIN_TYPE_NAMES as readonly string[]).includes(name)) return undefined;
  return ref.ref.ref === undefined ? (name as BuiltinTypeName) : undefined;
}

/** What each built-in type added after v0 is, for hovers and completion. */
export const BUILTIN_TYPE_DOCS: Readonly<Record<BuiltinTypeName, string>> = {
  Bytes:
    'Raw bytes: a body as `application/octet-stream`, `image/*` and the like, or a file part of `multipart/form-data`.',
  Json: 'Any JSON value: null, a boolean, a number, a string, a list or an object (OpenAPI: the empty schema).',
  Int32: 'An integer from -2^31 to 2^31 - 1 (OpenAPI `format: int32`); an `Int` in expressions.',
  Int64: 'An integer from -2^63 to 2^63 - 1 (OpenAPI `format: int64`); an `Int` in expressions.',
  Decimal:
    'A decimal number written as a string, such as `"12.50"` (OpenAPI `format: decimal`); a string in expressions.',
  UriTemplate:
    'A URI template (RFC 6570), such as `"https://api.example.com/users/{id}{?page}"` (OpenAPI `format: uri-template`); a string in expressions.',
};
