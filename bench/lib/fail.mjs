// Stops a benchmark with a message naming it, and the tool's output, shortened.

/** A `fail(message, detail)` for the benchmark script `script` (`bench/diff.mjs`). */
export function failer(script) {
  return (message, detail = '') => {
    console.error(`\n${script}: ${message}`);
    if (detail) console.error(detail.length > 4000 ? `${detail.slice(0, 4000)}\n...` : detail);
    process.exit(1);
  };
}
