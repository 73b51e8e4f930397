// Preloaded into a measured child with `node --require`: at exit, writes the process's peak
// resident set size (getrusage ru_maxrss, KiB on Linux) and CPU time (user + system,
// microseconds, all threads) as JSON to the file named by SPECL_BENCH_RSS_FILE. The 'exit'
// event also fires on process.exit() and after process.exitCode is set.
// CommonJS, so that measuring a CommonJS program (the specl CLI) does not start Node's ES module
// loader in it, which `--import` of an ES module did (a cost of the bench, not of the program).
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, the point of this file
const { writeFileSync } = require('node:fs');

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
