#!/usr/bin/env node
// An experiment, not a bench: where the slowest requests through `specl proxy` go. Starts the
// bench's bare Vacation server and `specl proxy` in front of it (or the bare server alone),
// warms them up, then loads them at a steady rate (bench/lib/paced-load.mjs) while it samples,
// every 2 ms, each process's main thread (run time and time waiting for a CPU, Linux
// schedstat), its other threads' run time (V8's compiler and collector helpers), the
// machine's runnable tasks, and the generator's own thread. Prints the latency percentiles,
// the CPU per request of each process, and the requests at or above the p99 grouped into
// episodes (requests whose times overlap), each with what those processes did during it and
// the collectors' pauses that fell inside it (bench/lib/live-heap.mjs).
//
//   node bench/proxy-timeline.mjs [--cli cli/bin/specl.js] [--duration 10] [--rate 2000]
//                                 [--warmup 5] [--collect] [--idle 0] [--bare]
//
// `--collect` reads the processes' live heap (two forced full collections) after the warm-up,
// as bench/proxy.mjs did before each round until it re-warmed; `--idle MS` waits that long
// between the warm-up and the load. Run it at niceness -20 (with the session's autogroup) on
// a shared machine, so that its figures are of the setup more than of the machine's other work.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startExampleServer } from '../scripts/example-server.mjs';
import { ROOT } from './lib/compile-tools.mjs';
import { pacedLoad } from './lib/paced-load.mjs';
import { cpuMs, liveReport } from './lib/process-stats.mjs';

const { values } = parseArgs({
  options: {
    cli: { type: 'string', default: 'cli/bin/specl.js' },
    duration: { type: 'string', default: '10' },
    rate: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '5' },
    idle: { type: 'string', default: '0' },
    collect: { type: 'boolean', default: false },
    bare: { type: 'boolean', default: false },
  },
});
const MEASURED = ['--expose-gc', '--import', './bench/lib/live-heap.mjs'];
const rate = Number(values.rate);

/** Starts `specl proxy` (the build `cli`) in front of `target` and waits until it listens. */
function startProxy(cli, target) {
  const spec = join(ROOT, 'examples/vacation/vacation.specl');
  const args = [...MEASURED, cli, 'proxy', spec, '--target', target, '--listen', '127.0.0.1:0'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+?),/.exec(output);
      if (match)
        resolve({ base: match[1], pid: child.pid, stdout: child.stdout, stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`specl proxy exited (${code}):\n${output}`)));
  });
}

/** A thread's run time and run-queue wait, ms (zero once it is gone). */
function schedstat(pid, tid) {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
    return { run: Number(fields[0]) / 1e6, wait: Number(fields[1]) / 1e6 };
  } catch {
    return { run: 0, wait: 0 };
  }
}

/** One sample: the machine's runnable tasks; per process, its main thread and its helpers. */
function sample(pids) {
  const running = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[3].split('/')[0]);
  const processes = pids.map((pid) => {
    const main = schedstat(pid, pid);
    let helpers = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`))
      if (Number(tid) !== pid) helpers += schedstat(pid, tid).run;
    return { ...main, helpers };
  });
  return {
    at: performance.now(),
    running,
    processes,
    generator: schedstat(process.pid, process.pid),
  };
}

/** What happened between two samples: mean runnable tasks, and each thread's run and wait. */
function between(samples, from, to) {
  const inside = samples.filter((one) => one.at >= from && one.at <= to);
  if (inside.length < 2) return 'shorter than a sample';
  const [a, b] = [inside[0], inside.at(-1)];
  const ms = (value) => value.toFixed(0);
  const running = inside.reduce((sum, one) => sum + one.running, 0) / inside.length;
  const processes = a.processes.map(
    (p, i) =>
      `${names[i]} run ${ms(b.processes[i].run - p.run)} wait ${ms(b.processes[i].wait - p.wait)} helpers ${ms(b.processes[i].helpers - p.helpers)}`,
  );
  const generator = `generator run ${ms(b.generator.run - a.generator.run)} wait ${ms(b.generator.wait - a.generator.wait)}`;
  return `runnable tasks ${running.toFixed(1)}; ${processes.join('; ')}; ${generator} (ms)`;
}

const target = await startExampleServer('bench/lib/vacation-bare-server.ts', ROOT, MEASURED);
const served = values.bare ? [target] : [await startProxy(values.cli, target.base), target];
const names = values.bare ? ['bare server'] : ['proxy', 'target'];
const front = served[0];
try {
  const created = await fetch(`${front.base}/employees`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada', email: 'ada@example.com', balance: 20 }),
  });
  const id = (await created.json()).id;
  const body = JSON.stringify({ name: 'Grace', email: 'grace@example.com', balance: 12 });
  const requests = [
    { method: 'POST', path: '/employees', headers: { 'content-type': 'application/json' }, body },
    { method: 'GET', path: `/employees/${id}` },
  ];
  const load = { rate, connections: 20, requests };
  await pacedLoad(front.base, { ...load, duration: Number(values.warmup) });
  for (const child of served) await liveReport(child, values.collect);
  await new Promise((resolve) => setTimeout(resolve, Number(values.idle)));

  const pids = served.map((child) => child.pid);
  const samples = [sample(pids)];
  const timer = setInterval(() => samples.push(sample(pids)), 2);
  const starts = [];
  const latencies = [];
  const cpuBefore = pids.map(cpuMs);
  const result = await pacedLoad(front.base, {
    ...load,
    duration: Number(values.duration),
    onAnswer: (from, ms) => (starts.push(from), latencies.push(ms)),
  });
  clearInterval(timer);
  samples.push(sample(pids));
  const cpu = pids.map((pid, i) => (((cpuMs(pid) - cpuBefore[i]) * 1000) / result.sent).toFixed(0));
  const reports = [];
  for (const child of served) reports.push(await liveReport(child, false));

  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => sorted[Math.floor(q * (sorted.length - 1))];
  const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  console.log(
    `${result.sent} requests, ${result.errors} errors; p50 ${at(0.5).toFixed(2)} p90 ${at(0.9).toFixed(2)} p99 ${at(0.99).toFixed(2)} p99.9 ${at(0.999).toFixed(2)} max ${sorted.at(-1).toFixed(1)} ms; CPU per request ${names.map((name, i) => `${name} ${cpu[i]} µs`).join(', ')}; sends late p99 ${(result.lateness.percentile(99) / 1000).toFixed(2)} ms; load ${load1}`,
  );
  const threshold = at(0.99);
  const slow = [];
  for (let i = 0; i < starts.length; i++)
    if (latencies[i] >= threshold) slow.push([starts[i], starts[i] + latencies[i]]);
  slow.sort((a, b) => a[0] - b[0]);
  const episodes = [];
  for (const [from, to] of slow) {
    const last = episodes.at(-1);
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.count++;
    } else episodes.push({ from, to, count: 1 });
  }
  const pausedWithin = (report, from, to) =>
    report.pauses
      .map(([start, ms]) => [start - performance.timeOrigin, ms])
      .filter(([start, ms]) => start + ms >= from && start <= to)
      .reduce((sum, [, ms]) => sum + ms, 0);
  console.log(
    `${slow.length} requests at or above the p99 (${threshold.toFixed(1)} ms), in ${episodes.length} episodes:`,
  );
  for (const { from, to, count } of episodes.slice(0, 20)) {
    const gc = reports.map(
      (report, i) => `${names[i]} ${pausedWithin(report, from, to).toFixed(1)}`,
    );
    console.log(
      `  at ${((from - starts[0]) / 1000).toFixed(2)} s, ${(to - from).toFixed(0)} ms, ${count} requests; ${between(samples, from, to)}; GC pauses ${gc.join(', ')} ms`,
    );
  }
} finally {
  for (const child of served) child.stop();
}
