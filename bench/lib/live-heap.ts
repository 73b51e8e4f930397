// What a bench server keeps and how long its event loop stalls: on SIGUSR2, a line
// `live heap: <bytes> loop p99: <ms>`, the heap in use after two full collections (when node runs
// with --expose-gc) and the 99th percentile of the event loop's delay since the last report.
// Resident memory also counts the space V8 keeps after collecting, so growth of RSS alone does
// not say that anything is held; the loop's delay is what any request arriving then waits, on
// top of the load generator's own noise.
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Installs the SIGUSR2 report of the live heap and the event loop's delay. */
export function reportLiveHeapOnSignal(): void {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  process.on('SIGUSR2', () => {
    const loopP99 = delay.percentile(99) / 1e6;
    delay.reset();
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const heap = process.memoryUsage().heapUsed;
    console.log(
      `live heap: ${heap}${gc ? '' : ' (no --expose-gc)'} loop p99: ${loopP99.toFixed(2)}`,
    );
  });
}
