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
  const seen = new Map<string, number>();
  const lines: string[] = [];
  for (const warning of warnings) {
    const key = `${warning.kind}\u0000${warning.message}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count <= WARNINGS_LISTED) lines.push(line(warning));
  }
  for (const [key, count] of seen) {
    if (count <= WARNINGS_LISTED) continue;
    const [kind, message] = key.split('\u0000') as [string, string];
    const more = count - WARNINGS_LISTED;
    lines.push(
      `${document}: warning ${kind}: ${message}: and at ${plural(more, 'more place')} (--all-warnings lists them)`,
    );
  }
  return lines;
}
