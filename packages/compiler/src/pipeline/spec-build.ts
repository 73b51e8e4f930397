import type { CheckResult, SpecDiagnostic } from '@specl/language';
import type { SpecIR } from '../ir/spec-ir.js';
import { LoweringError, lowerSpec } from '../lower/lower-spec.js';

/**
 * The stages a spec goes through before the emitters: `read` (the root and what it imports),
 * `check` (parse, link, validate: the document builder), `lower` (to the IR).
 */
export type SpecStage = 'read' | 'check' | 'lower';

/**
 * A spec taken through the stages, as far as it got: the one outcome the CLI, the language
 * server, diff, the verifier, the agent and the tests work from. Nothing goes on to be emitted
 * unless `ir` is set.
 */
export interface SpecBuild {
  /**
   * The last stage reached: `read` when the root could not be read, `check` when the spec
   * has errors (it stops there), `lower` when it checked without errors (then `ir` is set,
   * unless lowering refused it: see `problem`).
   */
  readonly stage: SpecStage;
  /** Every diagnostic of the root and the files it imports, sorted (see `CheckResult`). */
  readonly diagnostics: readonly SpecDiagnostic[];
  /** The IR, when the spec checked without errors and lowered. */
  readonly ir?: SpecIR;
  /**
   * Why there is no IR though no diagnostic says so: the root cannot be read, or lowering
   * refused a spec that checked clean (one name declared in two files).
   */
  readonly problem?: string;
  /** What the check found: the files, their texts (for code frames) and documents. */
  readonly checked: CheckResult;
}

/**
 * Whether a spec checked without errors and lowered: then, and only then, it has its IR
 * (`buildFromCheck` sets `ir` only at the `lower` stage, and never beside a `problem`; a
 * `buildSpecs` outcome without its documents has it always). Otherwise it is a whole
 * {@link SpecBuild}.
 */
export function isLowered<B extends { readonly ir?: SpecIR }>(
  build: B,
): build is B & { readonly ir: SpecIR } {
  return build.ir !== undefined;
}

/** Whether a spec has errors among its diagnostics. */
export function hasErrors(diagnostics: readonly SpecDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Takes a checked spec on from the check: stops with its diagnostics when they hold an error,
 * otherwise lowers the root (an absolute path, `/api/main.specl`) with what it imports.
 */
export function buildFromCheck(checked: CheckResult, rootPath: string): SpecBuild {
  const diagnostics = checked.diagnostics;
  const root = checked.documents.find((document) => document.uri.path === rootPath);
  if (checked.unreadable.length > 0 || !root) {
    return { stage: 'read', diagnostics, checked, problem: `cannot read \`${rootPath}\`` };
  }
  if (hasErrors(diagnostics)) return { stage: 'check', diagnostics, checked };
  try {
    return { stage: 'lower', diagnostics, checked, ir: lowerSpec(root, checked.documents) };
  } catch (error) {
    if (!(error instanceof LoweringError)) throw error;
    return { stage: 'lower', diagnostics, checked, problem: error.message };
  }
}
