import { formatJsonLog } from '@specl/verify/logs';
import type { CheckReport } from './check-report.js';

/**
 * The JSON report (format version 1): files checked, diagnostics with 1-based `line` and
 * `column` and an `endColumn` just after the range (as in SARIF), and a summary.
 */
export function formatJsonReport(report: CheckReport, toolVersion: string): string {
  return formatJsonLog(
    { name: 'specl', version: toolVersion },
    {
      files: report.files,
      diagnostics: report.diagnostics.map((d) => ({
        file: d.file,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        severity: d.severity,
        code: d.code,
        message: d.message,
      })),
      summary: { files: report.files.length, errors: report.errors, warnings: report.warnings },
    },
  );
}
