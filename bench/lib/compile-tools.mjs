// The tools bench/compile.mjs measures: where they are, installing TypeSpec, and a stale-build check.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failer } from './fail.mjs';

export const BENCH = dirname(dirname(fileURLToPath(import.meta.url)));
export const ROOT = dirname(BENCH);
export const WORK = join(BENCH, '.work');
export const OUT = join(WORK, 'compile-out');
/** The specl CLI measured; SPECL_BENCH_CLI names another build (to compare two). */
export const CLI = process.env.SPECL_BENCH_CLI || join(ROOT, 'cli', 'bin', 'specl.js');
export const RESULTS = join(BENCH, 'RESULTS.md');
export const HEADING = '## specl compile';
export const TS_DIR = join(BENCH, 'typespec');
export const TS_MODULES = join(TS_DIR, 'node_modules');
export const TS_WORK = join(WORK, 'typespec');
export const TSP = join(TS_MODULES, '@typespec', 'compiler', 'cmd', 'tsp.js');

/** Stops the benchmark with a message (and the tool's output, shortened). */
export const fail = failer('bench/compile.mjs');

/** The exact versions bench/typespec/package.json pins. */
export function typespecPins() {
  return JSON.parse(readFileSync(join(TS_DIR, 'package.json'), 'utf8')).dependencies;
}

/** Names of pinned packages missing from bench/typespec/node_modules or at another version. */
export function typespecMismatches(pins) {
  return Object.entries(pins).filter(([name, version]) => {
    try {
      const pkg = join(TS_MODULES, ...name.split('/'), 'package.json');
      return JSON.parse(readFileSync(pkg, 'utf8')).version !== version;
    } catch {
      return true;
    }
  });
}

/** Installs TypeSpec into bench/typespec/ from its lock file when it is missing or stale. */
export function ensureTypeSpec() {
  const pins = typespecPins();
  if (typespecMismatches(pins).length) {
    console.log('installing TypeSpec into bench/typespec/ (npm ci --prefix bench/typespec)...');
    const npm = spawnSync(
      'npm',
      ['ci', '--prefix', relative(ROOT, TS_DIR), '--no-audit', '--no-fund', '--loglevel=error'],
      { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' },
    );
    if (npm.status !== 0) fail('`npm ci --prefix bench/typespec` failed');
    const still = typespecMismatches(pins);
    if (still.length)
      fail(`TypeSpec is not installed as pinned: ${still.map(([n, v]) => `${n}@${v}`).join(', ')}`);
  }
  // The generated TypeSpec projects live in bench/.work/typespec/<name>/ and find their
  // libraries through this link, the way a project finds its own node_modules.
  mkdirSync(TS_WORK, { recursive: true });
  const link = join(TS_WORK, 'node_modules');
  let current = null;
  try {
    current = readlinkSync(link);
  } catch {
    // missing (or not a link)
  }
  if (current !== TS_MODULES) {
    rmSync(link, { force: true });
    symlinkSync(TS_MODULES, link, 'junction');
  }
  return pins;
}

/** Newest modification time of the files under a folder (for the stale-build warning). */
export function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Fails unless `specl compile` exists; returns true (and warns) when the build is stale. */
export function checkSpeclBuild() {
  const help = spawnSync(process.execPath, [CLI, 'compile', '--help'], { encoding: 'utf8' });
  if (help.status !== 0 || !/specl compile/.test(help.stdout)) {
    fail(
      '`specl compile --help` fails: build the CLI first (`npm run build`), or measure TypeSpec alone with --only typespec',
      `${help.stdout}${help.stderr}`,
    );
  }
  const target = /import\s*\(?\s*["'](.+?)["']/.exec(readFileSync(CLI, 'utf8'))?.[1];
  const entry = target ? join(dirname(CLI), target) : join(ROOT, 'cli', 'dist', 'cli.js');
  if (!existsSync(entry)) return false;
  const sources = Math.max(
    ...['cli', 'packages/language', 'packages/compiler'].map((p) => newest(join(ROOT, p, 'src'))),
  );
  if (sources > statSync(entry).mtimeMs) {
    console.warn(
      `warning: sources are newer than ${relative(ROOT, entry)}; rebuild for current figures\n`,
    );
    return true;
  }
  return false;
}
