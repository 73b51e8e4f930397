import type { Colors } from './colors.js';

/** A 0-based position, as LSP ranges have them. */
export interface Position {
  line: number;
  character: number;
}

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
  const lines = text.split(/\r?\n/);
  const line = lines[start.line] ?? '';
  const number = String(start.line + 1);
  const gutter = ' '.repeat(number.length);
  const from = Math.min(start.character, line.length);
  const to = end.line === start.line ? Math.min(end.character, line.length) : line.length;
  const width = Math.max(1, to - from);
  // Keep tabs in the padding so that the carets line up with the text above them.
  const padding = line.slice(0, from).replace(/[^\t]/g, ' ');
  return [
    `  ${colors.dim(`${number} |`)} ${line}`,
    `  ${colors.dim(`${gutter} |`)} ${padding}${colors.red('^'.repeat(width))}`,
  ].join('\n');
}
