// The fast parse path against Langium's parser, side by side in one run (issue 17): CPU time of
// parsing alone (in process, the two parsers alternating), and of `specl check` with the fast
// path on and off (SPECL_FAST_PARSER=0), and with the fast path's CST built on demand (the
// default of `specl check`) and eagerly (SPECL_LAZY_CST=0), with its peak RSS, on the
// bench/check.mjs spec shape.
// Prints a markdown table; figures are CPU times (user + system), so that a shared machine
// inflates them less than wall times; compare only within one run.
//
// Usage: node bench/parser.mjs [--sizes 1000,5000] [--runs 3] [--no-write]
// Writes `## fast parse path` in bench/RESULTS.md unless --no-write.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { childEnv } from './lib/child-env.mjs';
import { parseArgs } from 'node:util';
import { generateSpec } from './lib/gen-spec.mjs';
import { describeMachine, revision } from './lib/machine.mjs';
import { markdownTable, writeSection } from './lib/results.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const WORK = join(BENCH, '.work');
const CLI = join(ROOT, 'cli', 'bin', 'specl.js');
const PRELOAD = join(BENCH, 'lib', 'rss-preload.cjs');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    runs: { type: 'string', default: '3' },
    'no-write': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** CPU ms of parsing `text` with each parser, the two alternating, `runs` times each. */
async function parseTimes(text) {
  const { createSpeclServices } = await import(
    pathToFileURL(join(ROOT, 'packages/language/dist/index.js')).href
  );
  const { EmptyFileSystem } = await import('langium');
  const fast = createSpeclServices(EmptyFileSystem, { fastParser: true }).Specl.parser
    .LangiumParser;
  const langium = createSpeclServices(EmptyFileSystem, { fastParser: false }).Specl.parser
    .LangiumParser;
  const times = { fast: [], langium: [] };
  for (const [name, parser] of [
    ['fast', fast],
    ['langium', langium],
  ]) {
    parser.parse(generateSpec(10)); // warm up
    times[name].length = 0;
  }
  for (let i = 0; i < runs; i++) {
    for (const [name, parser] of [
      ['fast', fast],
      ['langium', langium],
    ]) {
      globalThis.gc?.();
      const start = cpuMs();
      const result = parser.parse(text);
      times[name].push(cpuMs() - start);
      if (result.parserErrors.length > 0) throw new Error('the bench spec has syntax errors');
    }
  }
  return times;
}

/** The ways `specl check` parses, by the environment that picks them. */
const MODES = {
  lazy: { SPECL_FAST_PARSER: '1', SPECL_LAZY_CST: '1' },
  eager: { SPECL_FAST_PARSER: '1', SPECL_LAZY_CST: '0' },
  langium: { SPECL_FAST_PARSER: '0', SPECL_LAZY_CST: '0' },
};

/** CPU ms and peak RSS (MB) of one `specl check` of `file`, parsing as `mode` says. */
function check(file, mode) {
  const usageFile = join(WORK, `parser-usage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const child = spawnSync(process.execPath, ['--require', PRELOAD, CLI, 'check', file], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: childEnv({ NO_COLOR: '1', SPECL_BENCH_RSS_FILE: usageFile, ...MODES[mode] }),
  });
  if (child.status !== 0) throw new Error(`specl check failed:\n${child.stdout}${child.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  rmSync(usageFile, { force: true });
  return { cpu: usage.cpuMicros / 1000, rss: usage.maxRSS / 1024 };
}

function machineLine() {
  const m = describeMachine();
  return `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}`;
}

const ms = (x) => `${(x / 1000).toFixed(2)} s`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

mkdirSync(WORK, { recursive: true });
const loadStart = loadavg()[0];
const cells = [
  [
    'N',
    'spec bytes',
    'parse, fast path',
    'parse, Langium',
    'check CPU, lazy CST',
    'check CPU, eager CST',
    'check CPU, Langium',
    'check peak RSS, lazy CST',
    'check peak RSS, eager CST',
    'check peak RSS, Langium',
  ],
];
for (const n of sizes) {
  const text = generateSpec(n);
  const file = join(WORK, `parser-${n}.specl`);
  writeFileSync(file, text);
  const parse = await parseTimes(text);
  const checks = { lazy: [], eager: [], langium: [] };
  for (let i = 0; i < runs; i++) {
    for (const mode of Object.keys(checks)) checks[mode].push(check(file, mode));
  }
  const cpu = (name) => median(checks[name].map((r) => r.cpu));
  const rss = (name) => `${median(checks[name].map((r) => r.rss)).toFixed(0)} MB`;
  cells.push([
    n.toLocaleString('en'),
    Buffer.byteLength(text).toLocaleString('en'),
    ms(median(parse.fast)),
    ms(median(parse.langium)),
    ms(cpu('lazy')),
    ms(cpu('eager')),
    ms(cpu('langium')),
    rss('lazy'),
    rss('eager'),
    rss('langium'),
  ]);
  console.log(cells[cells.length - 1].join(' | '));
}
const body = [
  `Measured with \`node bench/parser.mjs --sizes ${values.sizes} --runs ${runs}\` on the build of ${revision(ROOT)}: the bench/check.mjs spec shape; parsing alone in process (the fast path and Langium's parser alternating, after a warm-up), and \`specl check\` in a child process with the fast path's CST built on demand (its default), built eagerly (\`SPECL_LAZY_CST=0\`) and with Langium's parser (\`SPECL_FAST_PARSER=0\`), alternating; median of ${runs} run(s), CPU time (user + system).`,
  '',
  `Machine: ${machineLine()}; 1-minute load average ${loadStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end.`,
  '',
  markdownTable(cells),
].join('\n');
console.log(`\n${body}`);
if (!values['no-write']) writeSection(join(BENCH, 'RESULTS.md'), '## fast parse path', body);
