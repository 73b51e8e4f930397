import type { SourceLocation } from '@specl/compiler';
import { formatJsonLog } from '@specl/verify/logs';
import type { SpecSide } from '../diff/spec-side.js';
import type { DiffReport } from './diff-report.js';

/**
 * The JSON diff report (format version 1): both sides, every change with its two locations
 * (files relative to the working folder; a `git:` side's files are named as in the working
 * tree, with the side's `ref`), the summary, the version check and whether it failed.
 */
export function formatDiffJson(report: DiffReport, toolVersion: string): string {
  const side = (spec: SpecSide, info: DiffReport['diff']['old']) => ({
    spec: spec.arg,
    ...(spec.ref !== undefined ? { ref: spec.ref } : {}),
    name: info.name,
    version: info.version,
    fingerprint: info.fingerprint,
  });
  const at = (spec: SpecSide, location: SourceLocation) => ({
    file: spec.file(location),
    line: location.line,
    column: location.column,
  });
  const { version: check } = report;
  const document = {
    old: side(report.old, report.diff.old),
    new: side(report.new, report.diff.new),
    changes: report.diff.changes.map((change) => ({
      kind: change.kind,
      verdict: change.verdict,
      bump: change.bump,
      subject: change.subject,
      message: change.message,
      reason: change.reason,
      old: at(report.old, change.old),
      new: at(report.new, change.new),
    })),
    summary: { changes: report.diff.changes.length, ...report.diff.summary },
    semver: {
      old: check.old,
      new: check.new,
      initialDevelopment: check.initialDevelopment,
      needed: check.needed ?? null,
      neededForBreaking: check.neededForBreaking ?? null,
      carried: check.carried,
      suggested: check.suggested ?? null,
    },
    failOn: report.failOn,
    failed: report.failed,
  };
  return formatJsonLog({ name: 'specl', version: toolVersion }, document);
}
