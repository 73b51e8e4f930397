/** The tool that wrote a report: `specl` and its version. */
export interface ReportTool {
  readonly name: string;
  readonly version: string;
}

/**
 * A JSON report as text: the one envelope of `specl check`, `specl diff` and `specl verify`
 * (`--format json` / `--reporter json`). Format `version` 1 and the `tool` come first, then the
 * report's own fields; two-space indentation and a final newline, so the same report is the
 * same bytes.
 */
export function formatJsonLog(tool: ReportTool, report: object): string {
  return `${JSON.stringify({ version: 1, tool, ...report }, null, 2)}\n`;
}
