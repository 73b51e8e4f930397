import { allDiagnosticCodes, diagnosticCodes } from '@specl/language';
import type { CheckReport } from './check-report.js';

/**
 * The SARIF 2.1.0 report: one run of the `specl` tool whose rules are the whole table of
 * diagnostic codes, and one result per diagnostic, located by a path relative to the
 * working folder (`%SRCROOT%`, as code-scanning services expect) and a 1-based region.
 */
export function formatSarifReport(report: CheckReport, toolVersion: string): string {
  const ruleIndex = new Map(allDiagnosticCodes.map((code, index) => [code, index]));
  const artifactIndex = new Map(report.files.map((file, index) => [file, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'specl',
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: allDiagnosticCodes.map((code) => ({
              id: code,
              name: code.replace(/^specl\//, ''),
              shortDescription: { text: diagnosticCodes[code].summary },
              defaultConfiguration: { level: diagnosticCodes[code].severity },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: report.files.map((file) => ({
          location: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
          mimeType: 'text/x-specl',
        })),
        results: report.diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code),
          level: d.severity,
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: {
                  uri: encodeURI(d.file),
                  uriBaseId: '%SRCROOT%',
                  index: artifactIndex.get(d.file),
                },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  endLine: d.endLine,
                  endColumn: d.endColumn,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
