import type { Verdict } from '@specl/compiler';
import type { Colors } from './colors.js';
import type { DiffReport } from './diff-report.js';
import { changeCount, diffTitle, sameContract, versionLines } from './diff-report.js';

/**
 * The human diff report: one block per change, `place: verdict kind: message` with its reason
 * and its place in the old version, then the count and the version verdict.
 */
export function formatDiffText(report: DiffReport, colors: Colors): string {
  const paint: Record<Verdict, (text: string) => string> = {
    breaking: (text) => colors.red(colors.bold(text)),
    unknown: (text) => colors.yellow(colors.bold(text)),
    'non-breaking': (text) => colors.green(text),
  };
  const blocks = report.diff.changes.map((change) =>
    [
      `${colors.bold(report.new.place(change.new))}: ${paint[change.verdict](change.verdict)} ${colors.dim(change.kind)}: ${change.message}`,
      `  ${change.reason}`,
      colors.dim(`  old: ${report.old.place(change.old)}`),
    ].join('\n'),
  );
  const same = sameContract(report);
  const head = `${diffTitle(report)}: ${changeCount(report)}${same ? ` (${same})` : ''}`;
  const summary = report.diff.summary.breaking > 0 ? colors.bold(head) : head;
  const [step, verdict] = versionLines(report);
  const tail =
    verdict === undefined
      ? [step]
      : [step, report.failed ? colors.red(colors.bold(verdict)) : colors.green(verdict)];
  return [...blocks, [summary, ...tail].join('\n')].join('\n\n') + '\n';
}
