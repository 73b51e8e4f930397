#!/usr/bin/env node
// Benchmark on APIs others wrote: each OpenAPI document below goes through what a user would
// run on it (`specl import`, `specl check` of the imported spec, `specl compile` to every
// target, and the language server opening the spec and answering an edit), each step in a
// child process, timed (wall and CPU) with its peak memory; writes the figures into
// bench/RESULTS.md under `## real APIs`.
//
//   node bench/real-apis.mjs [--runs 1] [--only dropbox-sign,github] [--no-write]
//
// Dropbox Sign's description is a test fixture of the repository. GitHub's (13 MB, about 1,200
// operations) is not committed: it comes from the npm registry (@octokit/openapi, MIT), fetched
// once into bench/.work/ with `npm pack` at the pinned version, which checks its integrity.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { failer } from './lib/fail.mjs';
import { LspClient } from './lib/lsp-client.mjs';
import { describeMachine, revision } from './lib/machine.mjs';
import { fmtInt, fmtMB, fmtMs, median, writeSection } from './lib/results.mjs';
import { runNode } from './lib/run-node.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const WORK = join(BENCH, '.work', 'real-apis');
const CLI = join(ROOT, 'cli', 'bin', 'specl.js');
const SERVER = join(ROOT, 'cli', 'bin', 'specl-language-server.js');
const fail = failer('bench/real-apis.mjs');

const OCTOKIT = '@octokit/openapi@23.0.2';

/** The APIs: a name, where the description comes from, and how to get its file. */
const APIS = {
  'dropbox-sign': {
    title: 'Dropbox Sign (test/fixtures/openapi/dropbox-sign.json, Apache-2.0)',
    document: () => join(ROOT, 'test', 'fixtures', 'openapi', 'dropbox-sign.json'),
  },
  github: {
    title: `GitHub's REST API (${OCTOKIT}, generated/api.github.com.json, MIT)`,
    document: fetchGitHub,
  },
};

function fetchGitHub() {
  const folder = join(WORK, 'octokit');
  const file = join(folder, 'package', 'generated', 'api.github.com.json');
  if (existsSync(file)) return file;
  mkdirSync(folder, { recursive: true });
  try {
    const packed = execFileSync('npm', ['pack', OCTOKIT, '--silent'], {
      cwd: folder,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .at(-1);
    execFileSync('tar', ['-xzf', packed, 'package/generated/api.github.com.json'], {
      cwd: folder,
    });
  } catch (error) {
    fail(`could not fetch ${OCTOKIT} from the npm registry: ${error.message}`);
  }
  return file;
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    only: { type: 'string', default: Object.keys(APIS).join(',') },
    'no-write': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  fail(`--runs ${values.runs} is not a positive whole number`);
const chosen = values.only.split(',').filter(Boolean);
for (const name of chosen) if (!(name in APIS)) fail(`no API named ${name}`);

/** Runs one CLI step `runs` times; fails the bench if it fails. */
async function step(name, args, cwd, accept = (r) => r.status === 0) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const result = await runNode([CLI, ...args], { cwd, workDir: cwd, timeoutMs: 900_000 });
    if (!accept(result))
      fail(
        `${name} failed (exit ${result.status}):\n${result.stderr}${result.stdout.slice(-2000)}`,
      );
    results.push(result);
  }
  return results;
}

const summarise = (list) => ({
  wall: median(list.map((r) => r.ms)),
  cpu: median(list.map((r) => r.cpuMs ?? Number.NaN)),
  peak: Math.max(...list.map((r) => r.peakKiB ?? 0)),
  last: list.at(-1),
});

/** The language server on the imported spec: open to diagnostics, then edits to diagnostics. */
async function languageServer(folder, file) {
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const client = await LspClient.start(SERVER, folder);
  try {
    const start = process.hrtime.bigint();
    await client.open(uri, text);
    await client.diagnostics(uri, () => true, 900_000);
    const openMs = Number(process.hrtime.bigint() - start) / 1e6;
    // An edit that changes nothing a check sees: a comment line in the middle, added and removed.
    const line = Math.floor(text.split('\n').length / 2);
    const edits = [];
    for (let i = 0; i < 6; i++) {
      const count = client.publishCount(uri);
      const begin = process.hrtime.bigint();
      const at = { line, character: 0 };
      if (i % 2 === 0) await client.edit(uri, { start: at, end: at }, '// bench edit\n');
      else await client.edit(uri, { start: at, end: { line: line + 1, character: 0 } }, '');
      await client.publishedMoreThan(uri, count, 900_000);
      if (i >= 2) edits.push(Number(process.hrtime.bigint() - begin) / 1e6);
    }
    return { openMs, editMs: median(edits), memory: client.memory() };
  } finally {
    await client.stop();
  }
}

function machine() {
  const m = describeMachine();
  return `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}`;
}

const sections = [];
for (const name of chosen) {
  const api = APIS[name];
  const document = api.document();
  const folder = join(WORK, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const spec = join(folder, `${name}.specl`);
  process.stderr.write(`${name}: import\n`);
  const imported = summarise(
    await step('specl import', ['import', document, '--out', spec, '--force'], folder),
  );
  process.stderr.write(`${name}: check\n`);
  const checked = summarise(await step('specl check', ['check', spec], folder));
  process.stderr.write(`${name}: compile\n`);
  const compiled = summarise(
    await step('specl compile', ['compile', spec, '--out', join(folder, 'out'), '--force'], folder),
  );
  process.stderr.write(`${name}: language server\n`);
  const lsp = await languageServer(folder, spec);
  const specText = readFileSync(spec, 'utf8');
  const openapi = statSync(join(folder, 'out', 'openapi.json')).size;
  const types = statSync(join(folder, 'out', 'types.ts')).size;
  const row = (label, s) => `| ${label} | ${fmtMs(s.wall)} | ${fmtMs(s.cpu)} | ${fmtMB(s.peak)} |`;
  sections.push(
    [
      `### ${api.title}`,
      '',
      `Description: ${(statSync(document).size / 1024 / 1024).toFixed(2)} MB. Import: \`${imported.last.stdout.trim().split('\n').at(-1)}\`. The spec: ${fmtInt(specText.split('\n').length)} lines, ${(specText.length / 1024 / 1024).toFixed(2)} MB; compiled: openapi.json ${(openapi / 1024 / 1024).toFixed(2)} MB, types.ts ${(types / 1024 / 1024).toFixed(2)} MB.`,
      '',
      '| step | median wall | median CPU | peak RSS |',
      '| --- | --- | --- | --- |',
      row('`specl import`', imported),
      row('`specl check` of the imported spec', checked),
      row('`specl compile` (every target)', compiled),
      `| language server: open to diagnostics | ${fmtMs(lsp.openMs)} | | ${fmtMB(lsp.memory.peakKiB)} |`,
      `| language server: edit to diagnostics (median of 4) | ${fmtMs(lsp.editMs)} | | |`,
    ].join('\n'),
  );
}

const body = [
  `Measured ${new Date().toISOString().slice(0, 10)} on the build of ${revision(ROOT)} with \`node bench/real-apis.mjs --runs ${runs}\`: each step a child process (wall time includes Node's start-up; CPU is user + system of all its threads, which a loaded machine inflates less than wall time). The language server is driven over stdio; the edit adds or removes a comment line in the middle of the spec, timed from the change to the diagnostics that follow it. Machine: ${machine()}; load average ${loadavg()[0].toFixed(1)} at the end.`,
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');
process.stdout.write(`${body}\n`);
if (!values['no-write']) writeSection(join(BENCH, 'RESULTS.md'), '## real APIs', body);
writeFileSync(join(WORK, 'last-run.md'), body);
