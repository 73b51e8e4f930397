import type { ValidationAcceptor } from 'langium';
import type { LatencyBudget, LatencyLimit } from '../generated/ast.js';
import { report } from './report.js';

/**
 * The percentile a limit names: `p50` → 50, `p99` → 99, `p100` → 100 (the slowest); digits
 * after the first two are decimals, as is usual (`p999` → 99.9, never ending in 0). Undefined
 * when it names none.
 */
export function percentileOf(limit: LatencyLimit): number | undefined {
  const match = /^p(100|[1-9]\d?)(\d*[1-9])?$/.exec(limit.percentile);
  if (!match || (match[1] === '100' && match[2] !== undefined)) return undefined;
  const value = Number(match[2] === undefined ? match[1] : `${match[1]}.${match[2]}`);
  return value > 0 && value <= 100 ? value : undefined;
}

/** A limit's time in milliseconds, or undefined for a unit other than ms or s. */
export function millisecondsOf(limit: LatencyLimit): number | undefined {
  const value = Number(limit.value);
  if (limit.unit === 'ms') return value;
  if (limit.unit === 's') return value * 1000;
  return undefined;
}

/**
 * A `latency` clause: each limit a percentile (`p50` … `p100`), a time above 0 in ms or s, and
 * each percentile once.
 */
export function checkLatencyBudget(budget: LatencyBudget, accept: ValidationAcceptor): void {
  const seen = new Set<number>();
  budget.limits.forEach((limit) => {
    const percentile = percentileOf(limit);
    if (percentile === undefined)
      report(
        accept,
        'specl/invalid-latency',
        'percentile',
        { percentile: limit.percentile },
        { node: limit, property: 'percentile' },
      );
    else if (seen.has(percentile))
      report(
        accept,
        'specl/invalid-latency',
        'twice',
        { percentile: limit.percentile },
        { node: limit, property: 'percentile' },
      );
    else seen.add(percentile);
    const ms = millisecondsOf(limit);
    if (ms === undefined)
      report(
        accept,
        'specl/invalid-latency',
        'unit',
        { unit: limit.unit },
        { node: limit, property: 'unit' },
      );
    else if (!(ms > 0))
      report(accept, 'specl/invalid-latency', 'positive', {}, { node: limit, property: 'value' });
  });
}
