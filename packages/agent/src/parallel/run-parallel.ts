import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { AgentError } from '../agent-error.js';
import type { AgentOptions, AgentResult, MergeConflict } from '../agent-options.js';
import { mergeRequest } from '../agent-prompts.js';
import type { AgentSeat, RunSetup } from '../agent-seat.js';
import { seatAgent } from '../agent-seat.js';
import { runSession } from '../agent-session.js';
import { AuditLog } from '../audit-log.js';
import { Budget } from '../budget.js';
import { verificationHeld } from '../describe-verification.js';
import type { Ending } from '../finish-run.js';
import { finishRun } from '../finish-run.js';
import type { Author } from '../agent-author.js';
import { authorOf, checkEntry, reportsOf, runAuthor, startEntry } from '../agent-author.js';
import { PathRefused } from '../impl-path.js';
import { StagedImpl } from '../staged-impl.js';
import { groupEndpoints } from './endpoint-groups.js';
import { mergeEdits } from './merge-edits.js';
import { VerificationGate } from './verification-gate.js';

/** Which ending of the groups speaks for the run when not all verified. */
const PRECEDENCE = ['interrupted', 'refused', 'budget', 'conflict', 'verified'] as const;

/** The ending of the groups that speaks for all: the first by {@link PRECEDENCE}. */
function groupsEnding(endings: readonly Ending[]): Ending {
  return [...endings].sort(
    (a, b) => PRECEDENCE.indexOf(a.outcome) - PRECEDENCE.indexOf(b.outcome),
  )[0]!;
}

/** The conflicts, said plainly, with where each group's work is saved. */
function conflictReason(conflicts: readonly MergeConflict[], saved: Map<string, string>): string {
  const files = conflicts.map(
    (conflict) =>
      `${conflict.relative} (by ${conflict.versions.map((version) => version.agent).join(' and ')})`,
  );
  const diffs = [...saved.values()].join(', ');
  return `groups wrote ${conflicts.length === 1 ? 'a file' : `${conflicts.length} files`} differently: ${files.join(', ')}; each group's changes are saved beside the audit log (${diffs}); merge them by hand, or run again without --conflicts report to let an agent merge them`;
}

/**
 * A parallel run (`--parallel N`): splits the endpoints in scope into groups (by the spec's
 * tags, or by resource), and runs one author agent a group at the same time, each in its own
 * staged copy of the folder, with its own critic under `--critic`, all within one budget (the
 * first request it refuses stops every agent) and one audit log. An agent whose API fails
 * for good stops the others at once. When every group verified, their changes are merged into
 * a fresh stage: files changed by one group (or by several alike) are taken, files changed
 * differently are conflicts. The merged whole is verified; when it does not hold or has
 * conflicts, a final merge agent is given the conflicting versions and the counterexamples
 * and works on the merged stage until the whole verifies (unless `conflicts` is `report`:
 * the run then ends with outcome `conflict`, naming the files and saving each group's diff).
 */
export async function runParallel(options: AgentOptions, setup: RunSetup): Promise<AgentResult> {
  const audit = AuditLog.open(options.projectRoot, [setup.apiKey]);
  const budget = new Budget(setup.limits, setup.price);
  const controller = new AbortController();
  const stopAll = () => controller.abort();
  options.signal?.addEventListener('abort', stopAll, { once: true });
  if (options.signal?.aborted) stopAll();
  const run: AgentOptions = { ...options, signal: controller.signal };
  const { by, groups } = groupEndpoints(options.ir, setup.scope, options.parallel ?? 1);
  const gate = new VerificationGate(Math.max(1, Math.min(groups.length, availableParallelism())));
  const seats: AgentSeat[] = [];
  const authors: Author[] = [];
  const endings: (Ending | undefined)[] = [];
  let merger: { author: Author; ending?: Ending } | undefined;
  const agents = () => [
    ...authors.flatMap((author, index) => reportsOf(author, endings[index])),
    ...(merger ? reportsOf(merger.author, merger.ending) : []),
  ];
  try {
    for (const [index, group] of groups.entries()) {
      const seat = seatAgent(run, setup, {
        audit: audit.for({ id: `group-${index + 1}`, role: 'author' }),
        scope: group.endpoints,
        parallel: { others: setup.scope.filter((name) => !group.endpoints.includes(name)) },
        gate,
      });
      seats.push(seat);
      authors.push(authorOf(run, setup, seat, budget));
    }
    checkEntry(setup, seats[0]!);
    audit.write('start', startEntry(options, setup, seats[0]!.client.baseURL));
    const shown = groups.map((group, index) => ({
      agent: `group-${index + 1}`,
      name: group.name,
      endpoints: group.endpoints,
    }));
    audit.write('groups', {
      by,
      asked: options.parallel,
      groups: shown,
      verificationsAtOnce: gate.limit,
    });
    setup.progress({ type: 'groups', groups: groups.map((group) => group.endpoints) });

    const settled = await Promise.allSettled(
      authors.map(async (author, index) => {
        try {
          endings[index] = await runAuthor(run, setup, author, budget);
        } catch (error) {
          stopAll();
          throw error;
        }
      }),
    );
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;

    const { merged, conflicts } = mergeEdits(
      authors.map((author) => ({
        agent: author.seat.audit.agent.id,
        edits: author.seat.staged.stagedEdits(),
      })),
    );
    const stage = StagedImpl.create(options.implDir, dirname(options.specFile));
    const mergeSeat = seatAgent(run, setup, {
      audit: audit.for({ id: 'merge', role: 'merger' }),
      scope: setup.scope,
      staged: stage,
    });
    seats.push(mergeSeat);
    try {
      for (const edit of merged) stage.write(edit.relative, edit.after);
    } catch (error) {
      if (!(error instanceof PathRefused)) throw error;
      throw new AgentError('usage', `cannot merge the groups' work: ${error.message}`);
    }
    audit.write('merge', {
      files: merged.map((edit) => edit.relative),
      conflicts: conflicts.map((conflict) => ({
        file: conflict.relative,
        agents: conflict.versions.map((version) => version.agent),
      })),
    });
    setup.progress({
      type: 'merge',
      files: merged.length,
      conflicts: conflicts.map((conflict) => conflict.relative),
    });
    const state = {
      staged: stage,
      verifier: mergeSeat.verifier,
      audit,
      budget,
      model: setup.model,
      priceKnown: setup.priceKnown,
      verifyUnchanged: options.mode === 'repair',
      apply: options.apply === true,
      displayBase: setup.displayBase,
      agents,
      conflicts,
    };
    const saved = new Map<string, string>();
    if (conflicts.length > 0)
      for (const seat of seats.slice(0, groups.length)) {
        const id = seat.audit.agent.id;
        saved.set(id, audit.writeBeside(`.${id}.diff`, seat.staged.diff(setup.displayBase)));
      }

    const ending = groupsEnding(endings.map((e) => e!));
    if (ending.outcome !== 'verified') return await finishRun(state, ending);
    const whole = await mergeSeat.verifier.current();
    if (conflicts.length === 0 && verificationHeld(whole.outcome))
      return await finishRun(state, {
        outcome: 'verified',
        reason: `every check held on the merged work of ${groups.length} agents`,
      });
    if (conflicts.length > 0 && options.conflicts === 'report')
      return await finishRun(state, {
        outcome: 'conflict',
        reason: conflictReason(conflicts, saved),
      });
    merger = { author: authorOf(run, setup, mergeSeat, budget) };
    merger.ending = await runSession({
      seat: mergeSeat,
      first: mergeRequest(shown, conflicts, whole.text),
      budget,
      tally: merger.author.tally,
      maxOutput: setup.maxOutput,
      signal: controller.signal,
      ...(merger.author.critic && { critic: merger.author.critic.review }),
    });
    const final = merger.ending;
    return await finishRun(
      state,
      final.outcome === 'verified'
        ? {
            outcome: 'verified',
            reason: `every check held once the merge agent ${conflicts.length > 0 ? 'resolved the conflicts' : 'fixed the merged whole'}`,
          }
        : final,
    );
  } catch (error) {
    stopAll();
    if (error instanceof AgentError) {
      audit.write('error', { kind: error.kind, message: error.message });
      error.auditLog = audit.path;
    }
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', stopAll);
    for (const seat of seats) seat.close();
  }
}
