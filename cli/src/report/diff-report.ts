import type { FailOn, SpecDiff, VersionCheck } from '@specl/compiler';
import type { SpecSide } from '../diff/spec-side.js';
import { plural } from './check-report.js';

/** What the diff reporters print: the diff, both sides, the version check and its outcome. */
export interface DiffReport {
  readonly diff: SpecDiff;
  readonly old: SpecSide;
  readonly new: SpecSide;
  readonly version: VersionCheck;
  readonly failOn: FailOn;
  /** Whether the version check failed under `failOn` (exit 1). */
  readonly failed: boolean;
}

/** "7 changes: 5 breaking, 2 non-breaking" (or "no changes"). */
export function changeCount(report: DiffReport): string {
  const { breaking, unknown, nonBreaking } = report.diff.summary;
  if (report.diff.changes.length === 0) return 'no changes';
  const parts = [
    breaking > 0 ? `${breaking} breaking` : '',
    unknown > 0 ? `${unknown} unknown` : '',
    nonBreaking > 0 ? `${nonBreaking} non-breaking` : '',
  ].filter(Boolean);
  return `${plural(report.diff.changes.length, 'change')}: ${parts.join(', ')}`;
}

const carriedText = {
  major: 'a major bump',
  minor: 'a minor bump',
  patch: 'a patch bump',
  none: 'no bump',
  backwards: 'a step backwards',
} as const;

/**
 * The version verdict: what the new version carries against what the changes need, and, when
 * the check fails, the fix.
 */
export function versionLines(report: DiffReport): string[] {
  const { version: check, failOn } = report;
  const step = `version ${check.old} → ${check.new} is ${carriedText[check.carried]}`;
  if (check.needed === undefined) return [`${step}; the changes need none`];
  const zero = check.initialDevelopment ? ' (in 0.x, breaking changes bump the minor version)' : '';
  const lines = [
    `${step}; the changes need ${carriedText[check.needed]}: ${check.suggested} or later${zero}`,
  ];
  if (!report.failed && failOn !== 'none') lines.push(`version check passed (--fail-on ${failOn})`);
  if (report.failed) {
    const what = failOn === 'breaking' ? 'breaking changes' : 'changes';
    lines.push(
      `fails --fail-on ${failOn}: the ${what} need a version that carries them; make it ${failOn === 'breaking' ? check.suggestedForBreaking : check.suggested} or later, or undo them`,
    );
  }
  return lines;
}

/** The heading of a report: `Vacation 1.2.0 → 1.3.0`. */
export function diffTitle(report: DiffReport): string {
  const { old, new: now } = report.diff;
  const name = old.name === now.name ? old.name : `${old.name} → ${now.name}`;
  return `${name} ${old.version} → ${now.version}`;
}

/** Why a diff has no changes though the fingerprints differ (a change of order only). */
export function sameContract(report: DiffReport): string | undefined {
  const { old, new: now } = report.diff;
  if (report.diff.changes.length > 0) return undefined;
  if (old.fingerprint === now.fingerprint) return 'the two versions are the same spec';
  return old.version === now.version
    ? 'the fingerprints differ only by the order of fields, members or clauses'
    : 'the fingerprints differ only by the version (and perhaps the order of fields, members or clauses)';
}
