// What a bench server keeps: on SIGUSR2, two full collections (when node runs with
// --expose-gc), then a line `live heap: <bytes>` on stdout. Resident memory also counts the
// space V8 keeps after collecting, so growth of RSS alone does not say that anything is held.

/** Installs the SIGUSR2 report of the heap in use after a full collection. */
export function reportLiveHeapOnSignal(): void {
  process.on('SIGUSR2', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    console.log(`live heap: ${process.memoryUsage().heapUsed}${gc ? '' : ' (no --expose-gc)'}`);
  });
}
