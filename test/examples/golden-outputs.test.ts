import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSpec, compileTargetNames, compileTargets } from '@specl/compiler';
import { repoRoot } from '../helpers/run-cli.js';

/**
 * The one golden set: every example's compiled outputs, committed in examples/<name>/generated
 * (what its README shows and CI's `specl compile --check` compares). Run with RECORD=1 to
 * write them; without it, a missing, different or stale file fails the test.
 */
const record = process.env['RECORD'] === '1' || process.env['RECORD'] === 'true';
const examplesDir = join(repoRoot, 'examples');

/** Every example with a root spec examples/<name>/<name>.specl and a generated/ folder. */
function examples(): string[] {
  return readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(examplesDir, name, `${name}.specl`)))
    .sort();
}

function listFiles(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(folder, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/** The manifest `specl compile` keeps beside its outputs; checked against them below. */
const MANIFEST = '.specl-outputs.json';

/** Every golden file but the manifest. */
function goldenFiles(folder: string): string[] {
  return listFiles(folder).filter((path) => path !== MANIFEST);
}

describe('golden outputs', () => {
  const names = examples();
  it('cover every example', () => {
    expect(names).toEqual(['ach-payments', 'product-similarity', 'vacation']);
  });

  for (const name of names) {
    it(`${name}: compiled outputs match examples/${name}/generated`, async () => {
      const build = await buildSpec({ root: join(examplesDir, name, `${name}.specl`) });
      expect(build.diagnostics).toEqual([]);
      expect(build.ir, build.problem).toBeDefined();
      // What `specl compile` writes by default: every target, JSON only.
      const files = compileTargets(build.ir!, compileTargetNames, { yaml: false });
      const folder = join(examplesDir, name, 'generated');
      const expected = new Set(files.map((file) => file.path));
      if (record) {
        for (const stale of goldenFiles(folder).filter((path) => !expected.has(path)))
          rmSync(join(folder, stale));
        for (const file of files) {
          mkdirSync(dirname(join(folder, file.path)), { recursive: true });
          writeFileSync(join(folder, file.path), file.content);
        }
      }
      const stale = goldenFiles(folder).filter((path) => !expected.has(path));
      expect(stale, `stale golden files (run with RECORD=1): ${stale.join(', ')}`).toEqual([]);
      for (const file of files) {
        const path = join(folder, file.path);
        expect(
          existsSync(path),
          `missing golden file ${name}/generated/${file.path} (RECORD=1)`,
        ).toBe(true);
        expect(
          file.content,
          `${name}/generated/${file.path} differs from its golden file (run with RECORD=1)`,
        ).toBe(readFileSync(path, 'utf8'));
      }
      // The manifest, when there, records exactly these files as specl wrote them.
      const manifestPath = join(folder, MANIFEST);
      if (existsSync(manifestPath)) {
        const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
          files: Record<string, string>;
        };
        const sha256 = (text: string) =>
          `sha256:${createHash('sha256').update(text).digest('hex')}`;
        expect(manifest.files).toEqual(
          Object.fromEntries(files.map((file) => [file.path, sha256(file.content)])),
        );
      }
    });
  }
});
