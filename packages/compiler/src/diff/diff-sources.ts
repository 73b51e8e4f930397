import type { CheckResult, SpecDiagnostic } from '@specl/language';
import { checkSources } from '@specl/language';
import type { SpecIR } from '../ir/spec-ir.js';
import { LoweringError, lowerSpec } from '../lower/lower-spec.js';
import { diffSpecs } from './diff-specs.js';
import type { SpecDiff } from './spec-change.js';

/** A spec held in memory: files by absolute path (`/api/main.specl`) and the root among them. */
export interface SpecSources {
  readonly files: Readonly<Record<string, string>>;
  readonly root: string;
}

/** A checked spec: its IR when it has no errors, and its diagnostics either way. */
export interface LoweredSpec {
  readonly ir?: SpecIR;
  readonly diagnostics: readonly SpecDiagnostic[];
  /** Why there is no IR though no diagnostic is an error (a name declared in two files). */
  readonly loweringError?: string;
}

/**
 * Lowers a checked spec's root, if it has no errors: what `specl diff` and the editor do with
 * each version once it is checked (from disk, from git or from memory).
 */
export function lowerChecked(result: CheckResult, rootPath: string): LoweredSpec {
  const diagnostics = result.diagnostics;
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const root = result.documents.find((document) => document.uri.path === rootPath);
  if (!root) return { diagnostics, loweringError: `\`${rootPath}\` was not checked` };
  try {
    return { ir: lowerSpec(root, result.documents), diagnostics };
  } catch (error) {
    if (error instanceof LoweringError) return { diagnostics, loweringError: error.message };
    throw error;
  }
}

/** Checks and lowers a spec held in memory. */
export async function lowerSources(sources: SpecSources): Promise<LoweredSpec> {
  const result = await checkSources({ ...sources.files }, [sources.root]);
  return lowerChecked(result, sources.root);
}

/** Both versions checked, and their diff when both have no errors. */
export interface SourcesDiff {
  readonly old: LoweredSpec;
  readonly new: LoweredSpec;
  readonly diff?: SpecDiff;
}

/** Checks two versions of a spec held in memory and diffs them (see {@link diffSpecs}). */
export async function diffSources(before: SpecSources, after: SpecSources): Promise<SourcesDiff> {
  const old = await lowerSources(before);
  const now = await lowerSources(after);
  return {
    old,
    new: now,
    ...(old.ir && now.ir ? { diff: diffSpecs(old.ir, now.ir) } : {}),
  };
}
