import { createHash } from 'node:crypto';
import type { SpecIR } from '@specl/compiler';
import type { NegativeRequest } from '@specl/runtime';
import { DiscardedRun, hasNegativeRequests, negativeRequests } from '@specl/runtime';
import { CoverageCounter } from './coverage.js';
import { importContracts, loadContracts } from './load-contracts.js';
import type { TargetSource } from './load-target.js';
import type { CheckPlan } from './run-check.js';
import { VerifyCancelled, runCheck } from './run-check.js';
import type { SentEntry } from './server-state.js';
import { RequestLog, afterHistory } from './server-state.js';
import { LatencyRecorder, latencyChecks } from './latency.js';
import { splitStatefulReplay, statefulPlan } from './stateful-phase.js';
import type { CheckResult, Phase, VerifyReport } from './verify-report.js';
import { DEFAULT_PHASES, failuresOf } from './verify-report.js';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, loadPhase } from './load-phase.js';

/** The phases that need a server: over HTTP only. */
const SERVER_PHASES: readonly Phase[] = ['negative', 'latency', 'load'];

/** What to verify, against what, and how hard. */
export interface VerifyOptions {
  readonly ir: SpecIR;
  readonly source: TargetSource;
  /** Runs per check (default 100; without a limit when `durationMs` is given alone). */
  readonly runs?: number;
  /**
   * A time budget for the whole verification, in milliseconds, shared among the checks left
   * (each gets an equal share of the time remaining when it starts): `--duration 60s`.
   */
  readonly durationMs?: number;
  /** The most distinct failures to report, over all checks: searching stops there. */
  readonly maxFailures?: number;
  /** The seed every check's seed derives from (default: from the spec's fingerprint). */
  readonly seed?: number;
  readonly phases?: readonly Phase[];
  /** Requests in flight at once in the load phase (default 8, at most 64). */
  readonly concurrency?: number;
  /** Only these endpoints (their implicit checks, and the calls of the stateful phase). */
  readonly endpoints?: readonly string[];
  /** Only these written properties. */
  readonly properties?: readonly string[];
  /** This shard of the checks (`index` from 1), split deterministically. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Replays one counterexample: `<check id>:<path>` from a report; the seed is used as given. */
  readonly replay?: string;
  /**
   * Requests to send before the replay, as a report kept them for a failure that needed
   * earlier state (`--history`): they rebuild the server's state; their answers are ignored.
   */
  readonly history?: readonly SentEntry[];
  /** Cancels the verification between runs: `verify` then rejects with `VerifyCancelled`. */
  readonly signal?: AbortSignal;
  /** Told after each check how many distinct failures it found. */
  onFailures?(found: number): void;
  /** The spec's contracts as {@link writeContracts} wrote them (default: compiled here). */
  readonly contractsModule?: string;
  /** Told as checks progress: the check's index, how many, its name, and its runs so far. */
  onProgress?(check: number, checks: number, name: string, runsDone: number, runs: number): void;
}

/** Thrown for options that name what the spec does not have. */
export class VerifyUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerifyUsageError';
  }
}

/** A 31-bit seed from text: stable across runs and machines. */
export function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) & 0x7fffffff;
}

function checkUnknown(
  kind: string,
  asked: readonly string[] | undefined,
  known: readonly string[],
) {
  const unknown = (asked ?? []).filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new VerifyUsageError(
      `the spec has no ${kind} \`${unknown[0]}\`; it has ${known.join(', ') || 'none'}`,
    );
}

/**
 * Verifies an implementation against a spec: compiles the spec's properties, then runs, phase
 * by phase, the implicit checks of every endpoint, the written properties, and random call
 * sequences, each within `runs`; shrinks every failure and counts coverage.
 */
export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const contracts =
    options.contractsModule !== undefined
      ? await importContracts(options.contractsModule)
      : await loadContracts(options.ir);
  const { endpoints, properties } = contracts;
  checkUnknown('endpoint', options.endpoints, Object.keys(endpoints));
  checkUnknown('property', options.properties, Object.keys(properties));
  if (options.replay?.startsWith('latency:'))
    throw new VerifyUsageError(
      'a latency budget is judged on the times of a whole run: run verify again, with the same --seed',
    );
  if (options.replay?.startsWith('load:'))
    throw new VerifyUsageError(
      'a failure under load depends on the requests in flight with it: run verify again with --phases load and the same --seed',
    );
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
    throw new VerifyUsageError(
      `the load phase's concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not ${concurrency}`,
    );
  if (options.phases?.includes('negative') && options.source.wire !== true)
    throw new VerifyUsageError(
      'the negative phase sends requests that break the spec over HTTP; verify a server with --url',
    );
  // In process, handlers take typed values and take no time that means anything: the
  // negative, latency and load phases are for servers.
  const phases = (options.phases ?? DEFAULT_PHASES).filter(
    (phase) => !SERVER_PHASES.includes(phase) || options.source.wire === true,
  );
  const runs = options.runs ?? (options.durationMs !== undefined ? 1_000_000_000 : 100);
  const seed = options.seed ?? seedOf(options.ir.fingerprint);
  const invariants = options.ir.types.flatMap((decl) =>
    decl.kind === 'record' || decl.kind === 'error'
      ? decl.invariants.map((invariant) => ({
          type: decl.name,
          source: invariant.source,
          at: `${invariant.location.file}:${invariant.location.line}:${invariant.location.column}`,
        }))
      : [],
  );
  const coverage = new CoverageCounter(endpoints, properties, invariants);
  const endpointNames = Object.keys(endpoints).filter(
    (n) => !options.endpoints || options.endpoints.includes(n),
  );
  const plans: CheckPlan[] = [];
  if (phases.includes('endpoints'))
    for (const name of endpointNames) {
      const contract = endpoints[name]!;
      plans.push({
        id: `endpoint:${name}`,
        name: `endpoint ${name}`,
        phase: 'endpoints',
        at: contract.at,
        arbitrary: contract.requests,
        run: async (request, session) => {
          await session.attempt(name, request as Record<string, unknown>);
        },
      });
    }
  // A protected endpoint called without credentials must refuse, never succeed.
  if (phases.includes('endpoints'))
    for (const name of endpointNames) {
      const contract = endpoints[name]!;
      if (!contract.security || contract.security.length === 0) continue;
      plans.push({
        id: `credentials:${name}`,
        name: `endpoint ${name} without credentials`,
        phase: 'endpoints',
        at: contract.at,
        arbitrary: contract.requests,
        runs: 1,
        run: async (request, session) => {
          await session.sendWithoutCredentials(name, request as Record<string, unknown>);
        },
      });
    }
  // Requests that break the spec must be refused (4xx): over HTTP, where they can be sent.
  if (phases.includes('negative') && options.source.wire === true && !options.properties)
    for (const name of endpointNames) {
      const contract = endpoints[name]!;
      if (!hasNegativeRequests(contract)) continue;
      plans.push({
        id: `negative:${name}`,
        name: `endpoint ${name} with requests that break the spec`,
        phase: 'negative',
        at: contract.at,
        arbitrary: negativeRequests(contract),
        run: async (negative, session) => {
          if (negative === undefined)
            throw new DiscardedRun(`no change of this request of ${name} breaks the spec`);
          await session.sendNegative(name, negative as NegativeRequest);
        },
      });
    }
  if (phases.includes('properties'))
    for (const property of Object.values(properties)) {
      if (options.properties && !options.properties.includes(property.name)) continue;
      if (options.endpoints && !property.calls.some((c) => options.endpoints!.includes(c)))
        continue;
      plans.push({
        id: `property:${property.name}`,
        name: `property ${property.name}`,
        phase: 'properties',
        at: property.at,
        arbitrary: property.inputs,
        run: (inputs, session) => property.run(inputs, session),
        ran: (held) => coverage.propertyRan(property.name, held),
      });
    }
  const stateful = /^stateful:(.*)$/.exec(options.replay ?? '');
  const statefulReplay = stateful ? splitStatefulReplay(stateful[1]!) : undefined;
  if (phases.includes('stateful') && endpointNames.length > 0 && !options.properties)
    plans.push(
      statefulPlan(
        endpoints,
        endpointNames,
        endpoints[endpointNames[0]!]!.at,
        statefulReplay?.commands,
      ),
    );

  const shard = options.shard;
  let selected = shard ? plans.filter((_, i) => i % shard.count === shard.index - 1) : plans;
  let replayPath: string | undefined;
  if (options.replay !== undefined) {
    const match =
      /^(endpoint:[^:]+|credentials:[^:]+|negative:[^:]+|property:[^:]+|stateful):(.*)$/.exec(
        options.replay,
      );
    const plan = match ? plans.find((p) => p.id === match[1]) : undefined;
    if (!match || !plan)
      throw new VerifyUsageError(
        `\`${options.replay}\` names no check of this spec; copy --replay from a report`,
      );
    selected = [plan];
    replayPath = plan.id === 'stateful' ? statefulReplay!.path : match[2];
  }
  let source = options.source;
  if (options.history !== undefined) {
    if (replayPath === undefined)
      throw new VerifyUsageError('a history is sent again before a replay: give --replay too');
    source = await afterHistory(source, endpoints, options.history);
  }
  // State carries over between runs: every request is logged, for failures that need it.
  const log = source.fresh ? undefined : new RequestLog();
  if (log) source = log.logging(source);
  let timedPhase = true;
  const recorder = phases.includes('latency') ? new LatencyRecorder(() => timedPhase) : undefined;
  if (recorder) source = recorder.timing(source);
  const checks: CheckResult[] = [];
  const ends = options.durationMs === undefined ? undefined : started + options.durationMs;
  let failuresLeft = options.maxFailures ?? Number.POSITIVE_INFINITY;
  for (const [index, plan] of selected.entries()) {
    if (options.signal?.aborted) throw new VerifyCancelled();
    if (failuresLeft <= 0) break;
    const share =
      ends === undefined ? undefined : (ends - performance.now()) / (selected.length - index);
    const progress = (done: number) =>
      options.onProgress?.(index, selected.length, plan.name, done, runs);
    progress(0);
    timedPhase = plan.phase !== 'negative';
    const checkSeed = replayPath !== undefined ? seed : seedOf(`${seed}:${plan.id}`);
    const result = await runCheck(plan, {
      source,
      ...(log && { log }),
      endpoints,
      observer: coverage,
      runs: plan.runs ?? runs,
      seed: checkSeed,
      ...(replayPath !== undefined && { replayPath }),
      onRun: progress,
      ...(options.signal && { signal: options.signal }),
      ...(Number.isFinite(failuresLeft) && { maxFailures: failuresLeft }),
      ...(share !== undefined && { deadline: performance.now() + share }),
    });
    failuresLeft -= failuresOf(result).length;
    options.onFailures?.(failuresOf(result).length);
    checks.push(result);
  }
  if (recorder && replayPath === undefined && failuresLeft > 0)
    checks.push(...latencyChecks(options.ir, recorder, endpointNames, seed));
  let load: VerifyReport['load'];
  if (phases.includes('load') && replayPath === undefined && failuresLeft > 0) {
    // The latency phase's times are the other phases'; the load phase keeps its own.
    timedPhase = false;
    const loaded = await loadPhase({
      source,
      endpoints,
      names: endpointNames,
      requests: Math.min(runs, 100_000),
      concurrency,
      seedOf: (name) => seedOf(`${seed}:load:${name}`),
      observer: coverage,
      ...(options.signal && { signal: options.signal }),
      ...(ends !== undefined && { deadline: ends }),
    });
    checks.push(...loaded.checks);
    checks.push(...latencyChecks(options.ir, loaded.recorder, endpointNames, seed, true));
    load = { concurrency, latency: loaded.recorder.results() };
  }
  return {
    spec: contracts.spec,
    target: options.source.description,
    seed,
    runs,
    ...(options.durationMs !== undefined && { budgetMs: options.durationMs }),
    phases,
    checks,
    coverage: coverage.results(),
    ...(recorder && { latency: recorder.results() }),
    ...(load && { load }),
    ok: checks.every((check) => check.status !== 'failed'),
    durationMs: Math.round(performance.now() - started),
    cpuMs: cpuMsSince(cpuStarted),
  };
}

/** The CPU time (user and system) this process spent since `start`, in milliseconds. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const spent = process.cpuUsage(start);
  return Math.round((spent.user + spent.system) / 1000);
}
