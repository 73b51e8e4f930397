#!/usr/bin/env node
// Benchmark of the language server (`specl-language-server --stdio`), driven over stdio as an
// editor drives it, on the specs of bench/check.mjs (N types and N endpoints in one file):
//
// - edit to diagnostics: an edit in the middle of the file (a type name made unknown, then
//   fixed, alternately), timed from sending `didChange` to receiving the diagnostics that
//   reflect it; median and p95 over E edits after a few untimed ones;
// - completion (the fields after `response.`) and hover (a type name): median and p95;
// - the server's memory (resident and peak) once the file is open and after the edits;
// - start-up: from `initialized` to the first diagnostics of the file.
//
// - edit to full check: the same edit, timed to the diagnostics of the full check of the file
//   that follows the quick check of the edited declaration once the typing pauses;
//
//   node bench/lsp.mjs [--sizes 100,1000,5000] [--edits 50] [--full 10] [--requests 30] [--no-write]
//
// Writes the figures into bench/RESULTS.md under `## specl lsp`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSpec } from './lib/gen-spec.mjs';
import { LspClient } from './lib/lsp-client.mjs';
import { describeMachine, revision } from './lib/machine.mjs';
import { fmtInt, fmtMB, fmtMs, markdownTable, median, writeSection } from './lib/results.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const SERVER = join(ROOT, 'cli', 'bin', 'specl-language-server.js');
const RESULTS = join(BENCH, 'RESULTS.md');
const AIMS = { edit: { 1000: 100, 5000: 400 }, full: { 5000: 1000 }, completion: 30 };

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,5000' },
      edits: { type: 'string', default: '50' },
      full: { type: 'string', default: '10' },
      requests: { type: 'string', default: '30' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 2 || n % 2)) {
    console.error(`bench/lsp.mjs: --sizes must be even integers >= 2, not ${values.sizes}`);
    process.exit(1);
  }
  return {
    sizes,
    edits: Number(values.edits),
    full: Number(values.full),
    requests: Number(values.requests),
    write: !values['no-write'],
  };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** The 0-based line and column of the first occurrence of `needle` after line `from`. */
function find(lines, needle, from = 0) {
  for (let line = from; line < lines.length; line++) {
    const character = lines[line].indexOf(needle);
    if (character >= 0) return { line, character };
  }
  throw new Error(`no ${needle} in the spec`);
}

async function timed(action) {
  const start = process.hrtime.bigint();
  const result = await action();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

async function measure(n, { edits, full, requests }) {
  const folder = join(BENCH, '.work', `lsp-${n}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const text = generateSpec(n);
  const file = join(folder, `bench${n}.specl`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const lines = text.split('\n');

  const client = await LspClient.start(SERVER, folder, { liveHeap: true });
  try {
    const startup = await timed(async () => {
      await client.open(uri, text);
      return client.diagnostics(uri, () => true);
    });
    if (startup.result.length > 0)
      throw new Error(`the N = ${n} spec has diagnostics: ${JSON.stringify(startup.result[0])}`);
    const opened = client.memory();
    const liveOpened = await client.liveNodes();

    // The edit: `count: Int` of the type in the middle of the file, to `Intx` and back.
    const middle = find(lines, `type Thing${n / 2} {`);
    const count = find(lines, 'count: Int', middle.line);
    const at = { line: count.line, character: count.character + 'count: Int'.length };
    const editAndWait = async (i) => {
      const breaking = i % 2 === 0;
      if (breaking) await client.edit(uri, { start: at, end: at }, 'x');
      else
        await client.edit(
          uri,
          { start: at, end: { line: at.line, character: at.character + 1 } },
          '',
        );
      return client.diagnostics(uri, (d) =>
        breaking ? d.some((x) => x.message.includes('Intx')) : d.length === 0,
      );
    };
    // Edits one after the other, each as soon as the diagnostics of the one before arrived.
    const editTimes = [];
    const warmUp = 4;
    for (let i = 0; i < edits + warmUp; i++) {
      const { ms } = await timed(() => editAndWait(i));
      if (i >= warmUp) editTimes.push(ms);
    }
    // Edits that wait for the full check: the publication after the quick one.
    const fullTimes = [];
    const fullCpu = [];
    for (let i = 0; i < full; i++) {
      const cpuBefore = client.cpuMs();
      const { ms } = await timed(async () => {
        const before = client.publishCount(uri);
        await editAndWait(i);
        await client.publishedMoreThan(uri, before + 1);
      });
      fullTimes.push(ms);
      const cpuAfter = client.cpuMs();
      if (cpuBefore !== null && cpuAfter !== null) fullCpu.push(cpuAfter - cpuBefore);
    }

    // Completion after `response.` in an ensures clause, and hover over a type name.
    const ensures = find(lines, 'ensures response.id == id', middle.line);
    const dot = { line: ensures.line, character: ensures.character + 'ensures response.'.length };
    const typeRef = find(lines, `response 200 Thing`, middle.line);
    const hoverAt = { line: typeRef.line, character: typeRef.character + 'response 200 Th'.length };
    const completionTimes = [];
    const hoverTimes = [];
    for (let i = 0; i < requests + 3; i++) {
      const completion = await timed(() =>
        client.request('textDocument/completion', { textDocument: { uri }, position: dot }),
      );
      const items = completion.result?.items ?? completion.result ?? [];
      if (!items.some((item) => item.label === 'count'))
        throw new Error('completion did not offer `count`');
      const hover = await timed(() =>
        client.request('textDocument/hover', { textDocument: { uri }, position: hoverAt }),
      );
      if (!hover.result) throw new Error('hover gave nothing');
      if (i >= 3) {
        completionTimes.push(completion.ms);
        hoverTimes.push(hover.ms);
      }
    }
    const after = client.memory();
    const liveAfter = await client.liveNodes();
    if (liveAfter.alive !== liveAfter.current)
      throw new Error(
        `the server keeps ${liveAfter.alive - liveAfter.current} replaced roots or declarations`,
      );
    return {
      n,
      lines: lines.length,
      bytes: Buffer.byteLength(text),
      startupMs: startup.ms,
      edit: {
        median: median(editTimes),
        p95: percentile(editTimes, 95),
        max: Math.max(...editTimes),
      },
      full: {
        median: median(fullTimes),
        p95: percentile(fullTimes, 95),
        cpu: fullCpu.length > 0 ? median(fullCpu) : null,
      },
      completion: { median: median(completionTimes), p95: percentile(completionTimes, 95) },
      hover: { median: median(hoverTimes), p95: percentile(hoverTimes, 95) },
      memory: {
        opened: opened.rssKiB,
        after: after.rssKiB,
        peak: after.peakKiB,
        liveOpened: liveOpened.heapUsed / 1024,
        liveAfter: liveAfter.heapUsed / 1024,
        replaced: liveAfter.tracked - liveAfter.current,
      },
    };
  } finally {
    await client.stop();
  }
}

function report(rows, settings, machine, load) {
  const table = markdownTable([
    [
      'N',
      'spec lines',
      'open to diagnostics',
      'edit to diagnostics: median',
      'p95',
      'edit to full check: median',
      'p95',
      "server's CPU for it: median",
      'completion: median',
      'p95',
      'hover: median',
      'p95',
      'RSS open',
      'RSS after',
      'peak RSS',
      'live heap open',
      'live heap after',
    ],
    ...rows.map((r) => [
      fmtInt(r.n),
      fmtInt(r.lines),
      fmtMs(r.startupMs),
      fmtMs(r.edit.median),
      fmtMs(r.edit.p95),
      fmtMs(r.full.median),
      fmtMs(r.full.p95),
      r.full.cpu === null ? 'n/a' : fmtMs(r.full.cpu),
      fmtMs(r.completion.median),
      fmtMs(r.completion.p95),
      fmtMs(r.hover.median),
      fmtMs(r.hover.p95),
      fmtMB(r.memory.opened),
      fmtMB(r.memory.after),
      fmtMB(r.memory.peak),
      fmtMB(r.memory.liveOpened),
      fmtMB(r.memory.liveAfter),
    ]),
  ]);
  const verdict = (ok) => (ok ? 'MET' : 'MISSED');
  const aims = [];
  for (const [n, aim] of Object.entries(AIMS.edit)) {
    const row = rows.find((r) => r.n === Number(n));
    if (row)
      aims.push(
        `- Median edit to diagnostics under ${aim} ms at N = ${fmtInt(Number(n))}: ${verdict(row.edit.median < aim)} (${fmtMs(row.edit.median)}).`,
      );
  }
  for (const [n, aim] of Object.entries(AIMS.full)) {
    const row = rows.find((r) => r.n === Number(n));
    if (row)
      aims.push(
        `- Median edit to full check under ${fmtMs(aim)} at N = ${fmtInt(Number(n))} (issue 17): ${verdict(row.full.median < aim)} (${fmtMs(row.full.median)}; server CPU ${row.full.cpu === null ? 'n/a' : fmtMs(row.full.cpu)}).`,
      );
  }
  for (const row of rows) {
    aims.push(
      `- Completion under ${AIMS.completion} ms at N = ${fmtInt(row.n)}: ${verdict(row.completion.median < AIMS.completion)} (median ${fmtMs(row.completion.median)}, p95 ${fmtMs(row.completion.p95)}).`,
    );
  }
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on the build of ${revision(ROOT)} with \`node bench/lsp.mjs --sizes ${settings.sizes.join(',')} --edits ${settings.edits} --full ${settings.full} --requests ${settings.requests}\`: one server process per size, driven over stdio; times are from sending the request or change to receiving the answer or the diagnostics that reflect it (median and 95th percentile over ${settings.edits} edits after 4 untimed ones, ${settings.full} edits waiting for the full check, and ${settings.requests} completion and hover requests after 3 untimed ones).`,
    '',
    'How the server answers an edit: the declarations the edit touched are parsed, linked and checked alone (against the rest of the workspace as last checked) and their diagnostics published at once, with those of the rest of the file kept and moved; the full check of the file (which can find what the edit broke elsewhere) runs once the typing pauses for 150 ms, or at once when a request needs it. *Edit to diagnostics* is the first: edits sent back to back, each as soon as the diagnostics of the one before arrived (faster than anyone types, so the full check never starts between them). *Edit to full check* is the second: each edit waits for the full check, pause included; the server’s CPU time (user and system, from /proc, in 10 ms ticks) over the same span is given beside it, the figure to trust on a shared machine (it counts the quick check too, but not the pause). The full check links, indexes and checks again only what the edit can have changed (the declarations it replaced, and those that reach them through their references); the rest keeps its links and diagnostics.',
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.os}; 1-minute load average ${load.before.toFixed(2)} before and ${load.after.toFixed(2)} after the runs.`,
    '',
    'Aims: median edit to diagnostics under 100 ms at N = 1,000 and under 400 ms at N = 5,000 (TypeSpec 1.11: 0.62 s at N = 100, 1.1 s at N = 1,000, about 4.5 s at N = 5,000); completion under 30 ms.',
    '',
    "The spec: bench/check.mjs's shape (N record types, N endpoints, max(3, N/100) properties) in one file. The edit: `count: Int` of the type in the middle of the file becomes `count: Intx` (one diagnostic) and back (none), alternately, as incremental changes. Completion: the fields after `response.` in an `ensures` clause of the middle endpoint; hover: a type name in a `response` clause.",
    '',
    'Memory: the resident set (RSS, from /proc) once the file is open, after the edits and at its peak, and the *live heap*, the JavaScript heap in use after two full garbage collections (the server runs with `--expose-gc` and answers the debug request `specl/debug/liveNodes`), once open and after the edits. RSS also counts what V8 keeps after collecting, so its growth over edits is not by itself something kept. Each run checks that none of the roots and declarations the edits replaced is still in memory (the benchmark aborts otherwise)' +
      ` (replaced: ${rows.map((r) => `${fmtInt(r.memory.replaced)} at N = ${fmtInt(r.n)}`).join(', ')}; none kept).`,
    '',
    table,
    '',
    ...aims,
  ].join('\n');
}

const settings = options();
const load = { before: loadavg()[0] };
const rows = [];
for (const n of settings.sizes) {
  process.stdout.write(`N = ${n} ... `);
  const row = await measure(n, settings);
  rows.push(row);
  console.log(
    `edit median ${fmtMs(row.edit.median)} (p95 ${fmtMs(row.edit.p95)}), full check ${fmtMs(row.full.median)} (server CPU ${row.full.cpu === null ? 'n/a' : fmtMs(row.full.cpu)}), completion ${fmtMs(row.completion.median)}, hover ${fmtMs(row.hover.median)}, open ${fmtMs(row.startupMs)}, peak RSS ${fmtMB(row.memory.peak)}`,
  );
}
load.after = loadavg()[0];
const body = report(rows, settings, describeMachine(), load);
if (settings.write) {
  writeSection(RESULTS, '## specl lsp', body);
  console.log(`wrote ${RESULTS}`);
} else {
  console.log(`\n${body}`);
}
