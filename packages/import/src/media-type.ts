import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';

/** The media type whose schema import uses, and its place. */
export interface ChosenMedia {
  readonly mediaType: string;
  readonly schema: unknown;
  readonly pointer: string;
}

function isJson(mediaType: string): boolean {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json') || base === '*/*';
}

function isForm(mediaType: string): boolean {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return base === 'application/x-www-form-urlencoded' || base === 'multipart/form-data';
}

/**
 * Picks the JSON media type of a `content` map (`application/json` first, then `+json`);
 * a form is taken as JSON with a warning; other media types are left out with a warning.
 * Answers undefined when no media type can be used.
 */
export function chooseMedia(
  context: ImportContext,
  content: unknown,
  pointer: string,
  what: string,
): ChosenMedia | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  const chosen =
    types.find((t) => t.split(';')[0]!.trim().toLowerCase() === 'application/json') ??
    types.find(isJson) ??
    types.find(isForm);
  for (const type of types) {
    if (type === chosen) continue;
    context.warn(
      'left-out',
      childPointer(pointer, type),
      `${what} as \`${type}\` is left out: Specl speaks JSON`,
    );
  }
  if (chosen === undefined) return undefined;
  if (chosen.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    const as = isJson(chosen) ? '`application/json`' : 'JSON';
    context.warn(
      'approximated',
      childPointer(pointer, chosen),
      `${what} as \`${chosen}\` is imported as ${as}`,
    );
  }
  const media = content[chosen];
  const schema = isObject(media) ? media.schema : undefined;
  if (isObject(media) && (media.example !== undefined || media.examples !== undefined)) {
    context.warn(
      'left-out',
      childPointer(pointer, chosen, media.example !== undefined ? 'example' : 'examples'),
      `the examples of the ${what} are left out`,
    );
  }
  return {
    mediaType: chosen,
    schema: schema ?? {},
    pointer: childPointer(pointer, chosen, 'schema'),
  };
}
