/**
 * Media types of a generated spec: JSON under other names (`application/problem+json`,
 * `application/vnd.x+json`, several at once), text answers of string types, raw `Bytes`
 * bodies and answers (`application/octet-stream`, `application/pdf`, `image/png`), and form
 * bodies (`application/x-www-form-urlencoded`, `multipart/form-data` with file parts), each
 * a record declared for it whose fields could be query parameters (or files).
 */
import type { Builder } from './spec-arbitrary.js';
import { freshName, pools, refTo, words } from './spec-names.js';
import type { RecordMember, TypeModel } from './spec-model.js';
import type { Typed } from './spec-types.js';

/** Once in `n` times, JSON under other names: vendor types, problem details, or both with plain JSON. */
export function jsonMedia(b: Builder, n: number): { media?: string[] } {
  const g = b.g;
  if (!g.chance(n)) return {};
  return {
    media: g.pick([
      ['application/json', 'application/vnd.x+json'],
      ['application/problem+json'],
      ['application/vnd.x+json'],
      ['application/json'],
      ['application/vnd.x+json', 'application/problem+json'],
    ]),
  };
}

/** The media types of a body or an answer of type `typed`: text for string types now and then, else JSON's. */
export function mediaOf(b: Builder, typed: Typed): { media?: string[] } {
  const g = b.g;
  const text = typed.model.kind === 'ref' && (typed.rt.k === 'str' || typed.rt.k === 'enum');
  if (text && g.chance(3))
    return {
      media: g.pick([['text/plain'], ['text/plain', 'application/json'], ['text/csv']]),
    };
  return jsonMedia(b, 6);
}

const bytes = refTo({ kind: 'primitive', name: 'Bytes' });

/** A raw body or answer: `Bytes as "application/octet-stream"` (or a PDF, or an image). */
export function rawBody(b: Builder): { type: TypeModel; media: string[] } {
  const media = b.g.pick([
    ['application/octet-stream'],
    ['application/pdf'],
    ['image/png', 'image/jpeg'],
  ]);
  return { type: bytes, media };
}

/**
 * A form body: a record declared in `file` for it, whose fields are types a query parameter
 * takes (and, in a multipart form, files: `Bytes` or `List<Bytes>`), sent as
 * `application/x-www-form-urlencoded` or `multipart/form-data`.
 */
export function formBody(b: Builder, file: string): { type: TypeModel; media: string[] } {
  const g = b.g;
  const multipart = g.bool();
  const names = new Set<string>();
  const members: RecordMember[] = [];
  for (let i = g.int(1, 4); i > 0; i--) {
    const name = freshName(g, pools.field, names);
    const optional = g.chance(3);
    // A multipart form has a file (its first field), perhaps more.
    const type: TypeModel =
      multipart && (members.length === 0 || g.bool())
        ? g.bool()
          ? bytes
          : refTo({ kind: 'list', element: bytes })
        : b.type({ file, self: Infinity, usage: 'query', depth: 0 }).model;
    members.push({ kind: 'field', name, optional, type });
  }
  const name = freshName(g, words('Upload Form Attachment'), b.taken);
  b.add(file, { kind: 'record', name, members });
  return {
    type: refTo({ kind: 'named', name }),
    media: [multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded'],
  };
}
