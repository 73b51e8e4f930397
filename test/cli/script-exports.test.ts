// A chunk made a script (scripts/bundle/code-cache.mjs) sets its exports last, as a plain object of
// their values, instead of esbuild's getters: each script's exports are exactly the names its
// stand-in module re-exports, each a data property holding the value that module exports.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

const bundle = join(repoRoot, 'cli/dist/bundle');

/** The stand-in modules of the bundle's script chunks (each loads its chunk-X.cjs). */
const standIns = readdirSync(bundle).filter(
  (f) =>
    /^chunk-[A-Z0-9]+\.mjs$/.test(f) &&
    readFileSync(join(bundle, f), 'utf8').includes('loadCachedScript('),
);

/**
 * Imports each stand-in in a child Node, then asks the loader again for its script's exports (the
 * object the script set, kept by the loader) and describes them.
 */
function describeExports(files: string[]) {
  const driver = `
    const { pathToFileURL } = await import('node:url');
    const { loadCachedScript } = await import(${JSON.stringify(join(bundle, 'cached-script.mjs'))});
    const out = {};
    for (const file of ${JSON.stringify(files)}) {
      const url = pathToFileURL(${JSON.stringify(bundle)} + '/' + file);
      const module = await import(url.href);
      const exports = loadCachedScript(new URL(file.replace(/\\.mjs$/, '.cjs'), url), {}, undefined);
      out[file] = Object.keys(exports).map((key) => {
        const descriptor = Object.getOwnPropertyDescriptor(exports, key);
        return [key, 'value' in descriptor, descriptor.value === module[key]];
      });
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', driver], {
    encoding: 'utf8',
    env,
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Record<string, [string, boolean, boolean][]>;
}

/** The names a stand-in re-exports (`export const { a, b } = script;`). */
function reexported(file: string): string[] {
  const list = /^export const \{ (.*) \} = script;$/m.exec(
    readFileSync(join(bundle, file), 'utf8'),
  );
  return list === null ? [] : list[1].split(', ').filter((name) => name !== '');
}

describe('the exports of a script chunk', () => {
  it('are plain values, exactly those its stand-in module exports', () => {
    expect(standIns.length).toBeGreaterThan(1);
    const described = describeExports(standIns);
    let total = 0;
    for (const file of standIns) {
      const exports = described[file];
      expect(exports.map(([name]) => name).sort(), file).toStrictEqual(reexported(file).sort());
      for (const [name, isValue, same] of exports) {
        expect(isValue, `${file} ${name} is a data property`).toBe(true);
        expect(same, `${file} ${name} is the module's export`).toBe(true);
      }
      total += exports.length;
    }
    // The language chunk alone has hundreds.
    expect(total).toBeGreaterThan(300);
  });
});
