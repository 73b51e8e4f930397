import fc from 'fast-check';
import type { EndpointContract, SessionObserver } from '@specl/runtime';
import { ContractSession, ContractViolation, DiscardedRun } from '@specl/runtime';
import { LatencyRecorder } from './latency.js';
import type { TargetSource } from './load-target.js';
import { failureKey } from './run-check.js';
import type { CheckResult, Failure } from './verify-report.js';

/** Requests in flight at once in the load phase, unless told (`--concurrency`). */
export const DEFAULT_CONCURRENCY = 8;

/** The most requests in flight at once the load phase allows: it measures, it does not flood. */
export const MAX_CONCURRENCY = 64;

/** What the load phase needs. */
export interface LoadSettings {
  readonly source: TargetSource;
  readonly endpoints: Readonly<Record<string, EndpointContract>>;
  /** The endpoints to load, in order. */
  readonly names: readonly string[];
  /** Requests per endpoint. */
  readonly requests: number;
  readonly concurrency: number;
  /** The seed of each endpoint's requests, by name. */
  seedOf(name: string): number;
  readonly signal?: AbortSignal;
  /** Told of every exchange and clause checked: coverage. */
  readonly observer?: SessionObserver;
  /** When to stop sending (`performance.now()` time), for --duration. */
  readonly deadline?: number;
}

/**
 * The load phase (over HTTP, asked for with `--phases load`): for each endpoint in turn, valid
 * requests drawn from the spec (with the seed) are sent `concurrency` at a time, each answer
 * checked against the contract as in the other phases, and every answer timed. A check per
 * endpoint fails on the distinct ways its answers broke the contract under load (a 5xx, a
 * timeout, a wrong body), each with its request and exchange but not shrunk: what failed
 * depended on what else was in flight. Answers the checks and the times, for the budgets.
 */
export async function loadPhase(settings: LoadSettings): Promise<{
  checks: CheckResult[];
  recorder: LatencyRecorder;
}> {
  const recorder = new LatencyRecorder(() => true);
  const source = recorder.timing(settings.source);
  const target = await source.open();
  const checks: CheckResult[] = [];
  for (const name of settings.names) {
    const contract = settings.endpoints[name]!;
    const seed = settings.seedOf(name);
    const requests = fc.sample(contract.requests, { numRuns: settings.requests, seed });
    const failures = new Map<string, Failure>();
    let completed = 0;
    let discarded = 0;
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        if (settings.signal?.aborted) return;
        if (settings.deadline !== undefined && performance.now() > settings.deadline) return;
        const index = next++;
        const request = requests[index] as Record<string, unknown>;
        const session = new ContractSession(target, settings.endpoints, settings.observer);
        try {
          await session.attempt(name, request);
          completed++;
        } catch (error) {
          if (error instanceof DiscardedRun) {
            discarded++;
            continue;
          }
          if (!(error instanceof ContractViolation)) throw error;
          completed++;
          const key = failureKey(error);
          if (!failures.has(key)) failures.set(key, failureOf(error, request, index, seed, name));
        }
      }
    };
    const workers = Math.min(settings.concurrency, requests.length);
    await Promise.all(Array.from({ length: workers }, worker));
    const base = {
      name: `endpoint ${name} under load`,
      phase: 'load' as const,
      at: contract.at,
      runs: completed,
      discarded,
    };
    const found = [...failures.values()];
    if (found.length === 0 && completed === 0) {
      const late = settings.deadline !== undefined && performance.now() > settings.deadline;
      const discardReason = late
        ? 'the time budget (--duration) was spent before the load phase reached it'
        : undefined;
      checks.push({ ...base, status: 'discarded', ...(discardReason && { discardReason }) });
    } else if (found.length === 0) checks.push({ ...base, status: 'passed' });
    else checks.push({ ...base, status: 'failed', failure: found[0]!, failures: found });
  }
  return { checks, recorder };
}

function failureOf(
  error: ContractViolation,
  request: Record<string, unknown>,
  index: number,
  seed: number,
  name: string,
): Failure {
  return {
    kind: error.kind,
    message: `${error.detail} (under load: request ${index + 1} of its endpoint, others in flight)`,
    ...(error.clause && { clause: { source: error.clause.source, at: error.clause.at } }),
    counterexample: request,
    exchanges: error.exchange ? [error.exchange] : [],
    seed,
    replay: `load:${name}`,
    shrinks: 0,
  };
}
