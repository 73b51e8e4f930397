import type { SpecChange, SpecIR } from '@specl/compiler';
import { diffSpecs } from '@specl/compiler';
import { HEADER } from '../helpers/check.js';
import { lowerSource } from '../helpers/lower.js';

/** A change as the table tests compare it: locations as `line:column` in `main.specl`. */
export interface Row {
  kind: SpecChange['kind'];
  verdict: SpecChange['verdict'];
  subject: string;
  old: string;
  new: string;
}

/** The root source as lowered: with the test header as line 1 when it has none. */
export function withHeader(source: string): string {
  return /^\s*spec\s/.test(source) ? source : HEADER + source;
}

/**
 * `line:column` (1-based) of the `occurrence`-th `snippet` in a root source as lowered (with
 * its header), so that tables name places by text, not by counting lines.
 */
export function at(source: string, snippet: string, occurrence = 1): string {
  const text = withHeader(source);
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(snippet, index + 1);
    if (index < 0) throw new Error(`no ${occurrence}. \`${snippet}\` in the source`);
  }
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** The changes from one inline spec to another, as rows. */
export async function changesBetween(before: string, after: string): Promise<Row[]> {
  return rows(diffSpecs(await lowerSource(before), await lowerSource(after)).changes);
}

export function rows(changes: readonly SpecChange[]): Row[] {
  return changes.map((change) => {
    if (change.old.file !== 'main.specl' || change.new.file !== 'main.specl') {
      throw new Error(`a change outside main.specl: ${JSON.stringify(change)}`);
    }
    return {
      kind: change.kind,
      verdict: change.verdict,
      subject: change.subject,
      old: `${change.old.line}:${change.old.column}`,
      new: `${change.new.line}:${change.new.column}`,
    };
  });
}

/** Lowers both versions (for tests that look at more than rows). */
export async function lowerBoth(before: string, after: string): Promise<[SpecIR, SpecIR]> {
  return [await lowerSource(before), await lowerSource(after)];
}
