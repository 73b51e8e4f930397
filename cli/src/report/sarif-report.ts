import { allDiagnosticCodes, diagnosticCodes } from '@specl/language';
import type { CheckReport } from './check-report.js';
import { formatSarifLog, sarifLocation } from '@specl/verify/logs';

/**
 * The SARIF 2.1.0 report: one run of the `specl` tool whose rules are the whole table of
 * diagnostic codes, and one result per diagnostic, located by a path relative to the
 * working folder (`%SRCROOT%`, as code-scanning services expect) and a 1-based region.
 */
export function formatSarifReport(report: CheckReport, toolVersion: string): string {
  const ruleIndex = new Map(allDiagnosticCodes.map((code, index) => [code, index]));
  const artifactIndex = new Map(report.files.map((file, index) => [file, index]));
  const rules = allDiagnosticCodes.map((code) => ({
    id: code,
    name: code.replace(/^specl\//, ''),
    shortDescription: { text: diagnosticCodes[code].summary },
    defaultConfiguration: { level: diagnosticCodes[code].severity },
  }));
  const results = report.diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: ruleIndex.get(d.code),
    level: d.severity,
    message: { text: d.message },
    locations: [
      {
        physicalLocation: sarifLocation(
          d.file,
          { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          artifactIndex.get(d.file),
        ),
      },
    ],
  }));
  return formatSarifLog({
    tool: 'specl',
    version: toolVersion,
    rules,
    files: report.files,
    results,
  });
}
