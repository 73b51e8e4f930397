import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { SpecIR } from '@specl/compiler';
import type { AgentProgress } from './agent-options.js';
import type { AuditLog } from './audit-log.js';
import { describeVerification, verificationHeld } from './describe-verification.js';
import type { SandboxLimits } from './sandbox/sandbox-command.js';
import { installRoot } from './sandbox/sandbox-command.js';
import type { SandboxProtection } from './sandbox/sandbox-protection.js';
import { SandboxedVerifier } from './sandbox/sandboxed-verifier.js';
import type { VerificationGate } from './parallel/verification-gate.js';
import type { StagedImpl } from './staged-impl.js';
import type { VerificationOutcome } from './verification-job.js';

/** A verification, and the text the model reads of it. */
export interface Verified {
  readonly outcome: VerificationOutcome;
  readonly text: string;
}

/** What the staged verifier needs. */
export interface StagedVerifierOptions {
  readonly ir: SpecIR;
  readonly staged: StagedImpl;
  /** The module the verifier loads, relative to the implementation folder. */
  readonly entry: string;
  /** The endpoints in scope. */
  readonly scope: readonly string[];
  readonly runs: number;
  readonly seed?: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** The implementation folder as shown to the model (in place of the staged copy's path). */
  readonly folderShown: string;
  readonly audit: AuditLog;
  readonly progress: (event: AgentProgress) => void;
  /** The sandbox the candidate code runs in, and its limits. */
  readonly sandbox: SandboxProtection;
  readonly limits?: SandboxLimits;
  /**
   * Leave out the written properties that also call endpoints outside those asked (a group of
   * a parallel run: those are checked on the merged whole). Without them there are no call
   * sequences either; with nothing left out, everything runs as usual.
   */
  readonly ownPropertiesOnly?: boolean;
  /** Shared by the agents of a parallel run: how many verifications may run at once. */
  readonly gate?: VerificationGate;
}

/** The endpoints each written property calls. */
const callsOf = (ir: SpecIR) =>
  ir.properties.map((property) => ({
    name: property.name,
    calls: property.statements.flatMap((s) =>
      s.kind === 'let' && s.call ? [s.call.endpoint] : [],
    ),
  }));

/** The properties to run with `asked` when only those within it may: undefined for all. */
function ownProperties(ir: SpecIR, asked: readonly string[]): string[] | undefined {
  const touching = callsOf(ir).filter((p) => p.calls.some((call) => asked.includes(call)));
  const within = touching.filter((p) => p.calls.every((call) => asked.includes(call)));
  return within.length === touching.length ? undefined : within.map((p) => p.name);
}

/** How many failed verifications are kept for a critic to read. */
const KEPT_FAILURES = 3;

/** What the sandbox may read: the stage, the project it mirrors (and its packages), Specl. */
export function readableFolders(staged: StagedImpl): string[] {
  const folders = [staged.stageRoot, staged.anchor, installRoot()];
  const modules = join(staged.anchor, 'node_modules');
  if (existsSync(modules)) folders.push(realpathSync(modules));
  return [...new Set(folders)];
}

/**
 * Runs the verifier on the staged implementation, logs and reports each verification, and
 * remembers the last one of the whole scope until the staged code changes.
 */
export class StagedVerifier {
  private readonly worker: SandboxedVerifier;
  /** The last verification of every endpoint in scope, while it speaks for the staged code. */
  latest: Verified | undefined;
  /** The last few verifications that failed, as the model read them (oldest first). */
  readonly failures: string[] = [];

  constructor(private readonly options: StagedVerifierOptions) {
    const { staged } = options;
    this.worker = new SandboxedVerifier(
      options.sandbox,
      { writable: staged.stagedFolder, readable: readableFolders(staged) },
      staged.stageRoot,
      options.limits,
    );
  }

  /** Whether `asked` is every endpoint in scope. */
  isWholeScope(asked: readonly string[]): boolean {
    const { scope } = this.options;
    return asked.length === scope.length && scope.every((name) => asked.includes(name));
  }

  /** Verifies the endpoints asked for (and the properties and sequences that call them). */
  async verify(asked: readonly string[]): Promise<Verified> {
    const { ir, staged, audit, progress } = this.options;
    const whole = this.isWholeScope(asked);
    const everything = whole && asked.length === ir.endpoints.length;
    const properties =
      this.options.ownPropertiesOnly === true && !everything ? ownProperties(ir, asked) : undefined;
    const run = () =>
      this.worker.run(
        {
          ir,
          module: join(staged.stagedFolder, this.options.entry),
          runs: this.options.runs,
          ...(this.options.seed !== undefined && { seed: this.options.seed }),
          ...(!everything && { endpoints: asked }),
          ...(properties !== undefined && { properties }),
        },
        {
          timeoutMs: this.options.timeoutMs,
          ...(this.options.signal && { signal: this.options.signal }),
        },
      );
    const outcome = await (this.options.gate ? this.options.gate.run(run) : run());
    const scope = whole ? 'every endpoint in scope' : `endpoint ${asked.join(', ')}`;
    let text = describeVerification(outcome, scope)
      .split(staged.stagedFolder)
      .join(this.options.folderShown);
    const checks = outcome.report?.checks ?? [];
    audit.write('verification', {
      endpoints: asked,
      ok: verificationHeld(outcome),
      ...(outcome.error !== undefined && { error: outcome.error }),
      checks: checks.map((check) => ({
        name: check.name,
        status: check.status,
        runs: check.runs,
        ...(check.failure && {
          failure: {
            kind: check.failure.kind,
            message: check.failure.message,
            clause: check.failure.clause,
          },
        }),
      })),
      durationMs: outcome.durationMs,
    });
    progress({
      type: 'verification',
      endpoints: asked,
      held: checks.filter((c) => c.status !== 'failed').length,
      failed: checks.filter((c) => c.status === 'failed').length,
      ...(outcome.error !== undefined && { error: outcome.error }),
    });
    if (properties !== undefined) {
      const left = callsOf(ir)
        .filter((p) => !properties.includes(p.name) && p.calls.some((c) => asked.includes(c)))
        .map((p) => p.name);
      text += `\n(left out here, checked on the merged whole: ${['call sequences', ...left.map((name) => `property ${name}`)].join(', ')}, which call endpoints other agents implement)`;
    }
    const verified = { outcome, text };
    if (whole) this.latest = verified;
    if (!verificationHeld(outcome)) {
      this.failures.push(text);
      if (this.failures.length > KEPT_FAILURES) this.failures.shift();
    }
    return verified;
  }

  /** The last verification of the whole scope, running one if the code changed since. */
  async current(): Promise<Verified> {
    return this.latest ?? (await this.verify(this.options.scope));
  }

  /** Whether the staged code, as it is now, is known to hold. */
  get holds(): boolean {
    return this.latest !== undefined && verificationHeld(this.latest.outcome);
  }

  /** The staged code changed: the last verification no longer speaks for it. */
  invalidate(): void {
    this.latest = undefined;
  }

  /** Ends any sandboxed verification still running. */
  close(): void {
    this.worker.close();
  }
}
