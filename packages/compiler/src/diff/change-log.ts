import type { SourceLocation } from '../ir/spec-ir.js';
import type { Judgement } from './judgement.js';
import type { Bump, ChangeKind, SpecChange } from './spec-change.js';

/** A change as the comparisons find it, before its verdict. */
export interface FoundChange {
  readonly kind: ChangeKind;
  readonly subject: string;
  readonly message: string;
  readonly old: SourceLocation;
  readonly new: SourceLocation;
}

/** Collects the changes of one diff. */
export class ChangeLog {
  readonly changes: SpecChange[] = [];

  /**
   * Records a change with its verdict. Its bump is `major` when it is breaking or undecided,
   * otherwise `minor`, or `patch` when `keepsMeaning` (a doc comment, a reworded condition).
   */
  add(found: FoundChange, judgement: Judgement, keepsMeaning = false): void {
    const bump: Bump =
      judgement.verdict !== 'non-breaking' ? 'major' : keepsMeaning ? 'patch' : 'minor';
    this.changes.push({
      kind: found.kind,
      verdict: judgement.verdict,
      subject: found.subject,
      message: found.message,
      reason: judgement.reason,
      bump,
      old: found.old,
      new: found.new,
    });
  }

  /** Records a changed doc comment (or one added or removed), if it changed. */
  description(
    subject: string,
    a: string | undefined,
    b: string | undefined,
    old: SourceLocation,
    now: SourceLocation,
  ): void {
    if (a === b) return;
    const what = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    this.add(
      {
        kind: 'description-changed',
        subject,
        message: `the doc comment of \`${subject}\` was ${what}`,
        old,
        new: now,
      },
      { verdict: 'non-breaking', reason: 'doc comments do not change what travels on the wire' },
      true,
    );
  }
}
