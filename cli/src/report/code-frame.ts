import type { Colors } from './colors.js';

/** A 0-based position, as LSP ranges have them. */
export interface Position {
  line: number;
  character: number;
}

const MAX_WIDTH = 120;
const CONTEXT = 40;

/**
 * The line a range starts on, with carets under the range (to the end of that line when the
 * range spans several), and the line number in a gutter:
 *
 * ```
 *   12 |   name: Strin
 *      |         ^^^^^
 * ```
 */
export function codeFrame(text: string, start: Position, end: Position, colors: Colors): string {
  const lines = linesOf(text);
  const full = lines[start.line] ?? '';
  const number = String(start.line + 1);
  const gutter = ' '.repeat(number.length);
  const fullFrom = Math.min(start.character, full.length);
  const fullTo = end.line === start.line ? Math.min(end.character, full.length) : full.length;
  // A long line is shown as a window around the range, marked with ellipses.
  const windowStart = full.length > MAX_WIDTH ? Math.max(0, fullFrom - CONTEXT) : 0;
  const windowEnd = Math.min(full.length, windowStart + MAX_WIDTH);
  const prefix = windowStart > 0 ? '…' : '';
  const line = prefix + full.slice(windowStart, windowEnd) + (windowEnd < full.length ? '…' : '');
  const from = fullFrom - windowStart + prefix.length;
  const to = Math.min(fullTo, windowEnd) - windowStart + prefix.length;
  const width = Math.max(1, to - from);
  // Keep tabs in the padding so that the carets line up with the text above them.
  const padding = line.slice(0, from).replace(/[^\t]/g, ' ');
  return [
    `  ${colors.dim(`${number} |`)} ${line}`,
    `  ${colors.dim(`${gutter} |`)} ${padding}${colors.red('^'.repeat(width))}`,
  ].join('\n');
}

/** The last text split into lines: a file's diagnostics are framed one after another. */
let split: { text: string; lines: string[] } | undefined;

/** A text's lines, split once for all the diagnostics of one file, not once for each. */
function linesOf(text: string): string[] {
  if (split?.text !== text) split = { text, lines: text.split(/\r?\n/) };
  return split.lines;
}
