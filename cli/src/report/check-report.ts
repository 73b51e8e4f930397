import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckResult, SpecDiagnostic } from '@specl/language';

/** A diagnostic located for people and CI: a path relative to the working folder, 1-based. */
export interface LocatedDiagnostic {
  /** The file, relative to the working folder, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  /** The column just after the range, as SARIF's `endColumn`. */
  readonly endColumn: number;
  readonly severity: SpecDiagnostic['severity'];
  readonly code: SpecDiagnostic['code'];
  readonly message: string;
  /** The diagnostic as the checker gave it (0-based range), for code frames. */
  readonly source: SpecDiagnostic;
}

/** What a reporter prints: the files checked and their diagnostics. */
export interface CheckReport {
  readonly files: readonly string[];
  readonly diagnostics: readonly LocatedDiagnostic[];
  readonly errors: number;
  readonly warnings: number;
  readonly texts: ReadonlyMap<string, string>;
}

/** The path of a file URI relative to `cwd`, with `/` separators. */
export function displayFile(uri: string, cwd: string): string {
  const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  return relative(cwd, path).split('\\').join('/') || path;
}

/**
 * Locates a check's diagnostics relative to the working folder (or as `display` shows a file
 * URI: `specl diff` shows files read from git as `ref:path`).
 */
export function toCheckReport(
  result: CheckResult,
  cwd: string,
  display: (uri: string) => string = (uri) => displayFile(uri, cwd),
): CheckReport {
  const diagnostics = result.diagnostics.map((d) => ({
    file: display(d.uri),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    source: d,
  }));
  return {
    files: result.uris.map(display),
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    texts: result.texts,
  };
}

/** "1 error", "2 warnings". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
