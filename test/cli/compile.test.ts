import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runSpecl, tempProject } from '../helpers/run-cli.js';

const vacation = readFileSync(join(repoRoot, 'examples/vacation/vacation.specl'), 'utf8');

describe('specl compile', () => {
  it('writes openapi.json, types.ts and properties.ts, byte-identical on every run', () => {
    const cwd = tempProject({ 'api/vacation.specl': vacation });
    const first = runSpecl(['compile', 'api/vacation.specl', '--out', 'out'], cwd);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^wrote out\/openapi\.json, out\/types\.ts, out\/properties\.ts \(spec Vacation 1\.2\.0, sha256:[0-9a-f]{12}\)\n$/,
    );
    const openapi = readFileSync(join(cwd, 'out/openapi.json'), 'utf8');
    const types = readFileSync(join(cwd, 'out/types.ts'), 'utf8');
    expect(JSON.parse(openapi).openapi).toBe('3.1.0');
    const again = runSpecl(['compile', 'api/vacation.specl', '--out', 'out'], cwd);
    expect(again.stdout).toMatch(/^out is up to date/);
    expect(readFileSync(join(cwd, 'out/openapi.json'), 'utf8')).toBe(openapi);
    expect(readFileSync(join(cwd, 'out/types.ts'), 'utf8')).toBe(types);
  });

  it('writes only the targets asked for, and YAML on request', () => {
    const cwd = tempProject({ 'v.specl': vacation });
    const run = runSpecl(
      ['compile', 'v.specl', '--out', 'out', '--target', 'openapi', '--yaml'],
      cwd,
    );
    expect(run.status).toBe(0);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual([
      '.specl-outputs.json',
      'openapi.json',
      'openapi.yaml',
    ]);
  });

  it('writes nothing from a spec with errors, and shows the errors', () => {
    const cwd = tempProject({ 'bad.specl': 'spec Bad version "1.0.0"\ntype A { x: Strin }\n' });
    const run = runSpecl(['compile', 'bad.specl', '--out', 'out'], cwd);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('bad.specl:2:13: error specl/unknown-type: unknown type `Strin`');
    expect(run.stdout).toContain('nothing written: fix the errors above first');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('--check exits 1 when the files on disk are missing or differ, 0 when they match', () => {
    const cwd = tempProject({ 'v.specl': vacation });
    const missing = runSpecl(['compile', 'v.specl', '--out', 'out', '--check'], cwd);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe(
      'out of date: out/openapi.json, out/types.ts, out/properties.ts; run specl compile without --check\n',
    );
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    expect(runSpecl(['compile', 'v.specl', '--out', 'out'], cwd).status).toBe(0);
    expect(runSpecl(['compile', 'v.specl', '--out', 'out', '--check'], cwd)).toMatchObject({
      status: 0,
      stdout: 'out is up to date\n',
    });
    writeFileSync(join(cwd, 'v.specl'), vacation.replace('version "1.2.0"', 'version "1.3.0"'));
    const stale = runSpecl(['compile', 'v.specl', '--out', 'out', '--check'], cwd);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain('out of date: out/openapi.json, out/types.ts');
  });

  it('refuses to overwrite a file specl did not write, unless --force', () => {
    const cwd = tempProject({ 'v.specl': vacation, 'src/types.ts': 'export const mine = 1;\n' });
    const run = runSpecl(['compile', 'v.specl', '--out', 'src'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'specl: `src/types.ts` exists and was not written by specl (or was changed since); move it, choose another --out, or pass --force\n',
    );
    expect(readFileSync(join(cwd, 'src/types.ts'), 'utf8')).toBe('export const mine = 1;\n');
    expect(existsSync(join(cwd, 'src/openapi.json'))).toBe(false);
    expect(runSpecl(['compile', 'v.specl', '--out', 'src', '--force'], cwd).status).toBe(0);
  });

  const usage: [string, string[], Record<string, string>, string][] = [
    [
      'no spec',
      ['compile', '--out', 'out'],
      {},
      'specl: name the spec to compile: `specl compile <spec> --out <dir>`\n',
    ],
    [
      'no --out',
      ['compile', 'v.specl'],
      { 'v.specl': vacation },
      'specl: name the output folder with `--out <dir>`\n',
    ],
    [
      'an unknown target',
      ['compile', 'v.specl', '--out', 'o', '--target', 'java'],
      { 'v.specl': vacation },
      'specl: unknown target `java`; the targets are openapi, types, properties\n',
    ],
    [
      'a missing spec',
      ['compile', 'nope.specl', '--out', 'o'],
      {},
      'specl: cannot find `nope.specl`; check the path (it is relative to CWD)\n',
    ],
    [
      'an --out that is a file',
      ['compile', 'v.specl', '--out', 'v.specl'],
      { 'v.specl': vacation },
      'specl: `v.specl` is a file, not a folder; choose another --out\n',
    ],
    [
      '--check with --watch',
      ['compile', 'v.specl', '--out', 'o', '--check', '--watch'],
      { 'v.specl': vacation },
      'specl: `--check` and `--watch` do not go together\n',
    ],
  ];
  for (const [what, args, files, message] of usage) {
    it(`exits 2 for ${what}`, () => {
      const cwd = tempProject(files);
      const run = runSpecl(args, cwd);
      expect(run.stderr).toBe(message.replace('CWD', cwd));
      expect(run.status).toBe(2);
    });
  }
});
