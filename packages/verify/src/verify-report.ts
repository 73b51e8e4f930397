import type { Exchange, ViolationKind } from '@specl/runtime';
import type { EndpointLatency } from './latency.js';
import type { SentEntry } from './server-state.js';

/** The phases of a verification, in the order they run. */
export const PHASES = [
  'endpoints',
  'negative',
  'properties',
  'stateful',
  'latency',
  'load',
] as const;

/**
 * A phase: the implicit checks of every endpoint, requests that break the spec (over HTTP),
 * the written properties, call sequences, the spec's latency budgets (over HTTP, judged on
 * the response times of the phases before it, the negative one aside), and concurrent
 * requests (over HTTP, only when asked for), whose times the budgets are judged on again.
 */
export type Phase = (typeof PHASES)[number];

/** The phases run unless told otherwise: all but `load`, which sends requests at once. */
export const DEFAULT_PHASES: readonly Phase[] = PHASES.filter((phase) => phase !== 'load');

/** A failure, shrunk: what broke, where the spec says it, and the requests that showed it. */
export interface Failure {
  readonly kind: ViolationKind;
  readonly message: string;
  /** The clause that failed, as written, and where (`vacation.specl:60:3`). */
  readonly clause?: { readonly source: string; readonly at: string };
  /** The shrunk inputs of the run (a request, a property's inputs, or a call sequence). */
  readonly counterexample: unknown;
  /** The exchanges of the shrunk run, in order; the last is where it failed. */
  readonly exchanges: readonly Exchange[];
  /** How to replay exactly this run: `--seed <seed> --replay <replay>`. */
  readonly seed: number;
  readonly replay: string;
  /** How many shrinking steps fast-check took. */
  readonly shrinks: number;
  /** Set when shrinking hit its budget: the counterexample may not be minimal. */
  readonly shrinkStopped?: boolean;
  /**
   * Set when the run alone no longer fails on a server whose state carries over between runs
   * (no `--reset`): the failure needed earlier requests, kept in `history`.
   */
  readonly needsState?: boolean;
  /** The requests sent before the failing run, in order: `--history` sends them again. */
  readonly history?: readonly SentEntry[];
  /** How many earlier requests the history left out (it keeps the latest 10,000). */
  readonly historyDropped?: number;
}

/** The result of one check: an endpoint's implicit properties, a property, or the sequences. */
export interface CheckResult {
  /** `endpoint createEmployee`, `property balanceDecreasesByDays`, `stateful`. */
  readonly name: string;
  readonly phase: Phase;
  /** Where the spec declares what is checked. */
  readonly at: string;
  readonly status: 'passed' | 'failed' | 'discarded';
  /** Runs that completed (not discarded). */
  readonly runs: number;
  /** Runs discarded: a `requires` that did not hold, the `value` of a failed `try`. */
  readonly discarded: number;
  /**
   * Why runs were discarded, when it is not a precondition of the spec: credentials missing
   * for a protected endpoint (naming the flag and variable that would give them).
   */
  readonly discardReason?: string;
  /** The first failure found (the first of `failures`). */
  readonly failure?: Failure;
  /** Every distinct failure found (by endpoint, clause, status and kind), each shrunk. */
  readonly failures?: readonly Failure[];
}

/** The distinct failures of a check, in the order found. */
export function failuresOf(check: CheckResult): readonly Failure[] {
  return check.failures ?? (check.failure ? [check.failure] : []);
}

/** How often a clause or status was exercised, and how often it held. */
export interface ClauseCoverage {
  readonly kind: 'status' | 'ensures' | 'expect' | 'invariant' | 'property';
  /** `createEmployee 201`, `response.balance == body.balance`. */
  readonly name: string;
  readonly at: string;
  readonly exercised: number;
  readonly held: number;
}

/** Everything a verification found. */
export interface VerifyReport {
  readonly spec: { readonly name: string; readonly version: string; readonly fingerprint: string };
  readonly target: string;
  readonly seed: number;
  readonly runs: number;
  /** The time budget of the whole verification (`--duration`), when one was given. */
  readonly budgetMs?: number;
  readonly phases: readonly Phase[];
  readonly checks: readonly CheckResult[];
  /** Per endpoint and status, `ensures`, invariant, `expect` and property. */
  readonly coverage: readonly ClauseCoverage[];
  /** Response times per endpoint over HTTP (p50, p95, p99 in ms); absent in process. */
  readonly latency?: readonly EndpointLatency[];
  /** Response times per endpoint in the load phase, and how many requests were in flight. */
  readonly load?: { readonly concurrency: number; readonly latency: readonly EndpointLatency[] };
  /** Whether every check held. */
  readonly ok: boolean;
  readonly durationMs: number;
  /**
   * The CPU time of the verifying process during the run (user and system, ms): the verifier's
   * own, and, in process, the implementation's. A loaded machine stretches wall time, not this.
   */
  readonly cpuMs?: number;
}
