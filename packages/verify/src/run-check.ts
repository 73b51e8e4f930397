import fc from 'fast-check';
import type { EndpointContract, Exchange, SessionObserver } from '@specl/runtime';
import {
  ContractSession,
  ContractViolation,
  DiscardedRun,
  MissingCredentials,
  TargetUnreachable,
  observeInvariants,
} from '@specl/runtime';
import type { TargetSource } from './load-target.js';
import type { RequestLog } from './server-state.js';
import type { CheckResult, Failure, Phase } from './verify-report.js';

/** One check to run: the inputs to generate, and what to do with each against a session. */
export interface CheckPlan {
  /** A stable id: `endpoint:createEmployee`, `property:balanceDecreasesByDays`, `stateful`. */
  readonly id: string;
  readonly name: string;
  readonly phase: Phase;
  readonly at: string;
  readonly arbitrary: fc.Arbitrary<unknown>;
  /** Runs of this check, when not the verification's (one is enough for some). */
  readonly runs?: number;
  run(input: unknown, session: ContractSession): Promise<void>;
  /** What a replay needs after fast-check's path, from the shrunk input (the stateful phase's). */
  replaySuffix?(counterexample: unknown): string;
  /** Told when a run completes (`held`) or fails, outside shrinking: for coverage. */
  ran?(held: boolean): void;
}

/** How to run a check. */
export interface RunSettings {
  readonly source: TargetSource;
  readonly endpoints: Readonly<Record<string, EndpointContract>>;
  readonly observer: SessionObserver & { invariantChecked?(at: string, held: boolean): void };
  readonly runs: number;
  readonly seed: number;
  /** A counterexample path to replay (from a report), instead of a fresh search. */
  readonly replayPath?: string;
  /** Told after each generated run (not shrinking ones): runs done so far. */
  onRun?(done: number): void;
  /** Stops the check between runs; it then throws {@link VerifyCancelled}. */
  readonly signal?: AbortSignal;
  /** The most distinct failures to report (default: every one found within the runs). */
  readonly maxFailures?: number;
  /** When the check must stop generating runs (`performance.now()` time), for --duration. */
  readonly deadline?: number;
  /** Every request sent so far (a source without fresh state): the history failures keep. */
  readonly log?: RequestLog;
}

/** Thrown when a verification is cancelled through its signal. */
export class VerifyCancelled extends Error {
  constructor() {
    super('verification cancelled');
    this.name = 'VerifyCancelled';
  }
}

/**
 * How long shrinking may go on, in steps and in time: past either, the smallest failure found
 * so far is reported (marked as possibly not minimal), so a failure never shrinks for minutes;
 * over a server whose state carries over, shrinking also stops when its first `vain`
 * candidates all pass.
 */
export const SHRINK_BUDGET = { steps: 500, ms: 15_000, vain: 40 } as const;

type RunOutcome = {
  readonly exchanges: readonly Exchange[];
  readonly error?: unknown;
  /** How many requests the log held when the run started. */
  readonly started: number;
};

const QUIET: SessionObserver = {};

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** What makes failures distinct: endpoint, clause, status and kind (`?` where none). */
export function failureKey(error: unknown): string {
  if (!(error instanceof ContractViolation)) return `error:${describeError(error)}`;
  const exchange = error.exchange;
  const clause = error.clause ? `${error.clause.source}@${error.clause.at}` : '?';
  return [
    exchange?.sent.endpoint ?? '?',
    clause,
    exchange?.response?.status ?? '?',
    error.kind,
  ].join('|');
}

/** The seed of a check's `round`-th search: the check's own seed first, then others from it. */
function roundSeed(seed: number, round: number): number {
  return round === 0 ? seed : (seed + Math.imul(round, 0x9e3779b1)) & 0x7fffffff;
}

/**
 * Runs one check under fast-check: generates inputs, runs them against a fresh target each
 * (when the implementation gives one), discards runs whose preconditions fail, and shrinks a
 * failure to a minimal counterexample, which it runs once more to show its exchanges. After a
 * failure it searches on (a new seed, within the runs left and the deadline) for failures
 * distinct from those found (by endpoint, clause, status and kind), each shrunk and replayable
 * on its own; failures like one found before count as runs that held. Coverage counts the
 * generated runs, not the shrinking ones. Throws {@link TargetUnreachable} when the target
 * cannot be reached at all.
 */
export async function runCheck(plan: CheckPlan, settings: RunSettings): Promise<CheckResult> {
  let completed = 0;
  let discarded = 0;
  let missingCredentials: string | undefined;
  let shrinking = false;
  let unreachable: TargetUnreachable | undefined;
  const runOnce = async (input: unknown, observer: SessionObserver): Promise<RunOutcome> => {
    const started = settings.log?.count ?? 0;
    let session: ContractSession | undefined;
    try {
      // Opening may reset the server (--reset), which may fail: as unreachable.
      session = new ContractSession(await settings.source.open(), settings.endpoints, observer);
      await plan.run(input, session);
      return { exchanges: session.exchanges, started };
    } catch (error) {
      return { exchanges: session?.exchanges ?? [], error, started };
    }
  };
  /** Where in the log the last run that failed with the key being shrunk started. */
  let failingStart = 0;
  let cancelled = false;
  let shrinkSteps = 0;
  /** Shrinking candidates that failed as the one being shrunk. */
  let shrinkHits = 0;
  let shrinkStarted = 0;
  let shrinkStopped = false;
  /** Failures reported so far, by key; the key of the failure being shrunk. */
  const known = new Set<string>();
  let shrinkingKey: string | undefined;
  const property = fc.asyncProperty(plan.arbitrary, async (input) => {
    // A cancelled check fails its next run, which ends fast-check's search at once (skipping
    // the remaining runs would still generate inputs for each of them); fast-check's
    // shrinking of that run is then skipped run by run.
    if (settings.signal?.aborted && !cancelled) {
      cancelled = true;
      throw new VerifyCancelled();
    }
    if (unreachable || cancelled) fc.pre(false);
    if (shrinking) {
      // Past the budget, every further candidate "passes": fast-check keeps the best so far.
      shrinkSteps++;
      const spent = performance.now() - shrinkStarted;
      // On a server whose state carries over, a failure no candidate shows again likely needed
      // that state: shrinking stops early rather than send hundreds of requests in vain.
      const vain = !settings.source.fresh && shrinkHits === 0 && shrinkSteps > SHRINK_BUDGET.vain;
      if (shrinkStopped || vain || shrinkSteps > SHRINK_BUDGET.steps || spent > SHRINK_BUDGET.ms) {
        shrinkStopped = true;
        return true;
      }
    }
    const { error, started } = await runOnce(input, shrinking ? QUIET : settings.observer);
    if (error instanceof MissingCredentials) missingCredentials ??= error.reason;
    if (error instanceof DiscardedRun) {
      if (!shrinking) discarded++;
      fc.pre(false);
    }
    if (error instanceof TargetUnreachable) {
      unreachable = error;
      fc.pre(false);
    }
    const key = error === undefined ? undefined : failureKey(error);
    if (!shrinking) {
      completed++;
      plan.ran?.(error === undefined);
      settings.onRun?.(completed + discarded);
    }
    if (error === undefined) return true;
    // Shrinking keeps to one failure; the search skips those already reported.
    if (shrinking ? key !== shrinkingKey : known.has(key!)) return true;
    if (!shrinking) {
      shrinkStarted = performance.now();
      shrinkingKey = key;
    }
    if (shrinking) shrinkHits++;
    shrinking = true;
    failingStart = started;
    throw error;
  });
  const replaying = settings.replayPath !== undefined;
  const maxFailures = settings.maxFailures ?? Number.POSITIVE_INFINITY;
  const failures: Failure[] = [];
  let gaveUp = false;
  // Invariants are counted on the answers of generated runs, not of shrinking ones.
  observeInvariants((invariant, held) => {
    if (!shrinking) settings.observer.invariantChecked?.(invariant.at, held);
  });
  try {
    for (let round = 0; failures.length < maxFailures; round++) {
      const left = settings.runs - completed - discarded;
      const time =
        settings.deadline === undefined ? undefined : settings.deadline - performance.now();
      if ((!replaying && left <= 0) || (time !== undefined && time <= 0 && round > 0)) break;
      shrinking = false;
      shrinkSteps = 0;
      shrinkHits = 0;
      shrinkStopped = false;
      const details = await fc.check(property, {
        numRuns: replaying ? 1 : left,
        seed: roundSeed(settings.seed, round),
        ...(time !== undefined && {
          interruptAfterTimeLimit: Math.max(1, time),
          markInterruptAsFailure: false,
        }),
        ...(replaying && { path: settings.replayPath, endOnFailure: false }),
      });
      if (unreachable || cancelled || !details.failed) break;
      // No counterexample and no error: fast-check gave up, every run discarded.
      if (details.counterexample === null && details.errorInstance === null) {
        gaveUp = failures.length === 0;
        break;
      }
      known.add(shrinkingKey!);
      const failure = await describeFailure(plan, details, runOnce, (again) => {
        // Over a server whose state carries over, a failure that the same run alone no longer
        // shows needed the requests before it: they are kept, to be sent again by a replay.
        if (settings.source.fresh || settings.log === undefined) return {};
        if (again !== undefined && failureKey(again) === shrinkingKey) return {};
        const { history, dropped } = settings.log.before(failingStart);
        return { needsState: true, history, ...(dropped > 0 && { historyDropped: dropped }) };
      });
      failures.push(shrinkStopped ? { ...failure, shrinkStopped } : failure);
      if (replaying) break;
    }
  } finally {
    observeInvariants(undefined);
  }
  if (unreachable) throw unreachable;
  if (cancelled) throw new VerifyCancelled();
  const base = { name: plan.name, phase: plan.phase, at: plan.at, runs: completed, discarded };
  if (failures.length === 0) {
    const status = gaveUp || (completed === 0 && discarded > 0) ? 'discarded' : 'passed';
    const reason = missingCredentials === undefined ? {} : { discardReason: missingCredentials };
    return { ...base, status, ...reason };
  }
  return { ...base, status: 'failed', failure: failures[0]!, failures };
}

async function describeFailure(
  plan: CheckPlan,
  details: fc.RunDetails<[unknown]>,
  runOnce: (input: unknown, observer: SessionObserver) => Promise<RunOutcome>,
  stateOf: (again: unknown) => Pick<Failure, 'needsState' | 'history' | 'historyDropped'>,
): Promise<Failure> {
  const counterexample = details.counterexample?.[0];
  const suffix = details.counterexample ? (plan.replaySuffix?.(counterexample) ?? '') : '';
  const replay = `${plan.id}:${details.counterexamplePath ?? ''}${suffix}`;
  const common = { seed: details.seed, replay, shrinks: details.numShrinks };
  // Run the shrunk counterexample once more, to show exactly its exchanges.
  const again = details.counterexample ? await runOnce(counterexample, QUIET) : undefined;
  const state = stateOf(again?.error);
  const error = again?.error instanceof ContractViolation ? again.error : details.errorInstance;
  // A failure the run alone no longer shows is shown by the exchange that failed then.
  const exchanges =
    again?.error instanceof ContractViolation
      ? again.exchanges
      : state.needsState && error instanceof ContractViolation && error.exchange
        ? [error.exchange]
        : (again?.exchanges ?? []);
  if (error instanceof ContractViolation) {
    return {
      ...common,
      ...state,
      kind: error.kind,
      message: error.detail,
      ...(error.clause && { clause: { source: error.clause.source, at: error.clause.at } }),
      counterexample: plain(counterexample),
      exchanges,
    };
  }
  return {
    ...common,
    ...state,
    kind: 'error',
    message: describeError(error),
    counterexample: plain(counterexample),
    exchanges,
  };
}

/** A value as JSON would carry it (commands print as their calls). */
function plain(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && Symbol.iterator in value)
    return [...(value as Iterable<unknown>)].map((item) => String(item));
  return JSON.parse(JSON.stringify(value)) as unknown;
}
