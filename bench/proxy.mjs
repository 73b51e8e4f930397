#!/usr/bin/env node
// Benchmark of the contract at run time on the Vacation example: the bare node:http server,
// the same server with the @specl/runtime middleware, and the bare server behind `specl proxy`,
// each loaded at a steady rate (default 2,000 requests/s; a mix of POST /employees, which
// checks a request body, a response body and an ensures, and GET /employees/{id}) by an
// open-loop generator timed to the microsecond (bench/lib/paced-load.mjs: undici's pool, sends
// on a schedule). Reports requests per second, p50/p99/p99.9 latency and the latency the
// middleware and the proxy add to the bare server's, and the resident memory of the server
// (middleware) and of the proxy sampled every second (flat is the aim). Writes bench/RESULTS.md
// under `## contract at run time`.
//
//   node bench/proxy.mjs [--duration 60] [--rate 2000] [--connections 20] [--no-pin] [--no-write]
//
// The aims: under 1 ms p99 added by the middleware and under 2 ms by the proxy at 2,000
// requests/s, memory flat over a 60 s run. On a machine of two cores or more the generator
// runs on CPU 0 and the servers (the bare one, the proxy, the middleware's) on CPU 1 (taskset),
// so that the generator does not take the servers' core from them; `--no-pin` leaves the
// scheduler free.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startExampleServer } from '../scripts/example-server.mjs';
import { CLI, RESULTS, ROOT } from './lib/compile-tools.mjs';
import { describeMachine, revision } from './lib/machine.mjs';
import { pacedLoad } from './lib/paced-load.mjs';
import { fmtInt, markdownTable, writeSection } from './lib/results.mjs';

const HEADING = '## contract at run time';

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '60' },
      rate: { type: 'string', default: '2000' },
      connections: { type: 'string', default: '20' },
      'no-pin': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const number = (name) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be >= 1`);
    return value;
  };
  return {
    duration: number('duration'),
    rate: number('rate'),
    connections: number('connections'),
    write: !values['no-write'],
    pin: !values['no-pin'] && availableParallelism() >= 2,
  };
}

/** The resident memory of a process, in MiB (Linux). */
function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The CPU time a process has used (user and system), in ms (Linux, 100 ticks a second). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Binds a process and all its threads to the CPUs `cpus` ("1", "0-1"), when pinning. */
function pin(pid, cpus) {
  if (opts.pin) execFileSync('taskset', ['-a', '-cp', cpus, String(pid)], { stdio: 'ignore' });
}

/** Starts `specl proxy` in front of `target` on a free port and waits until it listens. */
function startProxy(target) {
  const spec = join(ROOT, 'examples/vacation/vacation.specl');
  const child = spawn(
    process.execPath,
    [CLI, 'proxy', spec, '--target', target, '--listen', '127.0.0.1:0'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+?),/.exec(output);
      if (match)
        resolve({ base: match[1], pid: child.pid, output: () => output, stop: () => stop(child) });
    });
    child.once('exit', (code) => reject(new Error(`specl proxy exited (${code}):\n${output}`)));
  });
}

function stop(child) {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** One employee to read, created through `base`. */
async function seed(base) {
  const response = await fetch(`${base}/employees`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada', email: 'ada@example.com', balance: 20 }),
  });
  return (await response.json()).id;
}

/**
 * The heap a bench server (bench/lib/live-heap.ts) holds after a full collection, in MiB, and
 * the 99th percentile of its event loop's delay since the last report, in ms.
 */
function liveHeap(server) {
  return new Promise((resolve) => {
    let output = '';
    const listen = (chunk) => {
      output += chunk;
      const match = /live heap: (\d+).* loop p99: ([\d.]+)/.exec(output);
      if (!match) return;
      server.stdout.off('data', listen);
      resolve({ heap: Number(match[1]) / 1048576, loopP99: Number(match[2]) });
    };
    server.stdout.on('data', listen);
    process.kill(server.pid, 'SIGUSR2');
  });
}

/**
 * Loads `base` at `rate` for `duration` seconds, sampling the resident memory of `pid` every
 * second and, when `server` is a bench server, its live heap before and after.
 */
async function load(base, pid, { duration, rate, connections }, server) {
  const id = await seed(base);
  const body = JSON.stringify({ name: 'Grace', email: 'grace@example.com', balance: 12 });
  const requests = [
    { method: 'POST', path: '/employees', headers: { 'content-type': 'application/json' }, body },
    { method: 'GET', path: `/employees/${id}` },
  ];
  // A short warm-up, not measured: the JIT, the connections.
  await pacedLoad(base, { connections, rate, duration: 3, requests });
  const before = server && (await liveHeap(server));
  const memory = [];
  const timer = setInterval(() => memory.push(rssMiB(pid)), 1000);
  const cpuBefore = cpuMs(pid);
  const result = await pacedLoad(base, { connections, rate, duration, requests });
  const cpu = cpuMs(pid) - cpuBefore;
  clearInterval(timer);
  const after = server && (await liveHeap(server));
  return {
    ...result,
    liveHeap: server ? [before.heap, after.heap] : [],
    loopP99: server ? after.loopP99 : undefined,
    memory,
    cpuPerRequest: (cpu * 1000) / result.sent,
    load: loadavg()[0],
  };
}

const memoryText = (samples) =>
  samples.length < 2
    ? 'n/a'
    : `${Math.round(samples[0])} → ${Math.round(samples.at(-1))} MB (max ${Math.round(Math.max(...samples))})`;

const opts = options();
const machine = describeMachine();
pin(process.pid, '0');
const rows = [];
const bare = await startExampleServer('bench/lib/vacation-bare-server.ts', ROOT, ['--expose-gc']);
pin(bare.pid, '1');
try {
  // The bare server's memory too: it keeps every employee it creates, as the middleware's
  // server does, so the middleware's own share is the difference of the two.
  const measured = await load(bare.base, bare.pid, opts, bare);
  rows.push({ name: 'bare server', ...measured });
  const proxy = await startProxy(bare.base);
  pin(proxy.pid, '1');
  try {
    rows.push({ name: 'specl proxy', ...(await load(proxy.base, proxy.pid, opts)) });
  } finally {
    await proxy.stop();
  }
} finally {
  await bare.stop();
}
const withMiddleware = await startExampleServer('bench/lib/vacation-middleware-server.ts', ROOT, [
  '--expose-gc',
]);
pin(withMiddleware.pid, '1');
try {
  rows.push({
    name: 'middleware',
    ...(await load(withMiddleware.base, withMiddleware.pid, opts, withMiddleware)),
  });
} finally {
  await withMiddleware.stop();
}

const base = rows[0];
const ms = (value) => `${value.toFixed(2)} ms`;
const table = markdownTable([
  [
    'setup',
    'requests/s',
    'p50',
    'p99',
    'p99.9',
    'p99 added',
    'errors',
    'sends late p99',
    'CPU per request',
    'load',
    'event loop delay p99',
    'resident memory over the run',
    'live heap after GC',
  ],
  ...rows.map((row) => [
    row.name,
    fmtInt(Math.round(row.rps)),
    ms(row.p50),
    ms(row.p99),
    ms(row.p999),
    row === base ? '—' : ms(row.p99 - base.p99),
    fmtInt(row.errors),
    ms(row.lateP99),
    `${Math.round(row.cpuPerRequest)} µs`,
    row.load.toFixed(1),
    row.loopP99 === undefined ? 'n/a' : ms(row.loopP99),
    memoryText(row.memory),
    row.liveHeap.length === 2
      ? `${Math.round(row.liveHeap[0])} → ${Math.round(row.liveHeap[1])} MB`
      : 'n/a (the bare server behind it grows as above)',
  ]),
]);
const pinning = opts.pin
  ? 'the load generator pinned to CPU 0 and the servers (bare, proxy, middleware) to CPU 1 (taskset)'
  : 'no pinning (the generator and the servers share the cores)';
const body = [
  `Vacation example, ${opts.rate} requests/s offered for ${opts.duration} s over at most ${opts.connections} keep-alive connections (bench/lib/paced-load.mjs: undici's pool, requests sent on a steady schedule, latency timed in microseconds), POST /employees and GET /employees/{id} alternating; ${pinning}; ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average (1 min) at the end of each run in the table (the machine is shared: numbers are noisy); ${revision(ROOT)}.`,
  '',
  table,
  '',
  "Aims: p99 added under 1 ms (middleware) and under 2 ms (proxy), memory flat. The latency of a request runs from the moment it is handed to the client until its whole answer is read; sends are paced (a 1 ms timer: about two requests a tick at 2,000/s), open loop, so a slow answer does not slow the offered rate; 'sends late p99' says how far the generator itself fell behind its schedule. CPU per request is the user and system time of the measured process over the run (for the proxy, the proxy's alone) divided by the requests sent: the cost the load's noise does not change much. With the generator and the servers on cores of their own, the proxy's row has the proxy and the bare server on one core: the proxy's added latency includes taking CPU from the server behind it, as a sidecar on the same host would. The example server keeps every employee created (half the requests), in the bare run as with the middleware: compare the growth of the two rows; the proxy keeps nothing per request. The live heap is what the server holds after two full collections (SIGUSR2 to the bench server, node --expose-gc): resident memory also counts the space V8 keeps after collecting, so it can grow while nothing more is held. The event loop delay (perf_hooks, 1 ms resolution) is measured inside the server over the run: what a request arriving at a random moment waits before the server reads it.",
].join('\n');
console.log(body);
if (opts.write) writeSection(RESULTS, HEADING, body);
