#!/usr/bin/env node
// Benchmark of `specl compile --target openapi` against TypeSpec 1.11.0's
// `tsp compile . --emit @typespec/openapi3` (OpenAPI 3.1, JSON) on the same generated API, the
// shape of the peer benchmark in /work/shared/design/peers.md, at N = 100, 1,000 and 5,000
// models and operations. Reports wall time (median, min-max), CPU time and peak RSS of each
// child process, the ratio TypeSpec / specl per N against the aims (at least 10x faster at
// N = 1,000 and N = 5,000, time linear in N), specl on the full `specl check` benchmark
// spec, and what both tools do on one reference ring and one chain of 5,000 types. Writes the
// figures into bench/RESULTS.md under `## specl compile`.
//
//   node bench/compile.mjs [--runs 5] [--typespec-runs 3] [--sizes 100,1000,5000]
//                          [--probe-n 5000] [--probe-timeout 180] [--no-probes]
//                          [--only specl|typespec] [--no-write]
//
// TypeSpec lives in bench/typespec/ (exact pins and a package-lock.json; never a dependency of
// Specl) and is installed there with `npm ci` when missing. Every generated spec must compile
// clean in both tools, and both must write OpenAPI 3.1.0 JSON with N operations: the benchmark
// aborts otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSpec } from './lib/gen-spec.mjs';
import { generateTypeSpec, TSPCONFIG } from './lib/gen-typespec.mjs';
import { describeMachine, revision } from './lib/machine.mjs';
import { fmtInt, fmtMs, median, plainTable, writeSection } from './lib/results.mjs';
import { runNode } from './lib/run-node.mjs';
import {
  checkSpeclBuild,
  CLI,
  ensureTypeSpec,
  fail,
  HEADING,
  OUT,
  RESULTS,
  ROOT,
  TS_WORK,
  TSP,
  typespecPins,
  WORK,
} from './lib/compile-tools.mjs';
import {
  fmtRss,
  mainTable,
  outputTable,
  probeTable,
  ratioOf,
  sectionBody,
  verdicts,
} from './lib/compile-report.mjs';

/** Minimum speed-up over TypeSpec per N (the aims). */
/** TypeSpec-only probes of where its limits lie below the probe size (peers.md: ring ~270-390). */
const TS_EXTRA_PROBES = [
  { link: 'ring', n: 250 },
  { link: 'chain', n: 1000 },
];

const USAGE =
  'Usage: node bench/compile.mjs [--runs 5] [--typespec-runs 3] [--sizes 100,1000,5000]\n' +
  '         [--probe-n 5000] [--probe-timeout 180] [--no-probes] [--only specl|typespec] [--no-write]';

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: 'string', default: '5' },
        'typespec-runs': { type: 'string', default: '3' },
        sizes: { type: 'string', default: '100,1000,5000' },
        'probe-n': { type: 'string', default: '5000' },
        'probe-timeout': { type: 'string', default: '180' },
        'no-probes': { type: 'boolean', default: false },
        only: { type: 'string' },
        'no-write': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    fail(`${error.message}\n${USAGE}`);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name) => {
    const value = Number(String(parsed[name]).replace(/_/g, ''));
    if (!Number.isInteger(value) || value < 1)
      fail(`--${name} must be a positive integer, not ${parsed[name]}`);
    return value;
  };
  const even = (text, name) => {
    const n = Number(text.trim().replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 2 || n % 2)
      fail(`--${name} needs even integers >= 2, not ${text}`);
    return n;
  };
  if (parsed.only && !['specl', 'typespec'].includes(parsed.only))
    fail(`--only must be specl or typespec, not ${parsed.only}`);
  const sizes = parsed.sizes.split(',').map((s) => even(s, 'sizes'));
  return {
    runs: positive('runs'),
    tsRuns: positive('typespec-runs'),
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    probeN: even(parsed['probe-n'], 'probe-n'),
    probeTimeoutMs: positive('probe-timeout') * 1000,
    probes: !parsed['no-probes'],
    specl: parsed.only !== 'typespec',
    typespec: parsed.only !== 'specl',
    write: !parsed['no-write'],
  };
}

// ---------------------------------------------------------------------------------------------
// Generated specs and one run of each tool

/** Writes one generated spec for each tool; returns their paths and line counts. */
function writeSpecs(name, n, link = 'none') {
  const ts = generateTypeSpec(n, { link });
  const tsDir = join(TS_WORK, name);
  mkdirSync(tsDir, { recursive: true });
  writeFileSync(join(tsDir, 'main.tsp'), ts);
  writeFileSync(join(tsDir, 'tspconfig.yaml'), TSPCONFIG);
  const specl = generateSpec(n, { shape: 'peer', link });
  const speclFile = join(WORK, `compile-${name}.specl`);
  writeFileSync(speclFile, specl);
  return {
    tsDir,
    tsLines: ts.split('\n').length,
    speclFile,
    speclLines: specl.split('\n').length,
    speclBytes: Buffer.byteLength(specl),
  };
}

/** A fresh, empty output folder for one run (emptied outside the timed part). */
function freshOut(label) {
  const dir = join(OUT, label);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  return dir;
}

function runTypeSpec(tsDir, outDir, timeoutMs) {
  return runNode([TSP, 'compile', '.', '--emit', '@typespec/openapi3', '--output-dir', outDir], {
    cwd: tsDir,
    workDir: WORK,
    timeoutMs,
  });
}

function runSpecl(file, outDir, timeoutMs) {
  return runNode([CLI, 'compile', file, '--out', outDir, '--target', 'openapi'], {
    cwd: ROOT,
    workDir: WORK,
    timeoutMs,
  });
}

/** Reads an emitted openapi.json; fails unless it is JSON for OpenAPI 3.1.0. */
function readOpenApi(file, label) {
  if (!existsSync(file)) fail(`${label}: no ${relative(ROOT, file)} was written`);
  const text = readFileSync(file, 'utf8');
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    fail(`${label}: ${relative(ROOT, file)} is not valid JSON (${error.message})`);
  }
  if (doc?.openapi !== '3.1.0')
    fail(
      `${label}: ${relative(ROOT, file)} says openapi: ${JSON.stringify(doc?.openapi)}, not '3.1.0'`,
    );
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  let operations = 0;
  for (const item of Object.values(doc.paths ?? {}))
    for (const m of methods) if (item?.[m]) operations++;
  return {
    bytes: Buffer.byteLength(text),
    paths: Object.keys(doc.paths ?? {}).length,
    operations,
    schemas: Object.keys(doc.components?.schemas ?? {}).length,
  };
}

const outputOf = (r) => `${r.stdout}${r.stderr}`;
const outcomeOf = (r) =>
  r.timedOut
    ? 'timed out'
    : r.error
      ? r.error.message
      : r.signal
        ? `killed by ${r.signal}`
        : `exit ${r.status}`;

/** Fails unless a TypeSpec run compiled clean: exit 0, no warnings, OpenAPI 3.1 with N operations. */
function assertTypeSpecClean(result, outDir, n, label) {
  const output = outputOf(result);
  if (result.status !== 0 || !/Compilation completed successfully/.test(output))
    fail(`GENERATED TYPESPEC DOES NOT COMPILE: ${label} (${outcomeOf(result)})`, output);
  if (/\bwarning\b/i.test(output)) fail(`GENERATED TYPESPEC HAS WARNINGS: ${label}`, output);
  const openapi = readOpenApi(join(outDir, 'openapi.json'), label);
  if (openapi.operations !== n)
    fail(`${label}: TypeSpec wrote ${openapi.operations} operations, not ${n}`);
  return openapi;
}

/** Fails unless a spec checks with no diagnostics at all (`specl check --format json`). */
async function assertChecksClean(file, label) {
  const result = await runNode([CLI, 'check', '--format', 'json', file], {
    cwd: ROOT,
    workDir: WORK,
  });
  const output = outputOf(result);
  if (result.status !== 0)
    fail(`GENERATED SPEC DOES NOT CHECK CLEAN: ${label} (${outcomeOf(result)})`, output);
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    fail(`could not parse the JSON report of specl check for ${label}`, output);
  }
  if (report.diagnostics.length > 0) {
    fail(
      `GENERATED SPEC HAS ${report.diagnostics.length} DIAGNOSTICS: ${label}`,
      JSON.stringify(report.diagnostics.slice(0, 10), null, 2),
    );
  }
}

/** Fails unless a specl compile run succeeded quietly and wrote OpenAPI 3.1 with N operations. */
function assertSpeclCompiled(result, outDir, n, label) {
  const output = outputOf(result);
  if (result.status !== 0)
    fail(`GENERATED SPEC DOES NOT COMPILE: ${label} (${outcomeOf(result)})`, output);
  if (/\b(warning|error)\b/i.test(output))
    fail(`SPECL COMPILE REPORTED PROBLEMS: ${label}`, output);
  const openapi = readOpenApi(join(outDir, 'openapi.json'), label);
  if (openapi.operations !== n)
    fail(`${label}: specl wrote ${openapi.operations} operations, not ${n}`);
  return openapi;
}

// ---------------------------------------------------------------------------------------------
// Measuring

function summarise(samples) {
  const times = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.peakKiB).filter((v) => v != null);
  const cpu = samples.map((s) => s.cpuMs).filter((v) => v != null);
  return {
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    peakKiB: rss.length ? Math.max(...rss) : null,
    cpuMs: cpu.length ? median(cpu) : null,
  };
}

/**
 * One untimed warm-up run (asserted clean, its OpenAPI checked), then `runs` timed runs into
 * fresh output folders, each asserted to succeed.
 */
async function measure(tool, spec, n, runs, label) {
  const once = async (tag) => {
    const out = freshOut(`${tool}-${label}-${tag}`);
    const result =
      tool === 'typespec'
        ? await runTypeSpec(spec.tsDir, out, 30 * 60_000)
        : await runSpecl(spec.speclFile, out, 30 * 60_000);
    const openapi =
      tool === 'typespec'
        ? assertTypeSpecClean(result, out, n, `${label} (TypeSpec, ${tag})`)
        : assertSpeclCompiled(result, out, n, `${label} (specl, ${tag})`);
    rmSync(out, { recursive: true, force: true });
    return { result, openapi };
  };
  const { openapi } = await once('warm-up');
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push((await once(`run ${i + 1}`)).result);
  return { ...summarise(samples), openapi };
}

/** One run of a deep reference graph with a timeout; a failure is a finding, not an abort. */
async function probe(tool, link, n, timeoutMs) {
  const spec = writeSpecs(`${link}-${n}`, n, link);
  const out = freshOut(`${tool}-${link}-${n}`);
  const result =
    tool === 'typespec'
      ? await runTypeSpec(spec.tsDir, out, timeoutMs)
      : await runSpecl(spec.speclFile, out, timeoutMs);
  const output = outputOf(result);
  let ok = result.status === 0 && !result.timedOut;
  let detail;
  if (ok) {
    try {
      const doc = JSON.parse(readFileSync(join(out, 'openapi.json'), 'utf8'));
      ok = doc.openapi === '3.1.0';
      detail = ok
        ? `${fmtInt(Object.keys(doc.components?.schemas ?? {}).length)} schemas`
        : 'not OpenAPI 3.1.0';
    } catch (error) {
      ok = false;
      detail = `no valid openapi.json (${error.message})`;
    }
  } else {
    const known = [
      /RangeError: Maximum call stack size exceeded/,
      /JavaScript heap out of memory/,
      /Internal compiler error/,
    ].find((re) => re.test(output));
    const last = output.trim().split('\n').filter(Boolean).pop();
    detail = known ? known.source.replace(/\\/g, '') : last ? `last output: ${last.trim()}` : '';
  }
  rmSync(out, { recursive: true, force: true });
  return {
    tool,
    link,
    n,
    ok,
    outcome: ok
      ? 'compiled'
      : result.timedOut
        ? `killed at the ${timeoutMs / 1000} s timeout`
        : outcomeOf(result),
    detail,
    ms: result.ms,
    peakKiB: result.peakKiB,
    lines: tool === 'typespec' ? spec.tsLines : spec.speclLines,
  };
}

async function main() {
  const opts = options();
  const pins = opts.typespec ? ensureTypeSpec() : typespecPins();
  const stale = opts.specl ? checkSpeclBuild() : false;
  mkdirSync(WORK, { recursive: true });
  mkdirSync(TS_WORK, { recursive: true });
  const machine = describeMachine();
  const rev = `${revision(ROOT)}${stale ? ' (the built CLI is older than its sources)' : ''}`;
  console.log(
    `specl compile benchmark: sizes ${opts.sizes.join(', ')}; ${opts.tsRuns} TypeSpec and ${opts.runs} specl runs each (+1 warm-up); build of ${rev}`,
  );
  console.log(
    `${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}, ${machine.os}`,
  );
  const loadBefore = loadavg()[0];
  console.log(`load average (1 min) before: ${loadBefore.toFixed(2)}\n`);
  if (loadBefore > machine.cores / 2)
    console.warn('warning: the machine is busy; wall times will be noisy (CPU times less so)\n');

  const rows = [];
  for (const n of [2, ...opts.sizes]) {
    const spec = writeSpecs(`n${n}`, n);
    const row = { n, tsLines: spec.tsLines, speclLines: spec.speclLines };
    process.stdout.write(`N = ${n}: `);
    if (opts.specl) {
      await assertChecksClean(spec.speclFile, `N = ${n}`);
      row.specl = await measure('specl', spec, n, opts.runs, `N = ${n}`);
      process.stdout.write(`specl ${fmtMs(row.specl.medianMs)}; `);
      if (n !== 2) {
        const text = generateSpec(n);
        const file = join(WORK, `compile-full-${n}.specl`);
        writeFileSync(file, text);
        await assertChecksClean(file, `N = ${n}, check shape`);
        row.fullLines = text.split('\n').length;
        row.full = await measure(
          'specl',
          { speclFile: file },
          n,
          opts.runs,
          `N = ${n}, check shape`,
        );
        process.stdout.write(`specl, check shape ${fmtMs(row.full.medianMs)}; `);
      }
    }
    if (opts.typespec) {
      row.ts = await measure('typespec', spec, n, opts.tsRuns, `N = ${n}`);
      process.stdout.write(`TypeSpec ${fmtMs(row.ts.medianMs)}`);
    }
    if (row.ts && row.specl) {
      const shape = (o) => `${o.paths} paths, ${o.operations} operations, ${o.schemas} schemas`;
      if (shape(row.ts.openapi) !== shape(row.specl.openapi))
        fail(
          `THE TWO TOOLS DID NOT WRITE THE SAME API at N = ${n}: TypeSpec ${shape(row.ts.openapi)}, specl ${shape(row.specl.openapi)}`,
        );
    }
    const ratio = ratioOf(row);
    console.log(ratio == null ? '' : ` (${ratio.toFixed(1)}x)`);
    rows.push(row);
  }

  const probes = [];
  if (opts.probes) {
    const plan = [];
    for (const link of ['ring', 'chain']) {
      if (opts.specl) plan.push(['specl', link, opts.probeN]);
      if (opts.typespec) plan.push(['typespec', link, opts.probeN]);
    }
    if (opts.typespec)
      for (const p of TS_EXTRA_PROBES) if (p.n < opts.probeN) plan.push(['typespec', p.link, p.n]);
    for (const [tool, link, n] of plan) {
      process.stdout.write(`probe: ${tool}, ${link} of ${n}... `);
      const p = await probe(tool, link, n, opts.probeTimeoutMs);
      probes.push(p);
      console.log(
        `${p.outcome}${p.detail ? ` (${p.detail})` : ''}, ${fmtMs(p.ms)}, ${fmtRss(p.peakKiB)}`,
      );
    }
  }

  const main = mainTable(rows);
  console.log(`\n${plainTable(main)}\n\n${plainTable(outputTable(rows))}\n`);
  if (probes.length) console.log(`${plainTable(probeTable(probes))}\n`);
  const loadAfter = loadavg()[0];
  const summary = verdicts(rows, probes, opts);
  console.log(summary.join('\n'));

  if (opts.write) {
    const body = sectionBody({
      rev,
      opts,
      pins,
      machine,
      loadBefore,
      loadAfter,
      rows,
      probes,
      summary,
    });
    writeSection(RESULTS, HEADING, body);
    const prettier = join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
    if (existsSync(prettier))
      spawnSync(process.execPath, [prettier, '--write', '--log-level', 'warn', RESULTS], {
        cwd: ROOT,
        stdio: 'inherit',
      });
    console.log(`\nwrote ${relative(ROOT, RESULTS)}`);
  }
  const crashed = probes.filter((p) => p.tool === 'specl' && !p.ok);
  if (crashed.length)
    fail(`specl failed on ${crashed.map((p) => `the ${p.link} of ${p.n}`).join(' and ')}`);
}

await main();
