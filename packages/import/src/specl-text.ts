/** Pieces of Specl source text: string literals, numbers, doc comments. */

import { stringLiteral as speclString } from '@specl/language';

/**
 * A Specl string literal holding `value` (the language's escaper), or undefined for a value
 * with control characters other than line breaks and tabs: a spec keeps no invisible text.
 */
export function stringLiteral(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) return undefined;
  return speclString(value);
}

/** A number as a Specl constraint value (`-1.5`, `1e+21`). */
export function numberLiteral(value: number): string {
  return String(value);
}

/** `///` lines holding `text` (one per line of it), or none for empty text. */
export function docLines(text: unknown): string[] {
  if (typeof text !== 'string' || text.trim().length === 0) return [];
  const lines = text.replace(/\r\n?/g, '\n').trimEnd().split('\n');
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  return lines.map((line) => (line.trimEnd().length === 0 ? '///' : `/// ${line.trimEnd()}`));
}

/** `//` lines holding `text`, one per line of it. */
export function commentLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => `// ${line}`.trimEnd());
}

/** A JSON value on one line, shortened to `max` characters, for comments. */
export function shortJson(value: unknown, max = 120): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
