import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './run-cli.js';

const vacationLines = readFileSync(
  join(repoRoot, 'examples/vacation/vacation.specl'),
  'utf8',
).split('\n');

/**
 * The place `LINE:COL` of a clause of the vacation example, found by its text, so that tests
 * naming spec locations follow the example as it changes: the line that starts (after its
 * indentation) with `start`, and the column where that text begins.
 */
export function vacationAt(start: string): string {
  const index = vacationLines.findIndex((line) => line.trimStart().startsWith(start));
  if (index < 0) throw new Error(`no line of vacation.specl starts with ${JSON.stringify(start)}`);
  const column = vacationLines[index]!.length - vacationLines[index]!.trimStart().length + 1;
  return `${index + 1}:${column}`;
}
