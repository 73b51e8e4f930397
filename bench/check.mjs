#!/usr/bin/env node
// Benchmark of `specl check`: generates specs of N types and N endpoints (shaped like the peer
// benchmark in /work/shared/design/peers.md), checks each R times in a child process, and
// reports wall time (median, min-max) and the child's peak RSS; writes the figures into
// bench/RESULTS.md under `## specl check`.
//
//   node bench/check.mjs [--runs 5] [--sizes 100,1000,5000] [--no-write]
//
// Every generated spec must check clean: the benchmark aborts otherwise.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from './lib/child-env.mjs';
import { parseArgs } from 'node:util';
import { failer } from './lib/fail.mjs';
import { generateSpec } from './lib/gen-spec.mjs';
import { describeMachine, revision } from './lib/machine.mjs';
import {
  fmtMB,
  fmtMs,
  median,
  plainTable,
  sectionBody,
  tableRows,
  verdicts,
  writeSection,
} from './lib/results.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const WORK = join(BENCH, '.work');
const CLI = join(ROOT, 'cli', 'bin', 'specl.js');
const PRELOAD = join(BENCH, 'lib', 'rss-preload.cjs');
const RESULTS = join(BENCH, 'RESULTS.md');
const AIM_MS = 2000;

const fail = failer('bench/check.mjs');

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: 'string', default: '5' },
        sizes: { type: 'string', default: '100,1000,5000' },
        'no-write': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    fail(error.message);
  }
  if (parsed.help) {
    console.log('Usage: node bench/check.mjs [--runs R] [--sizes 100,1000,5000] [--no-write]');
    process.exit(0);
  }
  const runs = Number(parsed.runs);
  const sizes = parsed.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (!Number.isInteger(runs) || runs < 1)
    fail(`--runs must be a positive integer, not ${parsed.runs}`);
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 2 || n % 2)
      fail(`--sizes must be even integers >= 2, not ${parsed.sizes}`);
  }
  return { runs, sizes: [...new Set(sizes)].sort((a, b) => a - b), write: !parsed['no-write'] };
}

/** Newest modification time of the files under a folder (for the stale-build warning). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Fails unless the CLI runs; returns true (and warns) when its sources are newer than its build. */
function checkBuild() {
  const smoke = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
  if (smoke.status !== 0) {
    fail(
      '`specl --version` fails: build the CLI first (`npx tsc -b`, or `npm run build`)',
      `${smoke.stdout}${smoke.stderr}`,
    );
  }
  const target = /import\s*\(?\s*["'](.+?)["']/.exec(readFileSync(CLI, 'utf8'))?.[1];
  const entry = target ? join(dirname(CLI), target) : join(ROOT, 'cli', 'dist', 'cli.js');
  if (!existsSync(entry)) return false;
  const sources = Math.max(
    newest(join(ROOT, 'cli', 'src')),
    newest(join(ROOT, 'packages', 'language', 'src')),
  );
  if (sources > statSync(entry).mtimeMs) {
    console.warn(
      `warning: sources are newer than ${relative(ROOT, entry)}; rebuild for current figures\n`,
    );
    return true;
  }
  return false;
}

/** Runs `specl check` once; returns wall time, peak RSS and the child's result. */
function runCheck(file, extraArgs = []) {
  const rssFile = join(WORK, `usage-${process.pid}.json`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ['--require', PRELOAD, CLI, 'check', ...extraArgs, file],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: childEnv({ NO_COLOR: '1', SPECL_BENCH_RSS_FILE: rssFile }),
    },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) fail(`could not run ${CLI}: ${child.error.message}`);
  let usage = {};
  try {
    usage = JSON.parse(readFileSync(rssFile, 'utf8'));
  } catch {
    // no figures: the child died before its exit handlers ran
  }
  rmSync(rssFile, { force: true });
  const peakKiB = Number.isFinite(usage.maxRSS) ? usage.maxRSS : null;
  const cpuMs = Number.isFinite(usage.cpuMicros) ? usage.cpuMicros / 1000 : null;
  return {
    ms,
    peakKiB,
    cpuMs,
    status: child.status,
    signal: child.signal,
    stdout: child.stdout,
    stderr: child.stderr,
  };
}

/** Asserts that a spec checks clean: exit 0 and no diagnostics at all. */
function assertClean(file) {
  const result = runCheck(file, ['--format', 'json']);
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    fail(
      `GENERATED SPEC DOES NOT CHECK CLEAN: ${relative(ROOT, file)} exited with ${result.status ?? result.signal}`,
      output,
    );
  }
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    fail(`could not parse the JSON report for ${relative(ROOT, file)}`, output);
  }
  if (report.diagnostics.length > 0) {
    fail(
      `GENERATED SPEC HAS ${report.diagnostics.length} DIAGNOSTICS: ${relative(ROOT, file)}`,
      JSON.stringify(report.diagnostics.slice(0, 10), null, 2),
    );
  }
}

/** Generates, verifies and times one size; `warmups` untimed runs come first. */
function measure(n, runs, warmups = 1) {
  const text = generateSpec(n);
  const file = join(WORK, `bench-${n}.specl`);
  writeFileSync(file, text);
  assertClean(file);
  for (let i = 0; i < warmups; i++) runCheck(file);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const result = runCheck(file);
    if (result.status !== 0) {
      fail(
        `run ${i + 1} of ${relative(ROOT, file)} exited with ${result.status ?? result.signal}`,
        result.stdout + result.stderr,
      );
    }
    samples.push(result);
  }
  const times = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.peakKiB).filter((v) => v != null);
  const cpu = samples.map((s) => s.cpuMs).filter((v) => v != null);
  return {
    n,
    lines: text.split('\n').length,
    bytes: Buffer.byteLength(text),
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    peakKiB: rss.length ? Math.max(...rss) : null,
    cpuMs: cpu.length ? median(cpu) : null,
  };
}

function main() {
  const { runs, sizes, write } = options();
  const stale = checkBuild();
  mkdirSync(WORK, { recursive: true });
  const machine = describeMachine();
  const rev = `${revision(ROOT)}${stale ? ' (the built CLI is older than its sources)' : ''}`;
  console.log(
    `specl check benchmark: sizes ${sizes.join(', ')}; ${runs} runs each (+1 warm-up); build of ${rev}`,
  );
  console.log(
    `${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}, ${machine.os}`,
  );
  const loadBefore = loadavg()[0];
  console.log(`load average (1 min) before: ${loadBefore.toFixed(2)}\n`);
  if (loadBefore > machine.cores / 2)
    console.warn('warning: the machine is busy; wall times will be noisy (CPU times less so)\n');

  // The fixed cost: Node's start-up and loading the toolchain, measured on a 2-type spec.
  const base = measure(2, runs);
  console.log(
    `fixed cost (N = 2, ${base.lines} lines): median ${fmtMs(base.medianMs)}, peak RSS ${fmtMB(base.peakKiB)}`,
  );
  const rows = [];
  for (const n of sizes) {
    process.stdout.write(`N = ${n}: generating, verifying clean, ${runs} runs... `);
    const row = measure(n, runs);
    rows.push(row);
    console.log(`median ${fmtMs(row.medianMs)}`);
  }
  const cells = tableRows(rows, base.medianMs);
  console.log(`\n${plainTable(cells)}\n`);
  const loadAfter = loadavg()[0];
  const summary = verdicts(rows, base, AIM_MS);
  console.log(summary.join('\n'));

  if (!write) return;
  const body = sectionBody({
    rev,
    runs,
    sizes,
    machine,
    loadBefore,
    loadAfter,
    cells,
    base,
    summary,
  });
  writeSection(RESULTS, '## specl check', body);
  console.log(`\nwrote ${relative(ROOT, RESULTS)}`);
}

main();
