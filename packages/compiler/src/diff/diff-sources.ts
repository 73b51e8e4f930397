import type { SpecSources } from '../pipeline/build-spec.js';
import { buildSpec } from '../pipeline/build-spec.js';
import type { SpecBuild } from '../pipeline/spec-build.js';
import { diffSpecs } from './diff-specs.js';
import type { SpecDiff } from './spec-change.js';

/** Both versions built, and their diff when both have an IR. */
export interface SourcesDiff {
  readonly old: SpecBuild;
  readonly new: SpecBuild;
  readonly diff?: SpecDiff;
}

/** Checks two versions of a spec held in memory and diffs them (see {@link diffSpecs}). */
export async function diffSources(before: SpecSources, after: SpecSources): Promise<SourcesDiff> {
  const old = await buildSpec(before);
  const now = await buildSpec(after);
  return {
    old,
    new: now,
    ...(old.ir && now.ir ? { diff: diffSpecs(old.ir, now.ir) } : {}),
  };
}
