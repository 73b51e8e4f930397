#!/usr/bin/env node
// Benchmark of the contract at run time on the Vacation example: the bare node:http server,
// the same server with the @specl/runtime middleware, and the bare server behind `specl proxy`,
// each loaded by autocannon at a fixed rate (default 2,000 requests/s; a mix of POST
// /employees, which checks a request body, a response body and an ensures, and GET
// /employees/{id}). Reports requests per second, p50/p99 latency and the latency the
// middleware and the proxy add to the bare server's, and the resident memory of the server
// (middleware) and of the proxy sampled every second (flat is the aim). Writes bench/RESULTS.md
// under `## contract at run time`.
//
//   node bench/proxy.mjs [--duration 60] [--rate 2000] [--connections 20] [--no-write]
//
// The aims: under 1 ms p99 added by the middleware and under 2 ms by the proxy at 2,000
// requests/s, memory flat over a 60 s run. autocannon's latencies have a resolution of 1 ms
// (whole milliseconds), so a difference under 1 ms shows as 0 or 1.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startExampleServer } from '../scripts/example-server.mjs';
import { CLI, RESULTS, ROOT } from './lib/compile-tools.mjs';
import { describeMachine, revision } from './lib/machine.mjs';
import { fmtInt, markdownTable, writeSection } from './lib/results.mjs';

const HEADING = '## contract at run time';

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '60' },
      rate: { type: 'string', default: '2000' },
      connections: { type: 'string', default: '20' },
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
  };
}

/** The resident memory of a process, in MiB (Linux). */
function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
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
  await autocannon({ url: base, connections, overallRate: rate, duration: 3, requests });
  const before = server && (await liveHeap(server));
  const memory = [];
  const timer = pid ? setInterval(() => memory.push(rssMiB(pid)), 1000) : undefined;
  const result = await autocannon({
    url: base,
    connections,
    overallRate: rate,
    duration,
    requests,
  });
  clearInterval(timer);
  const after = server && (await liveHeap(server));
  return {
    liveHeap: server ? [before.heap, after.heap] : [],
    loopP99: server ? after.loopP99 : undefined,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    memory,
  };
}

const memoryText = (samples) =>
  samples.length < 2
    ? 'n/a'
    : `${Math.round(samples[0])} → ${Math.round(samples.at(-1))} MB (max ${Math.round(Math.max(...samples))})`;

const opts = options();
const rows = [];
const bare = await startExampleServer('bench/lib/vacation-bare-server.ts', ROOT, ['--expose-gc']);
try {
  // The bare server's memory too: it keeps every employee it creates, as the middleware's
  // server does, so the middleware's own share is the difference of the two.
  const measured = await load(bare.base, bare.pid, opts, bare);
  rows.push({ name: 'bare server', ...measured });
  const proxy = await startProxy(bare.base);
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
try {
  rows.push({
    name: 'middleware',
    ...(await load(withMiddleware.base, withMiddleware.pid, opts, withMiddleware)),
  });
} finally {
  await withMiddleware.stop();
}

const base = rows[0];
const table = markdownTable([
  [
    'setup',
    'requests/s',
    'p50',
    'p99',
    'p99 added',
    'errors',
    'event loop delay p99',
    'resident memory over the run',
    'live heap after GC',
  ],
  ...rows.map((row) => [
    row.name,
    fmtInt(Math.round(row.rps)),
    `${row.p50} ms`,
    `${row.p99} ms`,
    row === base ? '—' : `${row.p99 - base.p99} ms`,
    fmtInt(row.errors),
    row.loopP99 === undefined ? 'n/a' : `${row.loopP99.toFixed(2)} ms`,
    memoryText(row.memory),
    row.liveHeap.length === 2
      ? `${Math.round(row.liveHeap[0])} → ${Math.round(row.liveHeap[1])} MB`
      : 'n/a (the bare server behind it grows as above)',
  ]),
]);
const machine = describeMachine();
const body = [
  `Vacation example, ${opts.rate} requests/s offered for ${opts.duration} s over ${opts.connections} connections (autocannon), POST /employees and GET /employees/{id} alternating; ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average at the end ${loadavg()[0].toFixed(1)} (the machine is shared: numbers are noisy); ${revision(ROOT)}.`,
  '',
  table,
  '',
  "Aims: p99 added under 1 ms (middleware) and under 2 ms (proxy), memory flat. autocannon reports whole milliseconds. The example server keeps every employee created (half the requests), in the bare run as with the middleware: compare the growth of the two rows; the proxy keeps nothing per request. The live heap is what the server holds after two full collections (SIGUSR2 to the bench server, node --expose-gc): resident memory also counts the space V8 keeps after collecting, so it can grow while nothing more is held. The event loop delay (perf_hooks, 1 ms resolution) is measured inside the server over the run: what a request arriving at a random moment waits before the server reads it, so the middleware's share is the difference of its row and the bare row, free of the load generator's noise.",
].join('\n');
console.log(body);
if (opts.write) writeSection(RESULTS, HEADING, body);
