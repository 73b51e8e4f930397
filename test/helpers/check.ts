import { checkSources } from '@specl/language';

/** A diagnostic as tests compare it: 1-based `line:col`, the text its range covers, code and message. */
export interface Finding {
  at: string;
  text: string;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** The header every inline root source gets unless it has its own. */
export const HEADER = 'spec Test version "1.0.0"\n';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function slice(text: string, range: Range): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/**
 * Checks files as given (no header added). `at` is `line:col` in `/main.specl` and
 * `path:line:col` in any other file.
 */
export async function checkFiles(
  files: Record<string, string>,
  roots: string[],
): Promise<Finding[]> {
  const result = await checkSources(files, roots);
  return result.diagnostics.map((d) => {
    const path = new URL(d.uri).pathname;
    const text = files[path] ?? '';
    const prefix = path === '/main.specl' ? '' : `${path}:`;
    return {
      at: `${prefix}${d.range.start.line + 1}:${d.range.start.character + 1}`,
      text: slice(text, d.range),
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
  });
}

/**
 * Checks inline sources in memory. `source` is the root file `/main.specl` (a spec header is
 * added as line 1 when it has none); `others` maps more paths (`/lib.specl`) to their text.
 */
export async function check(
  source: string,
  others: Record<string, string> = {},
): Promise<Finding[]> {
  const main = /^\s*(\/\/\/[^\n]*\n)*\s*spec\s/.test(source) ? source : HEADER + source;
  return checkFiles({ '/main.specl': main, ...others }, ['/main.specl']);
}

/** The findings' codes only, for tests about which checks fire. */
export async function codes(
  source: string,
  others: Record<string, string> = {},
): Promise<string[]> {
  return (await check(source, others)).map((f) => f.code);
}

/** An expected error finding. */
export function error(at: string, text: string, code: string, message: string): Finding {
  return { at, text, severity: 'error', code, message };
}

/** An expected warning finding. */
export function warning(at: string, text: string, code: string, message: string): Finding {
  return { at, text, severity: 'warning', code, message };
}
