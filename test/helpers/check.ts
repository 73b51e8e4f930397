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

function slice(
  text: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/**
 * Checks inline sources in memory. `source` is the root file `/main.specl` (a spec header is
 * added when it has none); `others` maps more paths (`/lib.specl`) to their text.
 */
export async function check(
  source: string,
  others: Record<string, string> = {},
): Promise<Finding[]> {
  const main = /^\s*(\/\/\/[^\n]*\n)*\s*spec\s/.test(source) ? source : HEADER + source;
  const files = { '/main.specl': main, ...others };
  const result = await checkSources(files, ['/main.specl']);
  return result.diagnostics.map((d) => {
    const path = new URL(d.uri).pathname;
    const text = files[path as keyof typeof files] ?? '';
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

/** The findings' codes only, for tests about which checks fire. */
export async function codes(
  source: string,
  others: Record<string, string> = {},
): Promise<string[]> {
  return (await check(source, others)).map((f) => f.code);
}
