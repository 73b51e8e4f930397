// Run by scripts/bundle/code-cache.mjs in a child Node at build time, with the flags a user's
// `node` has: runs `specl check` and then `specl compile` of an example spec from the bundle in
// `outdir`, and after each writes the code cache of every script it loaded first (through
// cached-script.mjs), beside it: so a script holds the functions of the first command that
// needs it. The language chunk's cache is made after the check: made after the compile too, it
// held the functions only a compile calls, which every check then read for nothing, and a
// compile, which compiles those functions itself, is no slower (figures: commit 37b20c5). Files are written whole (a temporary name, then
// a rename), so a reader sees either no cache or a complete one, and never writable by others
// (cached-script.mjs would not read it).
//
//   node scripts/bundle/make-code-cache.mjs <outdir> <examples dir>
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outdir, examples] = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'specl-code-cache-'));
const { loadedScripts, runEntry } = await import(
  pathToFileURL(join(outdir, 'cached-script.mjs')).href
);
const written = new Set();
try {
  const spec = join(examples, 'ach-payments/ach-payments.specl');
  await run(['check', spec]);
  writeNewCaches();
  await run(['compile', spec, '--out', join(work, 'generated')]);
  writeNewCaches();
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Runs `specl ARGS` from the bundle, in this process, as cli/bin/specl.js does. */
async function run(args) {
  process.argv = [process.argv[0], join(outdir, 'cli.cjs'), ...args];
  const { ran } = await runEntry('cli');
  await ran;
  if (process.exitCode !== 0 && process.exitCode !== undefined) {
    throw new Error(`specl ${args[0]} exited with ${process.exitCode}`);
  }
}

/** Writes the cache of each script loaded since the last call. */
function writeNewCaches() {
  for (const script of loadedScripts()) {
    if (written.has(script.filename)) continue;
    written.add(script.filename);
    const temporary = `${script.filename}.cache.${process.pid}.tmp`;
    writeFileSync(temporary, script.cacheFile(), { mode: 0o644 });
    renameSync(temporary, `${script.filename}.cache`);
  }
}
