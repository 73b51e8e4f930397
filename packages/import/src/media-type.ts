import type { MediaKind } from '@specl/language';
import { isValidMediaType, mediaEssence, mediaKindOf } from '@specl/language';
import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';
import { isFormSchema, isTextSchema } from './schema-shape.js';
import { stringLiteral } from './specl-text.js';

/** Media types that offer one schema: one `body`, `response` or `error` clause. */
export interface MediaGroup {
  /** How the group's bodies travel (`bytes` bodies have no schema: they are `Bytes`). */
  readonly kind: MediaKind;
  /** The media types as the document writes them, in its order. */
  readonly mediaTypes: readonly string[];
  readonly schema: unknown;
  /** Where the first media type's schema is. */
  readonly pointer: string;
}

/** `as "a", "b"` for a group, or nothing for JSON alone (Specl's default). */
export function asClause(group: MediaGroup): string {
  if (group.mediaTypes.length === 1 && mediaEssence(group.mediaTypes[0]!) === 'application/json')
    return '';
  return ` as ${group.mediaTypes.map((type) => stringLiteral(type)!).join(', ')}`;
}

/**
 * The bodies of a `content` map, grouped: media types of one kind whose schemas are the same
 * share a group. A media type Specl cannot carry (`*\/*`, a form of something that is not a
 * record of scalars, a text of something that is not a string) is imported as JSON, or left out
 * when another media type carries the body; examples are left out. Warns at each.
 */
export function mediaGroups(
  context: ImportContext,
  content: unknown,
  pointer: string,
  what: string,
): MediaGroup[] {
  if (!isObject(content)) return [];
  const groups: { kind: MediaKind; mediaTypes: string[]; schema: unknown; pointer: string }[] = [];
  const essences = new Set<string>();
  const entries = Object.entries(content);
  const fallbacks: [string, unknown, string][] = [];
  for (const [mediaType, media] of entries) {
    const at = childPointer(pointer, mediaType);
    const schema = isObject(media) && media.schema !== undefined ? media.schema : {};
    const schemaAt = childPointer(at, 'schema');
    if (isObject(media) && (media.example !== undefined || media.examples !== undefined)) {
      context.warn(
        'left-out',
        childPointer(at, media.example !== undefined ? 'example' : 'examples'),
        `the examples of ${what} are left out`,
      );
    }
    const essence = mediaEssence(mediaType);
    if (!isValidMediaType(mediaType) || essence.includes('*') || !stringLiteral(mediaType)) {
      fallbacks.push([mediaType, schema, schemaAt]);
      continue;
    }
    if (essences.has(essence)) {
      context.warn(
        'left-out',
        at,
        `${what} as \`${mediaType}\` is left out: another of its media types has the same essence`,
      );
      continue;
    }
    const kind = fits(context, mediaKindOf(mediaType), schema, schemaAt);
    if (kind === undefined) {
      fallbacks.push([mediaType, schema, schemaAt]);
      continue;
    }
    if (kind === 'bytes' && !isBinarySchema(context, schema, schemaAt)) {
      context.warn(
        'widened',
        schemaAt,
        `${what} as \`${mediaType}\` is imported as Bytes: its schema is left out`,
      );
    }
    essences.add(essence);
    const key = kind === 'bytes' ? undefined : JSON.stringify(schema);
    const same = groups.find(
      (g) => g.kind === kind && (kind === 'bytes' || JSON.stringify(g.schema) === key),
    );
    if (same) same.mediaTypes.push(mediaType);
    else groups.push({ kind, mediaTypes: [mediaType], schema, pointer: schemaAt });
  }
  for (const [mediaType, schema, schemaAt] of fallbacks) {
    const at = childPointer(pointer, mediaType);
    if (groups.length > 0) {
      context.warn(
        'left-out',
        at,
        `${what} as \`${mediaType}\` is left out: Specl cannot carry its schema in that media type`,
      );
      continue;
    }
    context.warn(
      'approximated',
      at,
      `${what} as \`${mediaType}\` is imported as \`application/json\``,
    );
    groups.push({ kind: 'json', mediaTypes: ['application/json'], schema, pointer: schemaAt });
  }
  return groups;
}

/** The kind a media type's body is imported as, or undefined when its schema cannot travel so. */
function fits(
  context: ImportContext,
  kind: MediaKind,
  schema: unknown,
  pointer: string,
): MediaKind | undefined {
  switch (kind) {
    case 'json':
    case 'bytes':
      return kind;
    case 'text':
      return isTextSchema(context, schema, pointer) ? kind : undefined;
    case 'form':
    case 'multipart':
      return isFormSchema(context, schema, pointer, kind === 'multipart') ? kind : undefined;
  }
}

/** Whether a schema says raw bytes (or says nothing): `format: binary`, `contentMediaType`. */
function isBinarySchema(context: ImportContext, schema: unknown, pointer: string): boolean {
  const { value } = context.deref(schema, pointer);
  if (!isObject(value)) return value === true;
  if (Object.keys(value).filter((k) => k !== 'description').length === 0) return true;
  return (
    value.type === 'string' &&
    (value.format === 'binary' || typeof value.contentMediaType === 'string')
  );
}
