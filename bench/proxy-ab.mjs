#!/usr/bin/env node
// An A/B of two builds of `specl proxy`, for a change's commit message: each build in front of
// a bare Vacation server of its own, both loaded at the same time (bench/lib/paced-load.mjs,
// `--rate` requests/s each), round after round, so that both see the same minutes of a shared
// machine and neither sits idle between its rounds (an idle V8 shrinks its young generation,
// which then takes seconds of load to grow back). Per round, for each build: the proxy's CPU
// per request (user and system, /proc), its target's, the latency p50 and p99, and its
// scavenges (node --trace-gc: how many, their pauses in all and the longest, and the MB each
// freed, which is the young generation's size). Prints the medians over the rounds and the
// median of the per-round ratios B/A, which the machine's load moves far less than either.
//
//   node bench/proxy-ab.mjs --a bench/.work/old/cli/bin/specl.js [--b cli/bin/specl.js]
//                           [--rounds 10] [--seconds 5] [--rate 1000] [--warmup 8]
//
// Keep the old build inside the repository, whose node_modules its bundle resolves
// @specl/runtime from, in bench/.work, which git ignores:
// `mkdir -p bench/.work/old/cli/dist && cp -r cli/dist/bundle bench/.work/old/cli/dist/ &&
// cp -r cli/bin cli/package.json bench/.work/old/cli/`. The side a build is on
// moves its figures by a few percent (seen: the target of B 5-13% cheaper with the same build on
// both sides): run it a second time with --a and --b swapped and give both.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startExampleServer } from '../scripts/example-server.mjs';
import { ROOT } from './lib/compile-tools.mjs';
import { pacedLoad } from './lib/paced-load.mjs';
import { median } from './lib/results.mjs';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: 'cli/bin/specl.js' },
    rounds: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '5' },
    rate: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '8' },
  },
});
if (values.a === undefined) throw new Error('--a <path of the old build>/cli/bin/specl.js');
const [rounds, seconds, rate, warmup] = ['rounds', 'seconds', 'rate', 'warmup'].map((name) => {
  const value = Number(values[name]);
  if (!(value > 0)) throw new Error(`--${name} must be a positive number`);
  return value;
});

/** A process's user and system CPU so far, in ms (100 ticks a second). */
function cpu(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

const SCAVENGE = /Scavenge ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, ([\d.]+)/g;
const started = [];
process.once('exit', () => started.forEach((child) => child.kill()));

/** Starts a bare target and the build `cli` in front of it; the requests of the load. */
async function startSide(name, cli) {
  const target = await startExampleServer('bench/lib/vacation-bare-server.ts', ROOT);
  started.push({ kill: () => target.stop() });
  const spec = 'examples/vacation/vacation.specl';
  const args = [
    '--trace-gc',
    cli,
    'proxy',
    spec,
    '--target',
    target.base,
    '--listen',
    '127.0.0.1:0',
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(child);
  const scavenges = [];
  let output = '';
  const base = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${cli} proxy exited (${code})`)));
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      for (const [, before, after, ms] of chunk.matchAll(SCAVENGE))
        scavenges.push({ freed: before - after, ms: Number(ms) });
      output += chunk;
      const match = /listening on (http:\/\/\S+?),/.exec(output);
      if (match) resolve(match[1]);
    });
  });
  const created = await fetch(`${base}/employees`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada', email: 'ada@example.com', balance: 20 }),
  });
  const { id } = await created.json();
  const body = JSON.stringify({ name: 'Grace', email: 'grace@example.com', balance: 12 });
  const requests = [
    { method: 'POST', path: '/employees', headers: { 'content-type': 'application/json' }, body },
    { method: 'GET', path: `/employees/${id}` },
  ];
  return { name, cli, base, requests, pid: child.pid, target, scavenges, rounds: [] };
}

/** One round of load on a side: its figures, per request and per round. */
async function round(side) {
  const [proxyBefore, targetBefore] = [cpu(side.pid), cpu(side.target.pid)];
  side.scavenges.length = 0;
  const load = { rate, connections: 20, duration: seconds, requests: side.requests };
  const result = await pacedLoad(side.base, load);
  const [proxyAfter, targetAfter] = [cpu(side.pid), cpu(side.target.pid)];
  const per = (ms) => (ms * 1000) / result.sent;
  const scavenges = side.scavenges.splice(0);
  side.rounds.push({
    user: per(proxyAfter.user - proxyBefore.user),
    system: per(proxyAfter.system - proxyBefore.system),
    target: per(targetAfter.user + targetAfter.system - targetBefore.user - targetBefore.system),
    p50: result.latency.percentile(50) / 1000,
    p99: result.latency.percentile(99) / 1000,
    scavenges: scavenges.length,
    scavengeMs: scavenges.reduce((sum, one) => sum + one.ms, 0),
    longestMs: Math.max(0, ...scavenges.map((one) => one.ms)),
    freedMB: median(scavenges.map((one) => one.freed)) || 0,
    errors: result.errors,
  });
}

const sides = [await startSide('A', values.a), await startSide('B', values.b)];
const warm = (side) =>
  pacedLoad(side.base, { rate, connections: 20, duration: warmup, requests: side.requests });
await Promise.all(sides.map(warm));
for (let i = 0; i < rounds; i++) await Promise.all(sides.map(round));

const FIGURES = {
  user: 'µs user',
  system: 'µs system',
  target: 'µs target',
  p50: 'ms p50',
  p99: 'ms p99',
  scavenges: 'scavenges',
  scavengeMs: 'ms in scavenges',
  longestMs: 'ms longest',
  freedMB: 'MB freed each',
  errors: 'errors',
};
const line = (figure) =>
  Object.entries(FIGURES)
    .map(([key, unit]) => `${figure(key).toFixed(2)} ${unit}`)
    .join(', ');
for (const side of sides)
  console.log(`${side.name} ${side.cli}: ${line((key) => median(side.rounds.map((r) => r[key])))}`);
const [a, b] = sides;
const ratios = Object.keys(FIGURES)
  .filter((key) => key !== 'errors')
  .map((key) => `${key} ${median(b.rounds.map((r, i) => r[key] / a.rounds[i][key])).toFixed(3)}`);
console.log(`B/A, median of the rounds' ratios: ${ratios.join(', ')}`);
console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
process.exit(0);
