#!/usr/bin/env node
// `npm run bench`: runs every benchmark under bench/ in turn (check, compile against TypeSpec,
// verify, then any other bench/*.mjs, with its defaults), each repeating its measurements and
// writing its own section of bench/RESULTS.md with medians and spreads, then writes the first
// section: the machine, the load, the versions measured and how long each benchmark took.
//
//   node bench/run-all.mjs [--only check,compile,verify,...]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH, RESULTS, ROOT, typespecPins } from './lib/compile-tools.mjs';
import { describeMachine, revision } from './lib/machine.mjs';
import { fmtMs, writeSection } from './lib/results.mjs';

/** The benchmarks with the arguments that make each repeat its measurements five times. */
const PLANNED = {
  check: ['--runs', '5'],
  compile: ['--runs', '5', '--typespec-runs', '5'],
  verify: ['--reps', '5'],
};

/** Every benchmark: the planned ones first, then any other bench/*.mjs (with its defaults). */
function benchmarks() {
  const others = readdirSync(BENCH)
    .filter((file) => file.endsWith('.mjs') && file !== 'run-all.mjs')
    .map((file) => file.slice(0, -'.mjs'.length))
    .filter((name) => !(name in PLANNED))
    .sort();
  return [...Object.keys(PLANNED), ...others];
}

/** The version a package installed at the root has. */
function installed(name) {
  try {
    const file = join(ROOT, 'node_modules', ...name.split('/'), 'package.json');
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

function versions() {
  const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim();
  const specl = JSON.parse(readFileSync(join(ROOT, 'cli', 'package.json'), 'utf8')).version;
  const typespec = Object.entries(typespecPins())
    .map(([name, version]) => `${name}@${version}`)
    .join(', ');
  const libraries = ['typescript', 'langium', 'fast-check', 'tsx', 'esbuild']
    .map((name) => `${name} ${installed(name)}`)
    .join(', ');
  return [
    `- specl ${specl}, the build of ${revision(ROOT)}; Node ${process.version}, npm ${npm}`,
    `- libraries: ${libraries}`,
    `- TypeSpec (bench/typespec/ only, its own lock file): ${typespec}`,
  ];
}

/** How a benchmark was run, and how long it took. */
function describeRun({ name, args, ms, ok }) {
  const command = [`${name}.mjs`, ...args].join(' ');
  return `\`${command}\` ${fmtMs(ms)}${ok ? '' : ' (FAILED: its section is from an earlier run)'}`;
}

function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const all = benchmarks();
  const chosen = values.only ? values.only.split(',') : all;
  const unknown = chosen.filter((name) => !all.includes(name));
  if (unknown.length) {
    console.error(
      `bench/run-all.mjs: no benchmark ${unknown.join(', ')}; there are ${all.join(', ')}`,
    );
    process.exit(2);
  }
  const loadBefore = loadavg()[0];
  const started = Date.now();
  const ran = [];
  for (const name of chosen) {
    const args = PLANNED[name] ?? [];
    console.log(`\n== bench/${name}.mjs ${args.join(' ')}`);
    const start = Date.now();
    const run = spawnSync(process.execPath, [join(BENCH, `${name}.mjs`), ...args], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    ran.push({ name, args, ms: Date.now() - start, ok: run.status === 0 });
  }
  const loadAfter = loadavg()[0];
  const machine = describeMachine();
  const body = [
    `\`npm run bench\` (bench/run-all.mjs) on ${new Date().toISOString().slice(0, 10)}, ${fmtMs(Date.now() - started)} in all.` +
      ' Each benchmark below repeats every measurement (after an untimed warm-up) and gives its median and its spread (min-max).',
    '',
    `- machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, ${machine.os}`,
    `- 1-minute load average ${loadBefore.toFixed(2)} before and ${loadAfter.toFixed(2)} after: the machine is shared` +
      ' with other engineers and was busy while these figures were taken, so wall times are inflated and vary more than' +
      ' on a quiet machine (CPU times vary less); figures from quieter hours are in the history of this file.',
    ...versions(),
    `- benchmarks: ${ran.map(describeRun).join('; ')}`,
  ].join('\n');
  writeSection(RESULTS, '## How these figures were made', body, { first: true });
  const failed = ran.filter((r) => !r.ok);
  if (failed.length) {
    console.error(`\nbench/run-all.mjs: ${failed.map((r) => r.name).join(', ')} failed`);
    process.exit(1);
  }
  console.log('\nwrote bench/RESULTS.md');
}

main();
