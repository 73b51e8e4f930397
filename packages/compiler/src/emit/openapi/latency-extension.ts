import type { LatencyBudgetIR } from '../../ir/spec-ir.js';
import type { SpeclLatency } from './openapi-document.js';

/** A latency budget as `x-specl-latency`: milliseconds by `p<percentile>` (`p99.9` for 99.9). */
export function latencyExtension(budget: LatencyBudgetIR): SpeclLatency {
  return Object.fromEntries(budget.map((limit) => [`p${limit.percentile}`, limit.ms]));
}
