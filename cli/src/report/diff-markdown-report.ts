import type { SpecChange, Verdict } from '@specl/compiler';
import type { DiffReport } from './diff-report.js';
import { changeCount, diffTitle, sameContract, versionLines } from './diff-report.js';

/** Text for a Markdown table cell: pipes escaped, line breaks as spaces. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const headings: Record<Verdict, string> = {
  breaking: 'Breaking',
  unknown: 'Unknown (review these)',
  'non-breaking': 'Non-breaking',
};

/**
 * The Markdown diff report, for a pull request comment: a heading, the count and the version
 * verdict, then a table of changes per verdict (breaking first) with both places and the reason.
 */
export function formatDiffMarkdown(report: DiffReport): string {
  const same = sameContract(report);
  const lines = [
    `### specl diff: ${cell(diffTitle(report))}`,
    '',
    `**${changeCount(report)}**${same ? ` (${same})` : ''}.`,
    '',
    ...versionLines(report).map((line, i) =>
      i === 0 ? `${line}.` : report.failed ? `**${line}.**` : `${line}.`,
    ),
  ];
  for (const verdict of ['breaking', 'unknown', 'non-breaking'] as const) {
    const changes = report.diff.changes.filter((change) => change.verdict === verdict);
    if (changes.length === 0) continue;
    lines.push('', `#### ${headings[verdict]} (${changes.length})`, '');
    lines.push('| Change | Why | New | Old |', '| --- | --- | --- | --- |');
    lines.push(...changes.map((change) => row(report, change)));
  }
  return lines.join('\n') + '\n';
}

function row(report: DiffReport, change: SpecChange): string {
  const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
  return `| ${cell(`${code(change.kind)} ${change.message}`)} | ${cell(change.reason)} | ${cell(code(report.new.place(change.new)))} | ${cell(code(report.old.place(change.old)))} |`;
}
