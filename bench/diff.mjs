#!/usr/bin/env node
// Benchmark of `specl diff`: two versions of a generated spec of N types and N endpoints (the
// `specl check` benchmark's shape, and the same spec with edits spread through it:
// bench/lib/gen-diff-spec.mjs). Measures, in process, checking and lowering each version once
// and then the diff of the two IRs (R runs, median and spread; the aim: under one second at
// N = 5,000), and the whole `specl diff --format json` child process end to end (Node start-up,
// checking both versions, diffing, printing). Every diff must find exactly the changes made,
// by kind: the benchmark aborts otherwise. Writes the figures into bench/RESULTS.md under
// `## specl diff`.
//
//   node bench/diff.mjs [--runs 10] [--cli-runs 3] [--sizes 1000,5000] [--no-write]
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildSpec, checkVersion, diffSpecs } from '@specl/compiler';
import { checkSpeclBuild, CLI, RESULTS, ROOT, WORK } from './lib/compile-tools.mjs';
import { failer } from './lib/fail.mjs';
import { evolveSpec } from './lib/gen-diff-spec.mjs';
import { generateSpec } from './lib/gen-spec.mjs';
import { describeMachine, revision } from './lib/machine.mjs';
import { fmtInt, fmtMB, fmtMs, markdownTable, median, writeSection } from './lib/results.mjs';
import { runNode } from './lib/run-node.mjs';

const AIM_MS = 1000;

const fail = failer('bench/diff.mjs');

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: 'string', default: '10' },
        'cli-runs': { type: 'string', default: '3' },
        sizes: { type: 'string', default: '1000,5000' },
        'no-write': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    fail(error.message);
  }
  if (parsed.help) {
    console.log(
      'Usage: node bench/diff.mjs [--runs R] [--cli-runs R] [--sizes 1000,5000] [--no-write]',
    );
    process.exit(0);
  }
  const positive = (text, name) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1)
      fail(`${name} must be a positive integer, not ${text}`);
    return value;
  };
  const sizes = parsed.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 100 || n % 100)
      fail(`--sizes must be multiples of 100, not ${parsed.sizes}`);
  }
  return {
    runs: positive(parsed.runs, '--runs'),
    cliRuns: positive(parsed['cli-runs'], '--cli-runs'),
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    write: !parsed['no-write'],
  };
}

/** Checks and lowers a spec file in process; fails the benchmark on any diagnostic. */
async function lower(file) {
  const start = performance.now();
  const build = await buildSpec({ root: file });
  const ms = performance.now() - start;
  if (!build.ir || build.diagnostics.length > 0) {
    fail(
      `GENERATED SPEC DOES NOT CHECK CLEAN: ${relative(ROOT, file)}`,
      JSON.stringify(build.diagnostics.slice(0, 5), null, 2),
    );
  }
  return { ir: build.ir, ms };
}

/**
 * Checks and lowers a small spec once, so that the first size measured does not pay for the
 * process's first build: loading the language's and compiler's code, making the services
 * (with Langium's loader of the grammar, in the packages' dist) and a cold JIT. Without it,
 * "check + lower" at N = 5,000 read 1.77 s and 1.31 s alone against 1.37 s and 1.13 s after
 * N = 1,000 (the ninth session's run measured `--sizes 5000`, the eighth's `1000,5000`).
 */
async function warmUp() {
  const file = join(WORK, 'diff-warm-up.specl');
  writeFileSync(file, generateSpec(100));
  await lower(file);
}

/** Fails unless the diff found exactly the expected changes, by kind. */
function assertChanges(diff, expected, n) {
  const found = {};
  for (const change of diff.changes) found[change.kind] = (found[change.kind] ?? 0) + 1;
  const sorted = (counts) => JSON.stringify(Object.entries(counts).sort());
  if (sorted(found) !== sorted(expected)) {
    fail(
      `the diff at N = ${n} found other changes than were made`,
      `made:  ${sorted(expected)}\nfound: ${sorted(found)}`,
    );
  }
}

/** Times `fn` `runs` times after one warm-up call. */
function time(fn, runs) {
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return { medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples) };
}

async function measure(n, runs, cliRuns) {
  const before = generateSpec(n);
  const { text: after, expected } = evolveSpec(before, n);
  const oldFile = join(WORK, `diff-old-${n}.specl`);
  const newFile = join(WORK, `diff-new-${n}.specl`);
  writeFileSync(oldFile, before);
  writeFileSync(newFile, after);
  const a = await lower(oldFile);
  const b = await lower(newFile);
  const diff = diffSpecs(a.ir, b.ir);
  assertChanges(diff, expected, n);
  if (diffSpecs(a.ir, a.ir).changes.length > 0)
    fail(`a spec diffed with itself shows changes at N = ${n}`);
  if (checkVersion(diff).carried !== 'major') fail('the evolved spec should carry a major bump');
  const changed = time(() => diffSpecs(a.ir, b.ir), runs);
  const same = time(() => diffSpecs(a.ir, a.ir), runs);
  const modes = await endToEnd(oldFile, newFile, n, cliRuns);
  return {
    n,
    lines: before.split('\n').length,
    changes: diff.changes.length,
    lowerMs: [a.ms, b.ms],
    changed,
    same,
    modes,
  };
}

/**
 * How `specl diff` runs end to end: by default (one version after the other), with
 * `--parallel` (the two versions in two threads at once), and with the base version in the cache.
 */
const MODES = [
  { name: 'default', args: [] },
  { name: 'parallel', args: ['--parallel'] },
  { name: 'base cached', args: ['--cache'] },
];

/**
 * Runs the whole `specl diff --format json` child process in each mode, alternating the modes
 * run by run (so that each sees the same machine), `cliRuns` times after one warm-up round.
 * "base cached": a fresh cache holding only the old version (as CI diffing against an
 * unchanged base finds it), so the new version is checked and written to the cache.
 */
async function endToEnd(oldFile, newFile, n, cliRuns) {
  const seeded = join(WORK, `diff-cache-seed-${n}`);
  rmSync(seeded, { recursive: true, force: true });
  mkdirSync(seeded, { recursive: true });
  const seed = await runNode([CLI, 'diff', oldFile, oldFile, '--format', 'json', '--cache'], {
    cwd: seeded,
    workDir: WORK,
  });
  if (seed.status !== 0) fail('specl diff --cache failed', seed.stdout + seed.stderr);
  const runs = Object.fromEntries(MODES.map((mode) => [mode.name, []]));
  let report;
  for (let i = 0; i <= cliRuns; i++) {
    for (const mode of MODES) {
      const cwd = join(WORK, `diff-cwd-${n}`);
      rmSync(cwd, { recursive: true, force: true });
      cpSync(seeded, cwd, { recursive: true });
      const run = await runNode([CLI, 'diff', oldFile, newFile, '--format', 'json', ...mode.args], {
        cwd,
        workDir: WORK,
      });
      if (run.status !== 0)
        fail(`specl diff exited with ${run.status ?? run.signal}`, run.stdout + run.stderr);
      report ??= run.stdout;
      if (run.stdout !== report) fail(`specl diff ${mode.args.join(' ')} printed another report`);
      if (i > 0) runs[mode.name].push(run); // the first round warms the disk cache
    }
  }
  return MODES.map(({ name }) => ({
    name,
    ms: median(runs[name].map((r) => r.ms)),
    cpuMs: median(runs[name].map((r) => r.cpuMs ?? 0)),
    peakKiB: Math.max(...runs[name].map((r) => r.peakKiB ?? 0)) || null,
  }));
}

function table(rows) {
  const header = [
    'N',
    'spec lines',
    'changes found',
    'check + lower (old, new)',
    'diff median',
    'spread (min-max)',
    'diff of a spec with itself',
    ...MODES.map((mode) => `end to end, ${mode.name}: wall, CPU, peak RSS`),
  ];
  return [
    header,
    ...rows.map((r) => [
      fmtInt(r.n),
      fmtInt(r.lines),
      fmtInt(r.changes),
      `${fmtMs(r.lowerMs[0])}, ${fmtMs(r.lowerMs[1])}`,
      `${r.changed.medianMs.toFixed(1)} ms`,
      `${r.changed.minMs.toFixed(1)} - ${r.changed.maxMs.toFixed(1)} ms`,
      `${r.same.medianMs.toFixed(1)} ms`,
      ...r.modes.map((m) => `${fmtMs(m.ms)}, ${fmtMs(m.cpuMs)}, ${fmtMB(m.peakKiB)}`),
    ]),
  ];
}

async function main() {
  const { runs, cliRuns, sizes, write } = options();
  const stale = checkSpeclBuild();
  mkdirSync(WORK, { recursive: true });
  const machine = describeMachine();
  const rev = `${revision(ROOT)}${stale ? ' (the built CLI is older than its sources)' : ''}`;
  const loadBefore = loadavg()[0];
  console.log(
    `specl diff benchmark: sizes ${sizes.join(', ')}; ${runs} in-process runs, ${cliRuns} CLI runs; build of ${rev}`,
  );
  await warmUp();
  const rows = [];
  for (const n of sizes) {
    process.stdout.write(`N = ${n}: generating, checking both versions, diffing... `);
    const row = await measure(n, runs, cliRuns);
    rows.push(row);
    console.log(
      `diff median ${row.changed.medianMs.toFixed(1)} ms, end to end ${row.modes.map((m) => `${m.name} ${fmtMs(m.ms)}`).join(', ')}`,
    );
  }
  const loadAfter = loadavg()[0];
  const cells = table(rows);
  console.log(`\n${markdownTable(cells)}\n`);
  const at5k = rows.find((r) => r.n === 5000);
  const verdict = at5k
    ? `- The diff of two N = 5,000 specs in under a second: ${at5k.changed.medianMs < AIM_MS ? 'MET' : 'MISSED'} (median ${at5k.changed.medianMs.toFixed(1)} ms for the IR diff; the whole command, which checks both versions first, ${fmtMs(at5k.modes[0].ms)}).`
    : '- The diff of two N = 5,000 specs in under a second: not measured in this run (add 5000 to --sizes).';
  console.log(verdict);
  if (!write) return;
  const date = new Date().toISOString().slice(0, 10);
  const body = [
    `Measured ${date} on the build of ${rev} with \`node bench/diff.mjs --runs ${runs} --cli-runs ${cliRuns} --sizes ${sizes.join(',')}\`.`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.os}; 1-minute load average ${loadBefore.toFixed(2)} before and ${loadAfter.toFixed(2)} after the runs.`,
    '',
    'Aim: the diff of two N = 5,000 specs in under a second.',
    '',
    'The versions: the `specl check` benchmark spec of N types and N endpoints (see above), and the same spec at 2.0.0 with edits spread through it (bench/lib/gen-diff-spec.mjs): per 50 types one field removed, one constraint narrowed, one optional field added and one enum member added; per 50 endpoint pairs one endpoint removed and one precondition added; N/100 endpoints added. Each run asserts that the diff finds exactly those changes, by kind, and nothing between a spec and itself.',
    '',
    `"diff" is \`diffSpecs(old, new)\` on the two lowered IRs, in process (${runs} runs after one warm-up); "check + lower" is parsing, linking, validating and lowering one version once, in process (after a warm-up build of an N = 100 spec); "end to end" is the whole \`specl diff old.specl new.specl --format json\` child process (median of ${cliRuns} runs after one warm-up round; wall and CPU time, user and system, of all its threads), Node start-up and checking both versions included, in three modes run in turn: by default (one version after the other), \`--parallel\` (two threads at once for large specs), and \`--cache\` with a cache holding the old version only (the new one is checked and written to it).`,
    '',
    markdownTable(cells),
    '',
    verdict,
    '- Checking the two versions is where the end-to-end time goes (see `specl check` above); the classification itself is a small part of it.',
    ...(Math.max(loadBefore, loadAfter) > machine.cores / 2
      ? [
          `- The machine was shared during these runs (load average above ${machine.cores / 2} on ${machine.cores} cores): wall times, the end-to-end ones above all, are inflated; compare them with the quiet-machine \`specl check\` figures with care.`,
        ]
      : []),
  ].join('\n');
  writeSection(RESULTS, '## specl diff', body);
  console.log(`\nwrote ${relative(ROOT, RESULTS)}`);
}

await main();
