import type { ImportWarning } from '@specl/import';
import { plural } from './check-report.js';

/** How many places of one warning are listed before the rest are counted. */
export const WARNINGS_LISTED = 3;

/**
 * The lines `specl import` prints for its warnings, each naming the document and the JSON
 * pointer. A warning said the same way at many places (GitHub's API widens `uri-template` at
 * 3,736 fields) is listed at its first {@link WARNINGS_LISTED} places, in document order, then
 * counted in one line; `all` lists every place. Each is also kept as a comment in the spec.
 */
export function importWarningLines(
  warnings: readonly ImportWarning[],
  document: string,
  all: boolean,
): string[] {
  const line = (w: ImportWarning) => `${document}${w.pointer}: warning ${w.kind}: ${w.message}`;
  if (all) return warnings.map(line);
  // Each warning said the same way (kind and message), with the first of its places and a count.
  const said = new Map<string, { first: ImportWarning; count: number }>();
  const lines: string[] = [];
  for (const warning of warnings) {
    const key = `${warning.kind}: ${warning.message}`;
    const entry = said.get(key) ?? { first: warning, count: 0 };
    said.set(key, entry);
    if (++entry.count <= WARNINGS_LISTED) lines.push(line(warning));
  }
  for (const { first, count } of said.values()) {
    if (count <= WARNINGS_LISTED) continue;
    lines.push(
      `${document}: warning ${first.kind}: ${first.message}: and at ${plural(count - WARNINGS_LISTED, 'more place')} (--all-warnings lists them)`,
    );
  }
  return lines;
}
