import type { CheckReport } from './check-report.js';
import { plural } from './check-report.js';
import { codeFrame } from './code-frame.js';
import type { Colors } from './colors.js';

/**
 * The human report: `path:line:col: error specl/code: message` and a code frame for each
 * diagnostic, then a summary line.
 */
export function formatTextReport(report: CheckReport, colors: Colors): string {
  const blocks = report.diagnostics.map((d) => {
    const severity =
      d.severity === 'error'
        ? colors.red(colors.bold('error'))
        : colors.yellow(colors.bold('warning'));
    const head = `${colors.bold(`${d.file}:${d.line}:${d.column}`)}: ${severity} ${colors.dim(d.code)}: ${d.message}`;
    const text = report.texts.get(d.source.uri);
    return text === undefined
      ? head
      : `${head}\n${codeFrame(text, d.source.range.start, d.source.range.end, colors)}`;
  });
  return [...blocks, summaryLine(report, colors)].join('\n\n') + '\n';
}

function summaryLine(report: CheckReport, colors: Colors): string {
  const files = plural(report.files.length, 'file');
  if (report.errors === 0 && report.warnings === 0)
    return colors.green(`${files} checked: no problems found`);
  const counts = [
    report.errors > 0 ? plural(report.errors, 'error') : '',
    report.warnings > 0 ? plural(report.warnings, 'warning') : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const affected = new Set(report.diagnostics.map((d) => d.file)).size;
  const line = `${counts} in ${affected} of ${files} checked`;
  return report.errors > 0 ? colors.red(colors.bold(line)) : colors.yellow(line);
}
