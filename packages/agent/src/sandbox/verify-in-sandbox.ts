import { basename, dirname, join } from 'node:path';
import type { SpecIR } from '@specl/compiler';
import { StagedImpl } from '../staged-impl.js';
import { readableFolders } from '../staged-verifier.js';
import type { VerificationOutcome } from '../verification-job.js';
import type { SandboxLimits } from './sandbox-command.js';
import type { SandboxProtection } from './sandbox-protection.js';
import { detectSandbox } from './sandbox-protection.js';
import { DEFAULT_SANDBOX_LIMITS, SandboxedVerifier } from './sandboxed-verifier.js';

/** A verification of code nobody vouches for (a model's, an MCP client's). */
export interface UntrustedVerification {
  readonly ir: SpecIR;
  /** The implementation module (absolute); its folder is copied to a stage, never written. */
  readonly module: string;
  /** The root spec's folder (the stage mirrors the project around both). */
  readonly specDir: string;
  readonly runs: number;
  readonly seed?: number;
  /** Only these endpoints; all when absent. */
  readonly endpoints?: readonly string[];
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** The sandbox to run in (default: the strongest that works here). */
  readonly sandbox?: SandboxProtection;
  readonly limits?: SandboxLimits;
}

/**
 * Verifies an implementation module the way the agent verifies its candidates: its folder is
 * staged in a temporary copy, bundled, and run by the verifier in a sandboxed child process
 * (no secrets in its environment, writes only to the stage, the network cut where the
 * sandbox can, CPU, memory and file limits, killed at the time limit). The stage is removed
 * afterwards; paths into it in the outcome are given back as the real folder's.
 */
export async function verifyInSandbox(job: UntrustedVerification): Promise<VerificationOutcome> {
  const folder = dirname(job.module);
  const staged = StagedImpl.create(folder, job.specDir);
  const verifier = new SandboxedVerifier(
    job.sandbox ?? detectSandbox(),
    { writable: staged.stagedFolder, readable: readableFolders(staged) },
    staged.stageRoot,
    job.limits ?? DEFAULT_SANDBOX_LIMITS,
  );
  try {
    const outcome = await verifier.run(
      {
        ir: job.ir,
        module: join(staged.stagedFolder, basename(job.module)),
        runs: job.runs,
        ...(job.seed !== undefined && { seed: job.seed }),
        ...(job.endpoints !== undefined && { endpoints: job.endpoints }),
      },
      { timeoutMs: job.timeoutMs, ...(job.signal && { signal: job.signal }) },
    );
    const unstage = (text: string) => text.split(staged.stagedFolder).join(folder);
    return {
      ...outcome,
      ...(outcome.report !== undefined && {
        report: JSON.parse(unstage(JSON.stringify(outcome.report))) as typeof outcome.report,
      }),
      output: unstage(outcome.output),
      ...(outcome.error !== undefined && { error: unstage(outcome.error) }),
    };
  } finally {
    verifier.close();
    staged.dispose();
  }
}
