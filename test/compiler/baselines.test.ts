import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSpec, compileTargetNames, compileTargets } from '@specl/compiler';
import { repoRoot } from '../helpers/run-cli.js';

/**
 * Golden outputs: every example's compiled files under test/baselines/<example>/. Run with
 * RECORD=1 to write them; without it, a missing, different or stale baseline fails the test.
 */
const record = process.env['RECORD'] === '1' || process.env['RECORD'] === 'true';
const examplesDir = join(repoRoot, 'examples');
const baselinesDir = join(repoRoot, 'test/baselines');

function rootSpecs(): { example: string; spec: string }[] {
  return readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(join(examplesDir, entry.name))
        .filter((name) => name.endsWith('.specl'))
        .map((name) => join(examplesDir, entry.name, name))
        .filter((spec) => /^\s*(\/\/\/[^\n]*\n)*\s*spec\s/.test(readFileSync(spec, 'utf8')))
        .map((spec) => ({ example: entry.name, spec })),
    );
}

function listFiles(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(folder, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

describe('baselines', () => {
  const specs = rootSpecs();
  it('cover at least one example', () => expect(specs.length).toBeGreaterThan(0));

  for (const { example, spec } of specs) {
    it(`${example}: compiled outputs match test/baselines/${example}`, async () => {
      const build = await buildSpec({ root: spec });
      expect(build.diagnostics).toEqual([]);
      const files = compileTargets(build.ir!, compileTargetNames, { yaml: true });
      const folder = join(baselinesDir, example);
      const expected = new Set(files.map((file) => file.path));
      if (record) {
        for (const stale of listFiles(folder).filter((path) => !expected.has(path)))
          rmSync(join(folder, stale));
        for (const file of files) {
          mkdirSync(dirname(join(folder, file.path)), { recursive: true });
          writeFileSync(join(folder, file.path), file.content);
        }
      }
      const stale = listFiles(folder).filter((path) => !expected.has(path));
      expect(stale, `stale baselines (run with RECORD=1): ${stale.join(', ')}`).toEqual([]);
      for (const file of files) {
        const path = join(folder, file.path);
        expect(
          existsSync(path),
          `missing baseline ${example}/${file.path} (run with RECORD=1)`,
        ).toBe(true);
        expect(
          file.content,
          `${example}/${file.path} differs from its baseline (run with RECORD=1)`,
        ).toBe(readFileSync(path, 'utf8'));
      }
    });
  }
});
