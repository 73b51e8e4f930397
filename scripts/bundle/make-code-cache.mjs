// Run by scripts/bundle/code-cache.mjs in a child Node at build time, with the flags a user's
// `node` has: runs `specl compile` of an example spec from the bundle in `outdir` (so the
// functions a check and a compile call are compiled), then writes each script loaded through
// cached-script.mjs its code cache, beside it. Files are written whole (a temporary name, then a
// rename), so a reader sees either no cache or a complete one, and never writable by others
// (cached-script.mjs would not read it).
//
//   node scripts/bundle/make-code-cache.mjs <outdir> <examples dir>
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outdir, examples] = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'specl-code-cache-'));
try {
  process.argv = [
    process.argv[0],
    join(outdir, 'cli.mjs'),
    'compile',
    join(examples, 'ach-payments/ach-payments.specl'),
    '--out',
    join(work, 'generated'),
  ];
  await import(pathToFileURL(join(outdir, 'cli.mjs')).href);
  if (process.exitCode !== 0 && process.exitCode !== undefined) {
    throw new Error(`specl compile exited with ${process.exitCode}`);
  }
  const { loadedScripts } = await import(pathToFileURL(join(outdir, 'cached-script.mjs')).href);
  for (const script of loadedScripts()) {
    const temporary = `${script.filename}.cache.${process.pid}.tmp`;
    writeFileSync(temporary, script.cacheFile(), { mode: 0o644 });
    renameSync(temporary, `${script.filename}.cache`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
