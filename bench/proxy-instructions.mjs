#!/usr/bin/env node
// The user-space instructions `specl proxy` spends per request, counted by callgrind: a figure
// for a change's commit message that the machine's load does not move (bench/proxy-ab.mjs's CPU
// per request moves by 5-10% between two runs of one build on a shared machine). Starts the
// bench's bare Vacation server, and the build `--cli` in front of it under valgrind (node
// --predictable: V8's compiler and collector on the main thread), sends `--warmup` requests
// uncounted, then `--requests` more one at a time (POST /employees and GET /employees/{id}
// alternating, as bench/proxy.mjs does) with callgrind's instrumentation on, and prints the
// instructions per request, in all and without TurboFan's compiling (which, under valgrind,
// goes on until about 9,000 requests: fewer to warm up with leave it in the count).
//
//   node bench/proxy-instructions.mjs [--cli cli/bin/specl.js] [--warmup 9000] [--requests 4000]
//
// `--cli bench/lib/bare-forwarder.mjs` counts the floor: the same node:http server and undici
// pool forwarding without Specl's code, so that the gap is what Specl's own work costs.
//
// Several minutes a run (two builds may run side by side). Two runs of one build differ by up
// to 4%, mostly in what time-driven work (timers, the Date header) falls in the counted part:
// under valgrind a request takes as long as the machine lets it. What it cannot see: the
// kernel's work (the system time of proxy-ab.mjs) and time spent waiting for a CPU.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { startExampleServer } from '../scripts/example-server.mjs';
import { ROOT } from './lib/compile-tools.mjs';

const { values } = parseArgs({
  options: {
    cli: { type: 'string', default: 'cli/bin/specl.js' },
    warmup: { type: 'string', default: '9000' },
    requests: { type: 'string', default: '4000' },
  },
});
const [warmup, requests] = [Number(values.warmup), Number(values.requests)];
if (!(warmup >= 0 && requests > 0)) throw new Error('--warmup and --requests are counts');

const target = await startExampleServer('bench/lib/vacation-bare-server.ts', ROOT);
const out = `/tmp/specl-proxy-instructions.${process.pid}`;
// NODE_EXTRA_CA_CERTS, when set, makes every Node process read certificates at start.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
const args = [
  '--tool=callgrind',
  `--callgrind-out-file=${out}`,
  '--smc-check=all-non-file',
  '--instr-atstart=no',
  process.execPath,
  '--predictable',
  values.cli,
  'proxy',
  'examples/vacation/vacation.specl',
  '--target',
  target.base,
  '--listen',
  '127.0.0.1:0',
];
const proxy = spawn('valgrind', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
process.once('exit', () => {
  proxy.kill();
  void target.stop();
});
let output = '';
proxy.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
const base = await new Promise((resolve, reject) => {
  proxy.once('exit', (code) => reject(new Error(`the proxy exited (${code}):\n${output}`)));
  proxy.stdout.setEncoding('utf8').on('data', (chunk) => {
    output += chunk;
    const match = /listening on (http:\/\/\S+?),/.exec(output);
    if (match) resolve(match[1]);
  });
});

const pool = new Pool(base, { connections: 1 });
const json = { 'content-type': 'application/json' };
const first = { name: 'Ada', email: 'ada@example.com', balance: 20 };
const created = await pool.request({
  method: 'POST',
  path: '/employees',
  headers: json,
  body: JSON.stringify(first),
});
const { id } = await created.body.json();
const body = JSON.stringify({ name: 'Grace', email: 'grace@example.com', balance: 12 });
const pair = [
  { method: 'POST', path: '/employees', headers: json, body },
  { method: 'GET', path: `/employees/${id}` },
];

/** Sends `count` requests one after the other; throws on an answer that is not 2xx. */
async function send(count) {
  for (let i = 0; i < count; i++) {
    const answer = await pool.request(pair[i % 2]);
    await answer.body.dump();
    if (answer.statusCode >= 300) throw new Error(`${pair[i % 2].method}: ${answer.statusCode}`);
  }
}

const instrument = (state) =>
  execFileSync('callgrind_control', ['-i', state, String(proxy.pid)], { stdio: 'ignore' });
await send(warmup);
instrument('on');
await send(requests);
instrument('off');
await pool.close();
proxy.removeAllListeners('exit');
const exited = new Promise((resolve) => proxy.once('exit', resolve));
proxy.kill('SIGINT');
await exited;
await target.stop();

const annotated = execFileSync('callgrind_annotate', ['--inclusive=yes', out], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
rmSync(out, { force: true });
/** The instructions of the line of `callgrind_annotate` that matches `pattern`; fails if none. */
const count = (pattern) => {
  const line = pattern.exec(annotated);
  if (line === null) {
    console.error(`bench/proxy-instructions.mjs: callgrind_annotate has no line ${pattern}`);
    process.exit(1);
  }
  return Number(line[1].replaceAll(',', ''));
};
const total = count(/^\s*([\d,]+) .*PROGRAM TOTALS/m);
// No line when TurboFan compiled nothing (or too little to be listed) while counting.
const compiling = /Runtime_CompileOptimized\(/.test(annotated)
  ? count(/^\s*([\d,]+) .*Runtime_CompileOptimized\(/m)
  : 0;
const per = (instructions) => `${(instructions / requests / 1000).toFixed(1)} k`;
console.log(
  `${values.cli}: ${per(total)} instructions a request, ${per(total - compiling)} without TurboFan's compiling (${requests} requests after ${warmup})`,
);
