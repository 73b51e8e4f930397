// Preloaded (`node --expose-gc --import ./bench/lib/live-heap.mjs`) into every process
// bench/proxy.mjs measures: the bench servers and `specl proxy`. On SIGUSR2 it prints one line,
//
//   live heap: <bytes> loop p99: <ms> max: <ms> gc: <count> <total ms> <max ms> <p99 ms> pauses: <JSON>
//
// the heap in use after two full collections (resident memory also counts the space V8 keeps
// after collecting, so its growth alone does not say that anything is held), the 99th
// percentile and the maximum of the event loop's delay, and the garbage collector's pauses
// (perf_hooks 'gc' entries: every scavenge and every mark-compact step that stopped
// JavaScript) since the last report, with each pause's start (ms since the epoch) and length
// so that slow requests can be matched with them. The report's own two collections are not
// counted. The loop's delay is sampled by a 10 ms timer, once per tick: a stall of 50 ms is one
// sample among a hundred a second but delays a hundred requests at 2,000 a second, so its p99
// can stay low while the requests' is high; the maximum shows the stall. (A 1 ms timer woke
// each process a thousand times a second: 28 ms of CPU a second for an idle `specl proxy`,
// times the four processes on the servers' core.)
//
// On SIGWINCH it prints the same line without the two collections (`live heap: -1`): the
// figures since the last report, and starts them anew. A forced full collection throws away
// much of what the JIT made (measured on `specl proxy`: after two, 140 functions were
// optimized again and 58 deoptimized for want of type feedback in the next second of load,
// whose slowest requests took 111-132 ms against 10 ms without them), so a bench must not
// force one just before it measures.
import { PerformanceObserver, createHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
/** GC pauses in microseconds (1 µs to 10 s). */
let pauses = createHistogram({ lowest: 1, highest: 10_000_000, figures: 3 });
let total = 0;
/** Each pause since the last report: [start, ms since the epoch; length, ms]. */
let log = [];
/** When the report's own collections ran (performance.now()), so as not to count them. */
let forced = { from: 0, to: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.startTime >= forced.from && entry.startTime <= forced.to) continue;
    pauses.record(Math.max(1, Math.round(entry.duration * 1000)));
    total += entry.duration;
    log.push([+(performance.timeOrigin + entry.startTime).toFixed(3), +entry.duration.toFixed(3)]);
  }
}).observe({ entryTypes: ['gc'] });

process.on('SIGUSR2', () => report(true));
process.on('SIGWINCH', () => report(false));

/** Prints the report; with `collect`, after two full collections, with the live heap. */
function report(collect) {
  const loopP99 = delay.percentile(99) / 1e6;
  const loopMax = delay.max / 1e6;
  delay.reset();
  const gcs = `gc: ${pauses.count} ${total.toFixed(2)} ${(pauses.max / 1000).toFixed(2)} ${(pauses.percentile(99) / 1000).toFixed(2)}`;
  const logged = JSON.stringify(log);
  pauses = createHistogram({ lowest: 1, highest: 10_000_000, figures: 3 });
  total = 0;
  log = [];
  const gc = globalThis.gc;
  let heap = -1;
  if (collect) {
    const from = performance.now();
    gc?.();
    gc?.();
    forced = { from, to: performance.now() };
    heap = process.memoryUsage().heapUsed;
  }
  console.log(
    `live heap: ${heap}${gc ? '' : ' (no --expose-gc)'} loop p99: ${loopP99.toFixed(2)} max: ${loopMax.toFixed(2)} ${gcs} pauses: ${logged}`,
  );
}
