#!/usr/bin/env node
// Benchmark of `specl verify` on the examples: for each, the in-process implementation and its
// node:http server over loopback, verified R times (after one untimed warm-up) with the default
// 100 runs per check. Reports, with median and spread (min-max), the wall time of the whole
// `specl verify` child process, the verifier's own time, checks, runs and requests per second,
// and the peak RSS of the verifier and of the server; writes them into bench/RESULTS.md under
// `## specl verify`.
//
//   node bench/verify.mjs [--reps 5] [--runs 100] [--examples vacation,ach-payments,...] [--no-write]
//
// Every verification must pass: the benchmark aborts otherwise.
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CLI, ROOT, RESULTS, WORK } from './lib/compile-tools.mjs';
import { describeMachine, revision } from './lib/machine.mjs';
import { fmtInt, fmtMB, fmtMs, markdownTable, median, writeSection } from './lib/results.mjs';
import { exampleFiles, measureVerify, startServer } from './lib/verify-runs.mjs';

const HEADING = '## specl verify';
const EXAMPLES = ['vacation', 'ach-payments', 'product-similarity'];

function options() {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string', default: '5' },
      runs: { type: 'string', default: '100' },
      examples: { type: 'string', default: EXAMPLES.join(',') },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const reps = Number(values.reps);
  const runs = Number(values.runs);
  if (!Number.isInteger(reps) || reps < 1)
    throw new Error(`--reps must be >= 1, not ${values.reps}`);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be >= 1, not ${values.runs}`);
  return { reps, runs, examples: values.examples.split(','), write: !values['no-write'] };
}

/** One verification of an example against a target ('in process' or 'HTTP'), some phases or all. */
async function verifyOnce(name, target, runs, phases) {
  const files = exampleFiles(name);
  const common = { cli: CLI, spec: files.spec, runs, root: ROOT, workDir: WORK, phases };
  if (target === 'in process') return measureVerify({ ...common, target: ['--impl', files.impl] });
  const server = await startServer(files.server, ROOT);
  try {
    const figures = await measureVerify({ ...common, target: ['--url', server.base] });
    return { ...figures, serverPeakKiB: await server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

const spread = (values, format) =>
  `${format(Math.min(...values))} - ${format(Math.max(...values))}`;
const perSecond = (count, ms) => count / (ms / 1000);
const fmtRate = (rate) => fmtInt(Math.round(rate));

/** The figures of R verifications: medians, spreads and peaks. */
function summarise(name, target, samples) {
  const rate = (field) => samples.map((s) => perSecond(s[field], s.verifyMs));
  const row = (values, format) => `${format(median(values))} (${spread(values, format)})`;
  const servers = samples.map((s) => s.serverPeakKiB).filter((kib) => kib != null);
  return [
    name,
    target,
    fmtInt(samples[0].checks),
    fmtInt(median(samples.map((s) => s.runs))),
    fmtInt(median(samples.map((s) => s.requests))),
    row(
      samples.map((s) => s.wallMs),
      fmtMs,
    ),
    row(
      samples.map((s) => s.verifyMs),
      fmtMs,
    ),
    row(
      samples.map((s) => s.verifyCpuMs),
      fmtMs,
    ),
    row(rate('checks'), (r) => r.toFixed(2)),
    row(rate('runs'), fmtRate),
    row(rate('requests'), fmtRate),
    row(
      samples.map((s) => perSecond(s.requests, s.verifyCpuMs)),
      fmtRate,
    ),
    fmtMB(Math.max(...samples.map((s) => s.peakKiB ?? 0))),
    servers.length ? fmtMB(Math.max(...servers)) : '-',
  ];
}

async function main() {
  const { reps, runs, examples, write } = options();
  mkdirSync(WORK, { recursive: true });
  const loadBefore = loadavg()[0];
  const rows = [];
  for (const name of examples) {
    for (const target of ['in process', 'HTTP']) {
      process.stdout.write(`${name}, ${target}: warm-up, then`);
      await verifyOnce(name, target, runs);
      const samples = [];
      for (let i = 0; i < reps; i++) {
        samples.push(await verifyOnce(name, target, runs));
        process.stdout.write(` ${fmtMs(samples[i].wallMs)}`);
      }
      process.stdout.write('\n');
      rows.push(summarise(name, target, samples));
    }
  }
  // The cost of each phase alone, on the first example: its runs and requests, and the CPU
  // time they took (the verifier's own, and in process the implementation's).
  const phaseRows = [];
  const phaseExample = examples[0];
  for (const target of ['in process', 'HTTP']) {
    const phases = ['endpoints', 'properties', 'stateful'];
    // Over HTTP, the negative phase, and the load phase (8 requests in flight, its default).
    if (target === 'HTTP') phases.splice(1, 0, 'negative');
    if (target === 'HTTP') phases.push('load');
    for (const phase of phases) {
      process.stdout.write(`${phaseExample}, ${target}, ${phase}:`);
      const samples = [];
      for (let i = 0; i < reps; i++) {
        samples.push(await verifyOnce(phaseExample, target, runs, phase));
        process.stdout.write(` ${fmtMs(samples[i].verifyCpuMs)} CPU`);
      }
      process.stdout.write('\n');
      const cpu = median(samples.map((s) => s.verifyCpuMs));
      phaseRows.push([
        target,
        phase,
        fmtInt(median(samples.map((s) => s.runs))),
        fmtInt(median(samples.map((s) => s.requests))),
        fmtMs(median(samples.map((s) => s.verifyMs))),
        fmtMs(cpu),
        fmtRate(perSecond(median(samples.map((s) => s.runs)), cpu)),
      ]);
    }
  }
  const phaseTable = markdownTable([
    ['target', 'phase', 'runs', 'requests', 'verifier time', 'verifier CPU', 'runs per CPU s'],
    ...phaseRows,
  ]);
  console.log(`\n${phaseTable}`);
  const loadAfter = loadavg()[0];
  const header = [
    'example',
    'target',
    'checks',
    'runs',
    'requests',
    'wall (median, min-max)',
    'verifier time',
    'verifier CPU',
    'checks/s',
    'runs/s',
    'requests/s',
    'requests per CPU s',
    'peak RSS',
    'server peak RSS',
  ];
  const table = markdownTable([header, ...rows]);
  console.log(`\n${table}`);
  if (!write) return;
  const machine = describeMachine();
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on the build of ${revision(ROOT)} with` +
      ` \`node bench/verify.mjs --reps ${reps} --runs ${runs}\`: each example verified ${reps} times` +
      ` after one untimed warm-up, in process (\`--impl\`, the implementation loaded by tsx) and over` +
      " HTTP on 127.0.0.1 (`--url`, against the example's node:http server, started afresh for each" +
      ` verification), ${runs} runs per check, every phase. Every verification passed.`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.os};` +
      ` 1-minute load average ${loadBefore.toFixed(2)} before and ${loadAfter.toFixed(2)} after.` +
      ' The machine is shared with other engineers and was busy: treat the times as upper bounds,' +
      ' and compare rows of one run rather than runs of different days.',
    '',
    'Columns: `checks` are the checks of the report (one per endpoint, one per written property, one' +
      ' stateful); `runs` the generated inputs or call sequences they ran; `requests` the calls the' +
      ' implementation answered (every status counted in the coverage). `wall` is the whole child' +
      " process (Node start-up, compiling the spec's properties, loading the implementation);" +
      " `verifier time` and the rates are the report's own duration, without start-up; `verifier" +
      ' CPU` is the CPU time (user and system) the verifying process spent during the run (in' +
      " process, the implementation's too), and `requests per CPU s` divides the requests by it:" +
      ' the throughput a quiet machine would give. Peak RSS is' +
      " the verifier process's maxRSS; the server's is its VmHWM.",
    '',
    table,
    '',
    `The cost of each phase alone (\`--phases <phase>\`), on ${phaseExample}: the negative phase` +
      ' runs over HTTP only; its requests are refusals, not counted in the coverage, so its runs' +
      ' (one request each) are the measure. The load phase (over HTTP, only when named) sends' +
      " each endpoint's requests 8 at a time; its runs are its requests.",
    '',
    phaseTable,
  ].join('\n');
  writeSection(RESULTS, HEADING, body);
  console.log(`\nwrote ${HEADING} into bench/RESULTS.md`);
}

main().catch((error) => {
  console.error(`\nbench/verify.mjs: ${error.message}`);
  process.exit(1);
});
