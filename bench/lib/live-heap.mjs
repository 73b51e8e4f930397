// Preloaded (`node --expose-gc --import ./bench/lib/live-heap.mjs`) into every process
// bench/proxy.mjs measures: the bench servers and `specl proxy`. On SIGUSR2 it prints one line,
//
//   live heap: <bytes> loop p99: <ms> gc: <count> <total ms> <max ms> <p99 ms>
//
// the heap in use after two full collections (resident memory also counts the space V8 keeps
// after collecting, so its growth alone does not say that anything is held), the 99th
// percentile of the event loop's delay, and the garbage collector's pauses (perf_hooks 'gc'
// entries: every scavenge and every mark-compact step that stopped JavaScript) since the last
// report. The report's own two collections are not counted.
import { PerformanceObserver, createHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
/** GC pauses in microseconds (1 µs to 10 s). */
let pauses = createHistogram({ lowest: 1, highest: 10_000_000, figures: 3 });
let total = 0;
/** When the report's own collections ran (performance.now()), so as not to count them. */
let forced = { from: 0, to: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.startTime >= forced.from && entry.startTime <= forced.to) continue;
    pauses.record(Math.max(1, Math.round(entry.duration * 1000)));
    total += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

process.on('SIGUSR2', () => {
  const loopP99 = delay.percentile(99) / 1e6;
  delay.reset();
  const gcs = `gc: ${pauses.count} ${total.toFixed(2)} ${(pauses.max / 1000).toFixed(2)} ${(pauses.percentile(99) / 1000).toFixed(2)}`;
  pauses = createHistogram({ lowest: 1, highest: 10_000_000, figures: 3 });
  total = 0;
  const gc = globalThis.gc;
  const from = performance.now();
  gc?.();
  gc?.();
  forced = { from, to: performance.now() };
  const heap = process.memoryUsage().heapUsed;
  console.log(
    `live heap: ${heap}${gc ? '' : ' (no --expose-gc)'} loop p99: ${loopP99.toFixed(2)} ${gcs}`,
  );
});
