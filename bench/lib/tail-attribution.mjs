// Why the slowest requests were slow, for bench/proxy.mjs: while a load runs, the time the
// main threads of the processes serving it (their event loops) spent waiting for a CPU is
// sampled every 2 ms from Linux's schedstat (runnable, but another thread had the core); each
// request's start and latency are recorded; afterwards, for the requests at or above the
// round's p99, the wait that fell inside them is summed, and so are the garbage collector's
// pauses of those processes (bench/lib/live-heap.mjs) that fell inside them. When the wait is
// most of their latency, the tail is the scheduler (the machine's other work, or the setup's
// own processes sharing a core), not the servers' code; when the pauses are, it is the
// collector.
import { readFileSync } from 'node:fs';

/** The main thread's time waiting for a CPU, ms (the second field of /proc/<pid>/schedstat). */
function waitedMs(pid) {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
}

/**
 * Starts sampling the waits of the processes `pids`; `stop()` ends it. `record(from, ms)`
 * takes each request's start (performance.now()) and latency.
 *
 * @param {number[]} pids
 */
export function tailAttribution(pids) {
  /** Per process: sample times and cumulative waits, ms. */
  const series = pids.map(() => ({ at: [], waited: [] }));
  const sample = () => {
    const at = performance.now();
    pids.forEach((pid, i) => {
      series[i].at.push(at);
      series[i].waited.push(waitedMs(pid));
    });
  };
  sample();
  const timer = setInterval(sample, 2);
  const starts = [];
  const latencies = [];
  return {
    record(from, ms) {
      starts.push(from);
      latencies.push(ms);
    },
    /**
     * Stops sampling; for the requests at or above the `percentile` of latency: how many, their
     * mean latency and the mean wait for a CPU of the processes' main threads inside them (ms;
     * summed over the processes, so with two processes on one core it can pass the latency),
     * and `slow`, each one's start (ms since the epoch) and latency, for {@link gcInside}.
     */
    stop(percentile = 99) {
      clearInterval(timer);
      sample();
      const sorted = [...latencies].sort((a, b) => a - b);
      const threshold =
        sorted[Math.min(sorted.length - 1, Math.floor((percentile / 100) * sorted.length))];
      let latency = 0;
      let waited = 0;
      const slow = [];
      for (let i = 0; i < latencies.length; i++) {
        if (!(latencies[i] >= threshold)) continue;
        slow.push([performance.timeOrigin + starts[i], latencies[i]]);
        latency += latencies[i];
        for (const one of series) waited += waitedWithin(one, starts[i], starts[i] + latencies[i]);
      }
      const count = Math.max(1, slow.length);
      return { count: slow.length, latency: latency / count, waited: waited / count, slow };
    },
  };
}

/** The wait that fell between `from` and `to`, each sample interval shared out evenly. */
function waitedWithin({ at, waited }, from, to) {
  let total = 0;
  // The samples are in time order: skip to the first interval that ends after `from`.
  let lo = 1;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < at.length && at[i - 1] < to; i++) {
    const overlap = Math.min(at[i], to) - Math.max(at[i - 1], from);
    if (overlap > 0) total += ((waited[i] - waited[i - 1]) * overlap) / (at[i] - at[i - 1]);
  }
  return total;
}

/**
 * The mean time the slow requests `slow` ([start, ms since the epoch; latency, ms]) spent inside
 * the collector's pauses `pauseLists` (one list of [start, length] per process), ms.
 *
 * @param {[number, number][]} slow
 * @param {[number, number][][]} pauseLists
 */
export function gcInside(slow, pauseLists) {
  if (slow.length === 0) return 0;
  let total = 0;
  for (const [from, ms] of slow)
    for (const pauses of pauseLists)
      for (const [start, length] of pauses) {
        const overlap = Math.min(from + ms, start + length) - Math.max(from, start);
        if (overlap > 0) total += overlap;
      }
  return total / slow.length;
}
