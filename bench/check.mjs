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
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSpec, RING } from './lib/gen-spec.mjs';
import { describeMachine } from './lib/machine.mjs';
import {
  fmtMB, fmtMs, growth, markdownTable, median, plainTable, tableRows, TYPESPEC, writeSection,
} from './lib/results.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const WORK = join(BENCH, '.work');
const CLI = join(ROOT, 'cli', 'bin', 'specl.js');
const PRELOAD = pathToFileURL(join(BENCH, 'lib', 'rss-preload.mjs')).href;
const RESULTS = join(BENCH, 'RESULTS.md');
const AIM_MS = 2000;

function fail(message, detail = '') {
  console.error(`\nbench/check.mjs: ${message}`);
  if (detail) console.error(detail.length > 4000 ? `${detail.slice(0, 4000)}\n...` : detail);
  process.exit(1);
}

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
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, not ${parsed.runs}`);
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 2 || n % 2) fail(`--sizes must be even integers >= 2, not ${parsed.sizes}`);
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

/** Fails unless the CLI runs; warns when its sources are newer than what bin/specl.js loads. */
function checkBuild() {
  const smoke = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
  if (smoke.status !== 0) {
    fail('`specl --version` fails: build the CLI first (`npx tsc -b`, or `npm run build`)', `${smoke.stdout}${smoke.stderr}`);
  }
  const target = /import\s*\(?\s*["'](.+?)["']/.exec(readFileSync(CLI, 'utf8'))?.[1];
  const entry = target ? join(dirname(CLI), target) : join(ROOT, 'cli', 'dist', 'cli.js');
  if (!existsSync(entry)) return;
  const sources = Math.max(newest(join(ROOT, 'cli', 'src')), newest(join(ROOT, 'packages', 'language', 'src')));
  if (sources > statSync(entry).mtimeMs) {
    console.warn(`warning: sources are newer than ${relative(ROOT, entry)}; rebuild for current figures\n`);
  }
}

/** Runs `specl check` once; returns wall time, peak RSS and the child's result. */
function runCheck(file, extraArgs = []) {
  const rssFile = join(WORK, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', PRELOAD, CLI, 'check', ...extraArgs, file], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', SPECL_BENCH_RSS_FILE: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) fail(`could not run ${CLI}: ${child.error.message}`);
  const peakKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : null;
  return { ms, peakKiB, status: child.status, signal: child.signal, stdout: child.stdout, stderr: child.stderr };
}

/** Asserts that a spec checks clean: exit 0 and no diagnostics at all. */
function assertClean(file) {
  const result = runCheck(file, ['--format', 'json']);
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    fail(`GENERATED SPEC DOES NOT CHECK CLEAN: ${relative(ROOT, file)} exited with ${result.status ?? result.signal}`, output);
  }
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    fail(`could not parse the JSON report for ${relative(ROOT, file)}`, output);
  }
  if (report.diagnostics.length > 0) {
    fail(`GENERATED SPEC HAS ${report.diagnostics.length} DIAGNOSTICS: ${relative(ROOT, file)}`,
      JSON.stringify(report.diagnostics.slice(0, 10), null, 2));
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
      fail(`run ${i + 1} of ${relative(ROOT, file)} exited with ${result.status ?? result.signal}`, result.stdout + result.stderr);
    }
    samples.push(result);
  }
  const times = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.peakKiB).filter((v) => v != null && Number.isFinite(v));
  return {
    n,
    lines: text.split('\n').length,
    bytes: Buffer.byteLength(text),
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    peakKiB: rss.length ? Math.max(...rss) : null,
  };
}

function verdicts(rows, base) {
  const lines = [];
  const at5k = rows.find((r) => r.n === 5000);
  if (at5k) {
    const met = at5k.medianMs < AIM_MS;
    lines.push(`- 5,000 endpoints in under 2 s: ${met ? 'MET' : 'MISSED'} (median ${fmtMs(at5k.medianMs)}` +
      `${TYPESPEC[5000] ? `; TypeSpec ${TYPESPEC[5000].seconds} s, ${(TYPESPEC[5000].seconds * 1000 / at5k.medianMs).toFixed(1)}x ours` : ''}).`);
  } else {
    lines.push('- 5,000 endpoints in under 2 s: not measured in this run (add 5000 to --sizes).');
  }
  const steps = growth(rows, base.medianMs);
  if (steps.length) {
    const text = steps.map((s) => `${s.from} -> ${s.to}: ${Number.isFinite(s.exponent) ? s.exponent.toFixed(2) : 'n/a'}`).join(', ');
    const worst = Math.max(...steps.map((s) => s.exponent).filter(Number.isFinite));
    const verdict = worst <= 1.15 ? 'LINEAR' : worst <= 1.4 ? 'SLIGHTLY SUPERLINEAR' : 'SUPERLINEAR';
    lines.push(`- Time linear in N: ${verdict}. Growth exponent of the time above the fixed cost ` +
      `(log(t2/t1)/log(N2/N1), 1 = linear): ${text}.`);
  }
  return lines;
}

function main() {
  const { runs, sizes, write } = options();
  checkBuild();
  mkdirSync(WORK, { recursive: true });
  const machine = describeMachine();
  console.log(`specl check benchmark: sizes ${sizes.join(', ')}; ${runs} runs each (+1 warm-up)`);
  console.log(`${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}, ${machine.os}\n`);

  // The fixed cost: Node's start-up and loading the toolchain, measured on a 2-type spec.
  const base = measure(2, runs);
  console.log(`fixed cost (N = 2, ${base.lines} lines): median ${fmtMs(base.medianMs)}, peak RSS ${fmtMB(base.peakKiB)}`);
  const rows = [];
  for (const n of sizes) {
    process.stdout.write(`N = ${n}: generating, verifying clean, ${runs} runs... `);
    const row = measure(n, runs);
    rows.push(row);
    console.log(`median ${fmtMs(row.medianMs)}`);
  }
  const cells = tableRows(rows, base.medianMs);
  console.log(`\n${plainTable(cells)}\n`);
  const summary = verdicts(rows, base);
  console.log(summary.join('\n'));

  if (!write) return;
  const date = new Date().toISOString().slice(0, 10);
  const body = [
    `Measured ${date} with \`node bench/check.mjs --runs ${runs} --sizes ${sizes.join(',')}\`` +
      ` (wall time of the whole \`specl check\` child process, ${runs} runs after one warm-up; peak RSS is the child's maxRSS).`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.os}.`,
    '',
    'Aims: 5,000 endpoints checked in under 2 s; time linear in N.',
    '',
    `Spec shape: N record types (8 constrained fields: Uuid id, String name with minLength/maxLength, Int count with min, Bool,` +
      ' an own 3-member enum, a List of its pair partner, an optional String, a DateTime; pairs 0<->1, 2<->3, ...;' +
      ` the first ${RING} types (or all, if fewer) form one ring through an optional \`next\` field, the rest one chain through \`previous\`),` +
      ' invariants on every 2nd, 5th and 7th type, N endpoints (N/2 pairs of `GET /things{k}/{id: Uuid}` and `POST /things{k}`' +
      ' with a body, a 201 response and a declared error; every 2nd pair with requires/ensures) and max(3, N/100) properties.' +
      ' Generated into bench/.work/, one file per size.',
    '',
    markdownTable(cells),
    '',
    `Fixed cost (Node start-up and loading the toolchain, N = 2): median ${fmtMs(base.medianMs)}, peak RSS ${fmtMB(base.peakKiB)}.`,
    'TypeSpec figures are TypeSpec 1.11.0 `tsp compile` to OpenAPI 3.1 for the same shape, from the design notes (peers.md);' +
      ' they include emitting OpenAPI, which `specl check` does not, and their spec line counts are TypeSpec lines.',
    '',
    ...summary,
  ].join('\n');
  writeSection(RESULTS, '## specl check', body);
  console.log(`\nwrote ${relative(ROOT, RESULTS)}`);
}

main();
