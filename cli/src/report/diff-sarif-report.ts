import type { Verdict } from '@specl/compiler';
import { allChangeKinds, changeKinds } from '@specl/compiler';
import type { DiffReport } from './diff-report.js';
import { formatSarifLog, sarifLocation } from '@specl/verify/logs';

const level: Record<Verdict, 'error' | 'warning' | 'note'> = {
  breaking: 'error',
  unknown: 'warning',
  'non-breaking': 'note',
};

/**
 * The SARIF 2.1.0 diff report: one run whose rules are the change kinds
 * (`specl-diff/field-removed`), one result per change at its place in the new version (breaking
 * as `error`, unknown as `warning`, non-breaking as `note`), with its place in the old version
 * as a related location when the old version is a file, and always in the result's properties.
 */
export function formatDiffSarif(report: DiffReport, toolVersion: string): string {
  const ruleIndex = new Map(allChangeKinds.map((kind, index) => [kind, index]));
  const files = [...new Set(report.diff.changes.map((c) => report.new.file(c.new)))].sort();
  const artifactIndex = new Map(files.map((file, index) => [file, index]));
  const rules = allChangeKinds.map((kind) => ({
    id: `specl-diff/${kind}`,
    name: kind,
    shortDescription: { text: changeKinds[kind].summary },
  }));
  const results = report.diff.changes.map((change) => {
    const file = report.new.file(change.new);
    const region = { startLine: change.new.line, startColumn: change.new.column };
    const oldRegion = { startLine: change.old.line, startColumn: change.old.column };
    return {
      ruleId: `specl-diff/${change.kind}`,
      ruleIndex: ruleIndex.get(change.kind),
      level: level[change.verdict],
      message: { text: `${change.message}: ${change.verdict} (${change.reason})` },
      locations: [{ physicalLocation: sarifLocation(file, region, artifactIndex.get(file)) }],
      ...(report.old.ref === undefined
        ? {
            relatedLocations: [
              {
                id: 0,
                message: { text: 'in the old version' },
                physicalLocation: sarifLocation(report.old.file(change.old), oldRegion),
              },
            ],
          }
        : {}),
      properties: {
        verdict: change.verdict,
        bump: change.bump,
        subject: change.subject,
        old: report.old.place(change.old),
      },
    };
  });
  return formatSarifLog({ tool: 'specl', version: toolVersion, rules, files, results });
}
