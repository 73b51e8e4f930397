import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { ImportError } from './import-error.js';

/** The largest document import reads by default: 16 MB. */
export const defaultMaxBytes = 16 * 1024 * 1024;

/**
 * Reads and parses a JSON or YAML document, reading at most `maxBytes` (a larger file is
 * refused before it is read). Answers the parsed value; throws an {@link ImportError} naming
 * `shown:line:col` when the text does not parse.
 */
export function readDocument(path: string, shown: string, maxBytes = defaultMaxBytes): unknown {
  const text = readBounded(path, shown, maxBytes);
  return parseText(text, shown);
}

/** Reads a text file of at most `maxBytes` (a larger one is refused before it is read). */
export function readBounded(path: string, shown: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === 'ENOENT'
        ? `cannot read \`${shown}\`: no such file`
        : `cannot read \`${shown}\` (${code ?? 'unknown error'}); check its permissions`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ImportError(`cannot read \`${shown}\`: not a file`);
    if (stat.size > maxBytes) {
      throw new ImportError(
        `\`${shown}\` is ${megabytes(stat.size)}, above the ${megabytes(maxBytes)} import limit; ` +
          'split it into files joined by $refs, or raise the limit with --max-size <MB>',
      );
    }
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Parses JSON (when the text starts with `{` or `[`) or YAML 1.2. */
export function parseText(text: string, shown: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch (error) {
      const offset = jsonErrorOffset(trimmed) + (text.length - trimmed.length);
      const place = jsonErrorPlace(text, error) || placeOf(text, offset);
      throw new ImportError(`${shown}${place}: not valid JSON: ${reason(error)}`);
    }
  }
  const document = parseDocument(text, { prettyErrors: true });
  const first = document.errors[0];
  if (first) {
    const place = yamlErrorPlace(text);
    throw new ImportError(
      `${shown}${place}: not valid YAML: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  }
  try {
    return document.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw new ImportError(`${shown}: cannot read the YAML: ${reason(error)}`);
  }
}

/** `:line:col` of the first YAML error in `text` (JSON is YAML too), or nothing. */
function yamlErrorPlace(text: string): string {
  const at = parseDocument(text, { prettyErrors: true }).errors[0]?.linePos?.[0];
  return at ? `:${at.line}:${at.col}` : '';
}

/**
 * Where JSON.parse fails in `text`: the shortest prefix that fails for another reason than
 * ending early (found by bisection, as Node 20 does not always say).
 */
function jsonErrorOffset(text: string): number {
  const endsEarly = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      return (
        /end of JSON input|Unterminated|Expected/.test(reason(error)) &&
        !/Unexpected token|Unexpected non-whitespace/.test(reason(error))
      );
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (endsEarly(mid)) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}

function placeOf(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `:${before.length}:${before.at(-1)!.length + 1}`;
}

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** `:line:col` of a JSON.parse error's position, when it names one. */
function jsonErrorPlace(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(reason(error));
  if (!match) return '';
  const offset = Number(match[1]) + (text.length - text.replace(/^\uFEFF/, '').trimStart().length);
  const before = text.slice(0, offset).split('\n');
  return `:${before.length}:${before.at(-1)!.length + 1}`;
}
