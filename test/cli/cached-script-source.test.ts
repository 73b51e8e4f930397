// How scripts/bundle/cached-script.cjs reads a script and its cache: every script's source and
// then its cache go through one buffer, reused (and grown) from script to script, and an ASCII
// source is made a string byte for byte while any other is decoded as UTF-8. A small bundle of
// three scripts is run twice in a fresh Node each time: once to make the caches, once to use them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'specl-cached-script-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LONG = 'x'.repeat(200_000);
const WIDE = 'é ✓ 日本';

/** A bundle whose entry requires a long ASCII script, then a short one that is not ASCII. */
function bundle(): string {
  const dir = mkdtempSync(join(work, 'bundle-'));
  copyFileSync(join(repoRoot, 'scripts/bundle/cached-script.cjs'), join(dir, 'cached-script.cjs'));
  writeFileSync(join(dir, 'scripts.json'), '{"cli":[]}\n');
  writeFileSync(
    join(dir, 'cli.cjs'),
    [
      "const long = require('./chunk-LONG.mjs');",
      "const wide = require('./chunk-WIDE.mjs');",
      'exports.texts = [long.text, wide.text];',
      "exports.later = () => require('./chunk-LATE.mjs').text;",
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'chunk-LONG.cjs'), `exports.text = '${LONG}';\n`);
  // No line break at its end: the loader's own closing text starts one.
  writeFileSync(join(dir, 'chunk-WIDE.cjs'), `exports.text = '${WIDE}'; // ends here`);
  writeFileSync(join(dir, 'chunk-LATE.cjs'), `exports.text = 'late ${LONG}';\n`);
  return dir;
}

/**
 * Runs the bundle's entry in a fresh Node; with `write`, writes each script's cache beside it
 * (as the build does). Returns the entry's texts and how each script was compiled.
 */
function run(dir: string, write: boolean): { texts: string[]; caches: string[] } {
  const driver = `
    const { writeFileSync } = require('node:fs');
    const { loadedScripts, runEntry } = require(${JSON.stringify(join(dir, 'cached-script.cjs'))});
    runEntry('cli').then(({ texts }) => {
      const scripts = loadedScripts();
      if (${write}) for (const s of scripts) writeFileSync(s.filename + '.cache', s.cacheFile(), { mode: 0o644 });
      process.stdout.write(JSON.stringify({ texts, caches: scripts.map((s) => s.cache) }));
    });
  `;
  const result = spawnSync(process.execPath, ['-e', driver], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as { texts: string[]; caches: string[] };
}

describe('the cached scripts loader', () => {
  it('runs ASCII and UTF-8 scripts with their own text, with and without their caches', () => {
    const dir = bundle();
    const first = run(dir, true);
    expect(first.texts).toStrictEqual([LONG, WIDE]);
    expect(first.caches).toStrictEqual(['none', 'none', 'none']);
    // The entry's cache is larger than the buffer its script was read into (the script with
    // the loader's text around it, under 200 bytes): the buffer grows to read it whole.
    expect(readFileSync(join(dir, 'cli.cjs.cache')).length).toBeGreaterThan(
      readFileSync(join(dir, 'cli.cjs')).length + 200,
    );
    const second = run(dir, false);
    expect(second.texts).toStrictEqual([LONG, WIDE]);
    expect(second.caches).toStrictEqual(['accepted', 'accepted', 'accepted']);
  });

  it('lets its read buffer go once the scripts loaded together have run, and reads later ones anew', () => {
    const dir = bundle();
    // The long script's 200,000 bytes are read into the loader's buffer, kept through the turn
    // that loaded the scripts; after the next turn it is let go, and a script required then is
    // read whole into a new buffer.
    const driver = `
      const loader = require(${JSON.stringify(join(dir, 'cached-script.cjs'))});
      loader.runEntry('cli').then((entry) => {
        const held = loader.readBufferBytes();
        setImmediate(() => setImmediate(() => {
          const released = loader.readBufferBytes();
          const late = entry.later();
          process.stdout.write(JSON.stringify({ held, released, late }));
        }));
      });
    `;
    const result = spawnSync(process.execPath, ['-e', driver], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { held, released, late } = JSON.parse(result.stdout) as {
      held: number;
      released: number;
      late: string;
    };
    expect(held).toBeGreaterThanOrEqual(LONG.length);
    expect(released).toBe(0);
    expect(late).toBe(`late ${LONG}`);
  });
});
