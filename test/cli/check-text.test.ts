import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runSpecl, tempProject } from '../helpers/run-cli.js';

const broken = `spec Shop version "1.0.0"

type Item {
  name: Strin
  price: Int { min: 5 }
  invariant price < 3
}
`;

describe('specl check (text)', () => {
  it('checks the vacation example clean', () => {
    const run = runSpecl(['check', 'examples/vacation'], repoRoot);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('1 file checked: no problems found\n');
    expect(run.status).toBe(0);
  });

  it('prints each diagnostic with its place, code, message and a code frame, then a summary', () => {
    const cwd = tempProject({ 'specs/shop.specl': broken });
    const run = runSpecl(['check', 'specs'], cwd);
    expect(run.stdout).toBe(
      [
        'specs/shop.specl:4:9: error specl/unknown-type: unknown type `Strin`; did you mean `String`?',
        '  4 |   name: Strin',
        '    |         ^^^^^',
        '',
        'specs/shop.specl:6:13: warning specl/unsatisfiable-invariant: this invariant can never hold: `price` is limited by `min: 5`; fix the invariant or the constraint',
        '  6 |   invariant price < 3',
        '    |             ^^^^^^^^^',
        '',
        '1 error and 1 warning in 1 of 1 file checked',
        '',
      ].join('\n'),
    );
    expect(run.status).toBe(1);
  });

  it('exits 0 when there are only warnings', () => {
    const cwd = tempProject({
      'a.specl': 'spec A version "1.0.0"\ntype T { x: Int { min: 5 }\n invariant x < 3 }\n',
    });
    const run = runSpecl(['check', 'a.specl'], cwd);
    expect(run.stdout).toContain('warning specl/unsatisfiable-invariant');
    expect(run.stdout).toContain('1 warning in 1 of 1 file checked');
    expect(run.status).toBe(0);
  });

  it('checks the current folder when given no argument, recursing and skipping node_modules', () => {
    const cwd = tempProject({
      'a.specl': 'spec A version "1.0.0"\n',
      'nested/deeper/b.specl': 'spec B version "1.0.0"\n',
      'node_modules/x/c.specl': 'this is not a spec',
      '.hidden/d.specl': 'nor this',
    });
    const run = runSpecl(['check'], cwd);
    expect(run.stdout).toBe('2 files checked: no problems found\n');
    expect(run.status).toBe(0);
  });

  it('checks imported files too, and reports problems in them', () => {
    const cwd = tempProject({
      'main.specl':
        'spec Main version "1.0.0"\nimport "lib/common.specl"\ntype Order { item: Item }\n',
      'lib/common.specl': 'type Item { id: Uuid, qty: Int { min: 3, max: 1 } }\n',
    });
    const run = runSpecl(['check', 'main.specl'], cwd);
    expect(run.stdout).toContain(
      'lib/common.specl:1:42: error specl/constraint-conflict: `max` contradicts `min`: no value lies between 3 and 1',
    );
    expect(run.stdout).toContain('1 error in 1 of 2 files checked');
    expect(run.status).toBe(1);
  });

  it('colours output on request, and not otherwise', () => {
    const cwd = tempProject({ 'a.specl': broken });
    expect(runSpecl(['check', '--color', 'a.specl'], cwd).stdout).toContain('\u001b[31m');
    expect(runSpecl(['check', 'a.specl'], cwd).stdout).not.toContain('\u001b[');
    expect(runSpecl(['check', 'a.specl'], cwd, { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(
      runSpecl(['check', '--no-color', 'a.specl'], cwd, { FORCE_COLOR: '1' }).stdout,
    ).not.toContain('\u001b[');
  });

  it('answers --version from the package and --help with usage', () => {
    const version = JSON.parse(readFileSync(join(repoRoot, 'cli/package.json'), 'utf8')).version;
    expect(runSpecl(['--version'], repoRoot)).toEqual({
      status: 0,
      stdout: `${version}\n`,
      stderr: '',
    });
    const help = runSpecl(['--help'], repoRoot);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: specl <command>');
    const checkHelp = runSpecl(['check', '--help'], repoRoot);
    expect(checkHelp.status).toBe(0);
    expect(checkHelp.stdout).toContain('Usage: specl check');
  });
});
