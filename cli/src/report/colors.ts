/** ANSI styles, or plain text when colour is off. */
export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  cyan(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) =>
  `\u001b[${open}m${text}\u001b[${close}m`;

export const ansiColors: Colors = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
  cyan: wrap(36, 39),
};

const identity = (text: string) => text;

export const noColors: Colors = {
  red: identity,
  yellow: identity,
  green: identity,
  dim: identity,
  bold: identity,
  cyan: identity,
};

/**
 * Whether to colour output: `--color`/`--no-color` win, then `NO_COLOR` and `FORCE_COLOR`,
 * then whether the stream is a terminal.
 */
export function useColor(flag: boolean | undefined, stream: { isTTY?: boolean }): boolean {
  if (flag !== undefined) return flag;
  if (process.env['NO_COLOR']) return false;
  if (process.env['FORCE_COLOR'] && process.env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}
