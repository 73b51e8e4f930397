import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runSpecl, tempProject } from '../helpers/run-cli.js';

/** The files under a folder, relative to it, sorted. */
function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(root, join(dir, entry.name)) : [join(dir, entry.name)],
    )
    .sort();
}

describe('specl init', () => {
  it('starts a project whose outputs are up to date and whose skeleton type-checks', () => {
    const cwd = tempProject({});
    const run = runSpecl(['init', 'my-shop'], cwd);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^started MyShop in my-shop: specs\/my-shop\.specl, src\/generated\//,
    );
    const root = join(cwd, 'my-shop');
    expect(filesUnder(root)).toEqual([
      '.github/workflows/specl.yml',
      '.vscode/settings.json',
      'specs/my-shop.specl',
      'src/generated/.specl-outputs.json',
      'src/generated/openapi.json',
      'src/generated/properties.ts',
      'src/generated/types.ts',
      'src/handlers.ts',
    ]);
    expect(runSpecl(['check', 'specs'], root).stdout).toBe('1 file checked: no problems found\n');
    expect(
      runSpecl(['compile', 'specs/my-shop.specl', '--out', 'src/generated', '--check'], root)
        .stdout,
    ).toBe('src/generated is up to date\n');
    const handlers = readFileSync(join(root, 'src/handlers.ts'), 'utf8');
    expect(handlers).toContain('async createItem(request) {');
    expect(handlers).toContain('async getItem(request) {');
    // The workflow runs the commands on the files init wrote.
    const workflow = readFileSync(join(root, '.github/workflows/specl.yml'), 'utf8');
    expect(workflow).toContain('SPEC: specs/my-shop.specl');
    expect(workflow).toContain('IMPL: src/handlers.ts');
    // The skeleton compiles under tsc --strict against the compiled types and @specl/runtime.
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
    execFileSync(
      process.execPath,
      [
        join(repoRoot, 'node_modules/typescript/bin/tsc'),
        '--strict',
        '--noEmit',
        '--module',
        'nodenext',
        '--target',
        'es2022',
        '--skipLibCheck',
        'src/handlers.ts',
      ],
      { cwd: root },
    );
  });

  it('refuses to overwrite anything, and writes nothing then', () => {
    const cwd = tempProject({ 'src/handlers.ts': 'export const mine = 1;\n' });
    const run = runSpecl(['init', '--name', 'Shop'], cwd);
    expect(run.stderr).toBe(
      'specl: not starting a project in `.`: `src/handlers.ts` exists already; choose another folder\n',
    );
    expect(run.status).toBe(2);
    expect(filesUnder(cwd)).toEqual(['src/handlers.ts']);
    expect(readFileSync(join(cwd, 'src/handlers.ts'), 'utf8')).toBe('export const mine = 1;\n');
    expect(statSync(join(cwd, 'src')).isDirectory()).toBe(true);
  });
});
