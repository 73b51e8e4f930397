#!/usr/bin/env node
// Benchmark of the CLI's start-up (issue 17: "CLI start stays under 150 ms"): Node's own start
// (`node -e 0`, the floor), `specl --version` (the CLI loaded, nothing checked), and `specl check`
// and `specl compile --target openapi` of a one-endpoint spec (start-up plus loading the
// toolchain: the grammar, the parser, the checks). Each is run R times after two warm-ups, one
// child at a time; wall time is measured around the child, CPU time (user + system of all its
// threads) from the children's times Linux adds to this process when it reaps one.
// Every run is asserted: the check reports no problem, the compile writes OpenAPI 3.1.
//
// NODE_EXTRA_CA_CERTS is left out of the children's environment unless --keep-env is given:
// with it, every Node process parses the listed certificates at start (about 50 ms of CPU on
// these machines, which set it for all processes); Specl has nothing to do with that cost.
//
//   node bench/start.mjs [--runs 21] [--keep-env] [--no-write]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSpeclBuild, CLI, RESULTS, ROOT, WORK } from './lib/compile-tools.mjs';
import { failer } from './lib/fail.mjs';
import { describeMachine, revision } from './lib/machine.mjs';
import { fmtMs, markdownTable, median, writeSection } from './lib/results.mjs';

const AIM_MS = 150;
const HEADING = '## CLI start-up';
const fail = failer('bench/start.mjs');

const SPEC = `/// One endpoint: the smallest spec a command does real work on.
spec Start version "1.0.0" { security none }

type Item {
  id: Uuid
  name: String { minLength: 1, maxLength: 80 }
}

endpoint getItem GET /items/{id: Uuid} {
  response 200 Item
}
`;

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: 'string', default: '21' },
        'keep-env': { type: 'boolean', default: false },
        'no-write': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    fail(error.message);
  }
  if (parsed.help) {
    console.log('Usage: node bench/start.mjs [--runs R] [--keep-env] [--no-write]');
    process.exit(0);
  }
  const runs = Number(parsed.runs);
  if (!Number.isInteger(runs) || runs < 1) fail('--runs must be a positive integer');
  return { runs, keepEnv: parsed['keep-env'], write: !parsed['no-write'] };
}

/** User + system time of this process's reaped children so far, ms (Linux), or null. */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, so cutime and cstime (16, 17) sit at 13 and 14.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

function childEnv(keepEnv) {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  if (!keepEnv) delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Runs `node args` R times after two warm-ups; asserts each run with `verify`. */
function measure(args, runs, env, verify) {
  const walls = [];
  let cpuTotal = 0;
  for (let i = 0; i < runs + 2; i++) {
    const cpuBefore = childrenCpuMs();
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: WORK, env, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const cpuAfter = childrenCpuMs();
    if (result.error) fail(`node ${args.join(' ')} did not run: ${result.error.message}`);
    verify(result);
    if (i < 2) continue;
    walls.push(ms);
    if (cpuBefore !== null && cpuAfter !== null) cpuTotal += cpuAfter - cpuBefore;
  }
  const cpuMs = childrenCpuMs() === null ? null : cpuTotal / runs;
  return { medianMs: median(walls), minMs: Math.min(...walls), cpuMs };
}

const succeeds = (what) => (result) => {
  if (result.status !== 0) fail(`${what} exited with ${result.status}`, result.stderr);
};

function main() {
  const { runs, keepEnv, write } = options();
  const stale = checkSpeclBuild();
  mkdirSync(WORK, { recursive: true });
  const spec = join(WORK, 'start.specl');
  const out = join(WORK, 'start-out');
  writeFileSync(spec, SPEC);
  const env = childEnv(keepEnv);
  const rev = `${revision(ROOT)}${stale ? ' (the built CLI is older than its sources)' : ''}`;
  const loadBefore = loadavg()[0];
  const cases = [
    ['Node alone (`node -e 0`)', ['-e', '0'], succeeds('node -e 0')],
    ['`specl --version`', [CLI, '--version'], succeeds('specl --version')],
    [
      '`specl check` of one endpoint',
      [CLI, 'check', spec],
      (result) => {
        succeeds('specl check')(result);
        if (!/no problems found/.test(result.stdout))
          fail('specl check found problems', result.stdout);
      },
    ],
    [
      '`specl compile --target openapi` of one endpoint',
      [CLI, 'compile', spec, '--out', out, '--target', 'openapi', '--force'],
      (result) => {
        succeeds('specl compile')(result);
        const document = JSON.parse(readFileSync(join(out, 'openapi.json'), 'utf8'));
        if (document.openapi !== '3.1.0') fail('specl compile wrote no OpenAPI 3.1 document');
        rmSync(out, { recursive: true, force: true });
      },
    ],
  ];
  const rows = cases.map(([name, args, verify]) => {
    const row = { name, ...measure(args, runs, env, verify) };
    console.log(`${name}: ${fmtMs(row.medianMs)} wall, ${fmtMs(row.cpuMs)} CPU`);
    return row;
  });
  let certificates = null;
  if (!keepEnv && process.env.NODE_EXTRA_CA_CERTS) {
    certificates = measure(
      ['-e', '0'],
      runs,
      { ...env, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS },
      succeeds('node -e 0'),
    );
  }
  const loadAfter = loadavg()[0];
  const table = markdownTable([
    ['command', 'median wall', 'min wall', 'mean CPU', 'above Node alone (wall)'],
    ...rows.map((r) => [
      r.name,
      fmtMs(r.medianMs),
      fmtMs(r.minMs),
      r.cpuMs === null ? 'n/a' : fmtMs(r.cpuMs),
      r === rows[0] ? '-' : fmtMs(r.medianMs - rows[0].medianMs),
    ]),
  ]);
  const verdict = (row, what) =>
    `- ${what} under ${AIM_MS} ms: ${row.medianMs < AIM_MS ? 'MET' : 'MISSED'} (median ${fmtMs(row.medianMs)} wall, ${row.cpuMs === null ? 'CPU n/a' : `${fmtMs(row.cpuMs)} CPU`})`;
  const summary = [
    verdict(rows[1], 'Start-up (`specl --version`)'),
    verdict(rows[2], 'Start-up with the toolchain loaded (`specl check` of one endpoint)'),
  ];
  const machine = describeMachine();
  const envNote = keepEnv
    ? 'The children ran with this process\u2019s environment as it is.'
    : certificates
      ? `The children ran without NODE_EXTRA_CA_CERTS, which these machines set for every process: with it, \`node -e 0\` takes ${fmtMs(certificates.medianMs)} wall and ${fmtMs(certificates.cpuMs)} CPU (Node parses every listed certificate at start), a cost of the machine, not of Specl.`
      : 'NODE_EXTRA_CA_CERTS was not set.';
  console.log(`\n${table}\n\n${summary.join('\n')}\n${envNote}`);
  if (!write) return;
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on the build of ${rev} with \`node bench/start.mjs --runs ${runs}${keepEnv ? ' --keep-env' : ''}\`: each command run ${runs} times after two warm-ups, one child at a time; median and minimum wall time around the child, and its mean CPU time (user + system of all its threads, from the times Linux adds to the parent when it reaps a child, in 10 ms ticks summed over the runs).`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.os}; 1-minute load average ${loadBefore.toFixed(2)} before and ${loadAfter.toFixed(2)} after (more than 1 means other work shared the CPU). ${envNote}`,
    '',
    `Aim (issue 17): the CLI starts in under ${AIM_MS} ms. The one-endpoint spec is bench/start.mjs's own (a record and one GET).`,
    '',
    table,
    '',
    ...summary,
  ].join('\n');
  writeSection(RESULTS, HEADING, body);
  console.log(`\nwrote ${relative(ROOT, RESULTS)}`);
}

main();
