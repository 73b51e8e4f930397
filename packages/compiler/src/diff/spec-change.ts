import type { SourceLocation } from '../ir/spec-ir.js';
import type { changeKinds } from './change-kinds.js';

/** How a change affects the consumers of an API. */
export type Verdict = 'breaking' | 'non-breaking' | 'unknown';

/** A semver bump: what part of the version a change needs to go up. */
export type Bump = 'major' | 'minor' | 'patch';

/** What kind of change it is: a key of {@link changeKinds}. */
export type ChangeKind = keyof typeof changeKinds;

/** One change between two versions of a spec. */
export interface SpecChange {
  readonly kind: ChangeKind;
  readonly verdict: Verdict;
  /**
   * What changed, named so that the same thing has the same subject in both versions:
   * `getEmployee`, `Employee.name`, `Employee.tags[]`, `RequestStatus.pending`,
   * `getEmployee query limit`, `getEmployee response 200`.
   */
  readonly subject: string;
  /** What changed, in a sentence: ``field `email` of `Employee` was removed``. */
  readonly message: string;
  /** Why the verdict: who breaks, or why nobody does. */
  readonly reason: string;
  /**
   * The bump this change needs of a version 1.0.0 or later: `major` for breaking and unknown
   * changes, `minor` for compatible changes of the contract, `patch` for changes that keep its
   * meaning (descriptions, reworded conditions).
   */
  readonly bump: Bump;
  /**
   * Where the change is in the old spec: the thing itself, or for an addition the nearest
   * thing that holds it (the record, the endpoint, the spec header).
   */
  readonly old: SourceLocation;
  /** Where the change is in the new spec; for a removal, the nearest thing that held it. */
  readonly new: SourceLocation;
}

/** The spec on one side of a diff. */
export interface DiffSide {
  readonly name: string;
  readonly version: string;
  readonly fingerprint: string;
}

/** Every change between two versions of a spec, and the version they need. */
export interface SpecDiff {
  readonly old: DiffSide;
  readonly new: DiffSide;
  /** Breaking first, then unknown, then non-breaking; each by place in the new spec. */
  readonly changes: readonly SpecChange[];
  readonly summary: {
    readonly breaking: number;
    readonly nonBreaking: number;
    readonly unknown: number;
  };
}
