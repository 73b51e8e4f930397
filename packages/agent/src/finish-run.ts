import { AgentError } from './agent-error.js';
import type { AgentOutcome, AgentReport, AgentResult, MergeConflict } from './agent-options.js';
import type { AuditLog } from './audit-log.js';
import type { Budget, BudgetLimit } from './budget.js';
import type { StagedImpl } from './staged-impl.js';
import type { StagedVerifier } from './staged-verifier.js';

/** What a run had when it ended. */
export interface RunState {
  readonly staged: StagedImpl;
  readonly verifier: StagedVerifier;
  readonly audit: AuditLog;
  readonly budget: Budget;
  readonly model: string;
  readonly priceKnown: boolean;
  /** Verify the code as it was even without changes (`repair`: the result says what holds). */
  readonly verifyUnchanged: boolean;
  /** Write the changes when the run verified. */
  readonly apply: boolean;
  /** Diff paths are shown relative to this folder. */
  readonly displayBase: string;
  /** Every agent of the run, as it ended. */
  readonly agents: () => readonly AgentReport[];
  /** The files groups wrote differently (parallel runs). */
  readonly conflicts?: readonly MergeConflict[];
}

/** How a run ended, in words, and the limit that ended it. */
export interface Ending {
  readonly outcome: AgentOutcome;
  readonly reason: string;
  readonly limit?: BudgetLimit;
}

/**
 * Ends a run: verifies the staged code if no verification speaks for it yet (not after an
 * interruption), writes the changes all at once when the run verified and `apply` was asked,
 * saves the diff beside the audit log otherwise, and logs the summary.
 */
export async function finishRun(state: RunState, ending: Ending): Promise<AgentResult> {
  const { staged, verifier, audit, budget } = state;
  const edits = staged.stagedEdits();
  if (ending.outcome !== 'interrupted' && (edits.length > 0 || state.verifyUnchanged))
    await verifier.current();
  const report = verifier.latest?.outcome.report;
  const checks = report?.checks ?? [];
  const diff = staged.diff(state.displayBase);
  let applied = false;
  if (ending.outcome === 'verified' && state.apply && edits.length > 0) {
    try {
      staged.apply();
    } catch (error) {
      throw new AgentError('usage', (error as Error).message);
    }
    applied = true;
  }
  const savedDiff = edits.length > 0 && !applied ? audit.writeBeside('.diff', diff) : undefined;
  const result: AgentResult = {
    ...ending,
    edits,
    diff,
    applied,
    ...(report !== undefined && { verification: report }),
    held: checks.filter((c) => c.status !== 'failed').map((c) => c.name),
    failed: checks.filter((c) => c.status === 'failed').map((c) => c.name),
    model: state.model,
    priceKnown: state.priceKnown,
    turns: budget.turns,
    usage: budget.usage,
    tokens: budget.tokens,
    costUsd: budget.costUsd,
    agents: state.agents(),
    conflicts: state.conflicts ?? [],
    auditLog: audit.path,
    ...(savedDiff !== undefined && { savedDiff }),
  };
  audit.write('summary', {
    outcome: result.outcome,
    reason: result.reason,
    turns: result.turns,
    usage: result.usage,
    tokens: result.tokens,
    costUsd: result.costUsd,
    held: result.held,
    failed: result.failed,
    filesChanged: edits.map((edit) => edit.relative),
    applied,
    ...(result.agents.length > 1 && {
      agents: result.agents.map(({ id, role, outcome, turns, tokens, costUsd }) => ({
        id,
        role,
        outcome,
        turns,
        tokens,
        costUsd,
      })),
    }),
    ...(result.conflicts.length > 0 && {
      conflicts: result.conflicts.map((conflict) => ({
        file: conflict.relative,
        agents: conflict.versions.map((version) => version.agent),
      })),
    }),
  });
  return result;
}
