// Preloaded into the measured `specl check` child with `node --import`: at exit, writes the
// process's peak resident set size (getrusage ru_maxrss, KiB on Linux) and CPU time (user +
// system, microseconds, all threads) as JSON to the file named by SPECL_BENCH_RSS_FILE.
// The 'exit' event also fires on process.exit() and after process.exitCode is set.
import { writeFileSync } from 'node:fs';

const target = process.env.SPECL_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      writeFileSync(
        target,
        JSON.stringify({
          maxRSS: usage.maxRSS,
          cpuMicros: usage.userCPUTime + usage.systemCPUTime,
        }),
      );
    } catch {
      // The benchmark reports a missing figure; never change the child's exit code.
    }
  });
}
