import type { MediaKind } from '@specl/language';
import { isValidMediaType, mediaEssence, mediaKindOf } from '@specl/language';
import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';
import { isFormSchema, isTextSchema } from './schema-shape.js';
import { MAX_EXAMPLE_LENGTH, jsonLiteral } from './json-literal.js';
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
  /** The examples of the first media type of the group that has any. */
  readonly examples?: MediaExamples;
}

/** A Media Type Object's `example` or `examples`, and where it is. */
export interface MediaExamples {
  readonly pointer: string;
  readonly example?: unknown;
  readonly named?: Readonly<Record<string, unknown>>;
}

/** Whether two media types give the same example or named examples. */
function sameExamples(a: MediaExamples, b: MediaExamples): boolean {
  const plain = (e: MediaExamples) => JSON.stringify([e.example, e.named]);
  return plain(a) === plain(b);
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
 * when another media type carries the body. A group keeps the examples of its first media type
 * that has any (the others' are left out). Warns at each.
 */
export function mediaGroups(
  context: ImportContext,
  content: unknown,
  pointer: string,
  what: string,
): MediaGroup[] {
  if (!isObject(content)) return [];
  const groups: {
    kind: MediaKind;
    mediaTypes: string[];
    schema: unknown;
    pointer: string;
    examples?: MediaExamples;
  }[] = [];
  const essences = new Set<string>();
  const entries = Object.entries(content);
  const fallbacks: [string, unknown, string][] = [];
  for (const [mediaType, media] of entries) {
    const at = childPointer(pointer, mediaType);
    const schema = isObject(media) && media.schema !== undefined ? media.schema : {};
    const schemaAt = childPointer(at, 'schema');
    const examples = mediaExamples(media, at);
    const leaveOut = () => {
      if (examples)
        context.warn('left-out', examples.pointer, `the examples of ${what} are left out`);
    };
    const essence = mediaEssence(mediaType);
    if (!isValidMediaType(mediaType) || essence.includes('*') || !stringLiteral(mediaType)) {
      leaveOut();
      fallbacks.push([mediaType, schema, schemaAt]);
      continue;
    }
    if (essences.has(essence)) {
      leaveOut();
      context.warn(
        'left-out',
        at,
        `${what} as \`${mediaType}\` is left out: another of its media types has the same essence`,
      );
      continue;
    }
    const kind = fits(context, mediaKindOf(mediaType), schema, schemaAt);
    if (kind === undefined) {
      leaveOut();
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
    // Bytes go with bytes; text, JSON and forms of one schema (not `{}`, which text reads as
    // String and JSON as Json) share a clause, as Specl compiles `String as "text/plain", "application/json"`.
    const same = groups.find((g) =>
      kind === 'bytes'
        ? g.kind === 'bytes'
        : g.kind === kind || (g.kind !== 'bytes' && key !== '{}')
          ? JSON.stringify(g.schema) === key
          : false,
    );
    if (same) {
      same.mediaTypes.push(mediaType);
      // Examples the group already has are left out only where they differ from its own.
      if (same.examples && examples && !sameExamples(same.examples, examples)) leaveOut();
      else if (!same.examples && examples) same.examples = examples;
    } else
      groups.push({
        kind,
        mediaTypes: [mediaType],
        schema,
        pointer: schemaAt,
        ...(examples && { examples }),
      });
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

/** A Media Type Object's examples, if it has any. */
function mediaExamples(media: unknown, at: string): MediaExamples | undefined {
  if (!isObject(media)) return undefined;
  if (isObject(media.examples) && Object.keys(media.examples).length > 0)
    return { pointer: childPointer(at, 'examples'), named: media.examples };
  if (media.example !== undefined)
    return { pointer: childPointer(at, 'example'), example: media.example };
  return undefined;
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

/**
 * The annotations that carry a group's examples onto its body's type: `example: ...`, or
 * `examples: { "name": ..., ... }` for named ones (each Example Object's `value`; one with only
 * an `externalValue` is left out). Each is noted for the checker to judge; undefined for none.
 */
export function exampleEntries(context: ImportContext, group: MediaGroup): string[] {
  const examples = group.examples;
  if (!examples) return [];
  if (examples.named === undefined) {
    const literal = jsonLiteral(examples.example);
    if (literal === undefined) return tooLong(context, examples.pointer);
    context.structured(`example: ${literal}`, examples.pointer);
    return [`example: ${literal}`];
  }
  const written: string[] = [];
  for (const [name, raw] of Object.entries(examples.named)) {
    const at = childPointer(examples.pointer, name);
    const { value } = context.deref(raw, at);
    const literal =
      isObject(value) && value.value !== undefined ? jsonLiteral(value.value) : undefined;
    const key = stringLiteral(name);
    if (literal === undefined || key === undefined) {
      context.warn(
        'left-out',
        at,
        isObject(value) && value.value === undefined
          ? 'an example without a `value` (an `externalValue`) is left out'
          : `an example longer than ${MAX_EXAMPLE_LENGTH} characters, or with control characters in a string, is left out`,
      );
      continue;
    }
    written.push(`${key}: ${literal}`);
  }
  if (written.length === 0) return [];
  const entry = `examples: { ${written.join(', ')} }`;
  context.structured(entry, examples.pointer);
  return [entry];
}

function tooLong(context: ImportContext, pointer: string): [] {
  context.warn(
    'left-out',
    pointer,
    `an example longer than ${MAX_EXAMPLE_LENGTH} characters, or with control characters in a string, is left out`,
  );
  return [];
}

/** Warns that a group's examples are left out (an error's body has no place for them). */
export function examplesLeftOut(context: ImportContext, group: MediaGroup, what: string): void {
  if (group.examples)
    context.warn('left-out', group.examples.pointer, `the examples of ${what} are left out`);
}
