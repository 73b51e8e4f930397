// Preloaded (`node --require ./bench/lib/heap-sample-preload.cjs cli/bin/specl.js ...`): samples
// every allocation of the process from its start, those collected before it ends too (V8's
// sampling heap profiler with includeObjectsCollectedByMinorGC/MajorGC, through the inspector,
// in this thread), and writes the profile at exit to $SPECL_HEAP_SAMPLES (a .heapprofile file
// bench/lib/heap-profile-summary.mjs reads). Node's own --heap-prof keeps only the samples of
// objects still alive at exit. A CommonJS file so that a command whose code is all scripts
// still never starts the ES module loader; no V8 flag, so the bundle's code cache is accepted.
// The interval ($SPECL_HEAP_SAMPLE_BYTES, 4096 by default) is the mean bytes between samples.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: the point of this file */
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');

const target = process.env.SPECL_HEAP_SAMPLES;
if (target) {
  const session = new inspector.Session();
  session.connect();
  session.post('HeapProfiler.enable');
  session.post('HeapProfiler.startSampling', {
    samplingInterval: Number(process.env.SPECL_HEAP_SAMPLE_BYTES ?? 4096),
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  process.on('exit', () => {
    // The session answers in this thread, before post returns.
    session.post('HeapProfiler.stopSampling', (error, result) => {
      if (error) process.stderr.write(`heap-sample-preload: ${error.message}\n`);
      else writeFileSync(target, JSON.stringify(result.profile));
    });
  });
}
