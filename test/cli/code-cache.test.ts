// The bundle's chunks run as scripts with a V8 code cache made at build time
// (scripts/bundle/code-cache.mjs). The cache is a second path to the same program: `specl check`
// and `specl compile` must print and write the same bytes with it, without it, and with a cache
// that is damaged or made for another source (both ignored, silently), from a copy of the bundle
// installed elsewhere.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

const bundle = join(repoRoot, 'cli/dist/bundle');
const work = mkdtempSync(join(tmpdir(), 'specl-code-cache-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const broken = `spec Broken version "1.0.0" { security none }

type Item {
  id: Uuid
  owner: Owner
}

endpoint getItem GET /items/{id: Uuid} {
  response 200 Item
}
`;

/**
 * Runs the CLI of the bundle in `dir` as cli/bin/specl.js does (its entry's script) and reports
 * how each cached script was compiled.
 */
function run(dir: string, args: string[], cwd: string) {
  const driver = `
    process.argv = [process.argv[0], 'specl', ...${JSON.stringify(args)}];
    const { loadedScripts, runEntry } = await import(${JSON.stringify(join(dir, 'cached-script.mjs'))});
    await (await runEntry('cli')).ran;
    process.stderr.write('\\n' + JSON.stringify(loadedScripts().map((s) => [s.filename, s.cache])));
  `;
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.NODE_OPTIONS;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', driver], {
    cwd,
    encoding: 'utf8',
    env,
  });
  const cut = result.stderr.lastIndexOf('\n');
  const scripts = JSON.parse(result.stderr.slice(cut + 1)) as [string, string][];
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr.slice(0, cut),
    scripts: scripts.map(([filename]) => basename(filename)),
    caches: scripts.map(([, cache]) => cache),
  };
}

/** The script of the language chunk: the one that exports the services' factory. */
function languageChunk(): string {
  const standIn = readdirSync(bundle).find(
    (f) =>
      f.endsWith('.mjs') &&
      readFileSync(join(bundle, f), 'utf8').includes('loadCachedScript') &&
      /\bcreateSpeclServices\b/.test(readFileSync(join(bundle, f), 'utf8')),
  );
  expect(standIn).toBeDefined();
  return standIn!.replace(/\.mjs$/, '.cjs');
}

/** A copy of the package's bundle (laid out as installed), its caches changed by `change`. */
function copyBundle(name: string, change: (dir: string, cacheFile: string) => void): string {
  const dir = join(work, name, 'dist/bundle');
  cpSync(bundle, dir, { recursive: true });
  cpSync(join(repoRoot, 'cli/package.json'), join(work, name, 'package.json'));
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cjs.cache'))) {
    change(dir, file);
  }
  return dir;
}

/** Every file under `dir`, by its path below it, with the SHA-256 of its bytes. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

describe('the bundle code cache', () => {
  const copies = {
    cached: copyBundle('cached', () => {}),
    none: copyBundle('none', (dir, file) => rmSync(join(dir, file))),
    damaged: copyBundle('damaged', (dir, file) => {
      const bytes = readFileSync(join(dir, file));
      bytes[bytes.length >> 1] ^= 0xff;
      writeFileSync(join(dir, file), bytes);
    }),
    // The script edited in place without changing its length, the one thing V8's own check of
    // the source looks at: the cache is no longer its cache.
    edited: copyBundle('edited', (dir, file) => {
      const script = join(dir, file.slice(0, -'.cache'.length));
      const text = readFileSync(script, 'utf8');
      // Its last character, a line break, becomes a space: another source, the same program.
      expect(text.endsWith('\n')).toBe(true);
      const edited = `${text.slice(0, -1)} `;
      expect(edited.length).toBe(text.length);
      writeFileSync(script, edited);
    }),
    // A cache others may write is not read: it could have been put there by someone who may
    // not change the script.
    shared: copyBundle('shared', (dir, file) => chmodSync(join(dir, file), 0o666)),
  };
  const expected = {
    cached: 'accepted',
    none: 'none',
    damaged: 'none',
    edited: 'none',
    shared: 'none',
  };

  it('ships a cache for each chunk a check runs as a script, which V8 accepts', () => {
    const caches = readdirSync(bundle).filter((f) => f.endsWith('.cjs.cache'));
    expect(caches.length).toBeGreaterThan(0);
    const project = mkdtempSync(join(work, 'project-'));
    writeFileSync(join(project, 'api.specl'), broken.replace('owner: Owner\n', ''));
    const result = run(bundle, ['check', 'api.specl'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // The language chunk among them, and the check command's small chunks.
    expect(result.scripts).toContain(languageChunk());
    expect(result.scripts.length).toBeGreaterThan(1);
    expect(new Set(result.caches)).toStrictEqual(new Set(['accepted']));
  });

  for (const example of ['vacation']) {
    it(`compiles examples/${example} to the same bytes with and without the cache`, () => {
      const spec = join(repoRoot, 'examples', example, `${example}.specl`);
      const outputs: Record<string, unknown> = {};
      for (const [name, dir] of Object.entries(copies)) {
        const cwd = join(work, `${example}-${name}`);
        mkdirSync(cwd);
        const result = run(dir, ['compile', spec, '--out', 'generated'], cwd);
        expect(result.status, result.stderr).toBe(0);
        expect(result.caches.length).toBeGreaterThan(1);
        expect(new Set(result.caches)).toStrictEqual(
          new Set([expected[name as keyof typeof expected]]),
        );
        outputs[name] = { stdout: result.stdout, files: files(join(cwd, 'generated')) };
      }
      expect(outputs.none).toStrictEqual(outputs.cached);
      expect(outputs.damaged).toStrictEqual(outputs.cached);
      expect(outputs.edited).toStrictEqual(outputs.cached);
      expect(outputs.shared).toStrictEqual(outputs.cached);
    });
  }

  it('reports the same diagnostics (code, message, range) with and without the cache', () => {
    const project = mkdtempSync(join(work, 'project-'));
    writeFileSync(join(project, 'api.specl'), broken);
    const results: Record<string, unknown> = {};
    for (const [name, dir] of Object.entries(copies)) {
      for (const format of ['json']) {
        const result = run(dir, ['check', 'api.specl', '--format', format], project);
        expect(result.status, result.stderr).toBe(1);
        expect(result.caches.length).toBeGreaterThan(1);
        expect(new Set(result.caches)).toStrictEqual(
          new Set([expected[name as keyof typeof expected]]),
        );
        results[`${name} ${format}`] = [result.stdout, result.stderr];
      }
    }
    expect(String(results['cached json'])).toContain('Owner');
    for (const name of ['none', 'damaged', 'edited', 'shared']) {
      for (const format of ['json']) {
        expect(results[`${name} ${format}`]).toStrictEqual(results[`cached ${format}`]);
      }
    }
  });
});
