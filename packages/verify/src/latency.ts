import type { SpecIR } from '@specl/compiler';
import type { TargetSource } from './load-target.js';
import type { CheckResult, Failure } from './verify-report.js';

/** The response times of one endpoint over HTTP, in milliseconds. */
export interface EndpointLatency {
  readonly endpoint: string;
  /** Requests timed (answered, outside the negative phase). */
  readonly requests: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** The nearest-rank percentile of sorted times, to 0.1 ms. */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return Math.round(sorted[rank - 1]! * 10) / 10;
}

/** Times every answered request by endpoint, while `counting()` says so. */
export class LatencyRecorder {
  private readonly times = new Map<string, number[]>();

  constructor(private readonly counting: () => boolean) {}

  /** The source, with the requests it answers timed. */
  timing(source: TargetSource): TargetSource {
    return {
      ...source,
      open: async () => {
        const target = await source.open();
        return {
          description: target.description,
          ...(target.baseUrl !== undefined && { baseUrl: target.baseUrl }),
          send: async (endpoint, request, options) => {
            const started = performance.now();
            const response = await target.send(endpoint, request, options);
            if (this.counting()) {
              const list = this.times.get(endpoint.name) ?? [];
              list.push(performance.now() - started);
              this.times.set(endpoint.name, list);
            }
            return response;
          },
        };
      },
    };
  }

  /** The sorted times of an endpoint. */
  sorted(endpoint: string): number[] {
    return [...(this.times.get(endpoint) ?? [])].sort((a, b) => a - b);
  }

  /** p50, p95 and p99 of every endpoint timed, by name. */
  results(): EndpointLatency[] {
    return [...this.times.keys()].sort().map((endpoint) => {
      const sorted = this.sorted(endpoint);
      return {
        endpoint,
        requests: sorted.length,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
      };
    });
  }
}

const label = (p: number) => `p${p}`;

/**
 * The latency checks of a spec's budgets: one per endpoint with a budget (its own, over the
 * spec's for the percentiles it names), failed when a percentile of its times is at or over
 * its limit, naming the endpoint and its percentiles. Discarded when no request was timed.
 * `underLoad`: the times are the load phase's, and the checks are that phase's.
 */
export function latencyChecks(
  ir: SpecIR,
  recorder: LatencyRecorder,
  endpoints: readonly string[],
  seed: number,
  underLoad = false,
): CheckResult[] {
  const phase = underLoad ? ('load' as const) : ('latency' as const);
  const suffix = underLoad ? ' under load' : '';
  const checks: CheckResult[] = [];
  for (const endpoint of ir.endpoints) {
    if (!endpoints.includes(endpoint.name)) continue;
    const limits = new Map<number, number>();
    for (const limit of ir.latency ?? []) limits.set(limit.percentile, limit.ms);
    for (const limit of endpoint.latency ?? []) limits.set(limit.percentile, limit.ms);
    if (limits.size === 0) continue;
    const at = `${endpoint.location.file}:${endpoint.location.line}:${endpoint.location.column}`;
    const sorted = recorder.sorted(endpoint.name);
    const base = { name: `latency of ${endpoint.name}${suffix}`, phase, at };
    if (sorted.length === 0) {
      checks.push({ ...base, status: 'discarded', runs: 0, discarded: 0 });
      continue;
    }
    const budget = [...limits].map(([p, ms]) => `${label(p)} < ${ms} ms`).join(', ');
    const measured = [...new Set([50, 95, 99, ...limits.keys()])]
      .sort((a, b) => a - b)
      .map((p) => `${label(p)} ${percentile(sorted, p)} ms`)
      .join(', ');
    const broken = [...limits].filter(([p, ms]) => percentile(sorted, p) >= ms);
    if (broken.length === 0) {
      checks.push({ ...base, status: 'passed', runs: sorted.length, discarded: 0 });
      continue;
    }
    const over = broken
      .map(([p, ms]) => `${label(p)} ${percentile(sorted, p)} ms (budget ${ms} ms)`)
      .join(', ');
    const failure: Failure = {
      kind: 'latency',
      message: `${endpoint.method} ${endpoint.path} broke its latency budget${suffix}: ${over}; measured ${measured} over ${sorted.length} requests`,
      clause: { source: `latency ${budget}`, at },
      counterexample: undefined,
      exchanges: [],
      seed,
      replay: `${phase}:${endpoint.name}`,
      shrinks: 0,
    };
    checks.push({
      ...base,
      status: 'failed',
      runs: sorted.length,
      discarded: 0,
      failure,
      failures: [failure],
    });
  }
  return checks;
}
