// Preloaded into the measured `specl check` child with `node --import`: at exit, writes the
// process's peak resident set size (getrusage ru_maxrss, in KiB on Linux) to the file named by
// SPECL_BENCH_RSS_FILE. The 'exit' event also fires on process.exit() and process.exitCode.
import { writeFileSync } from 'node:fs';

const target = process.env.SPECL_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      writeFileSync(target, String(process.resourceUsage().maxRSS));
    } catch {
      // The benchmark reports a missing figure; never change the child's exit code.
    }
  });
}
