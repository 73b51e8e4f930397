import { describe, expect, it } from 'vitest';
import { runSpecl, tempProject } from '../helpers/run-cli.js';
import { shopFiles } from './diff-fixture.js';

describe('specl diff: usage errors and specs with errors (exit 2)', () => {
  const cwd = tempProject({ ...shopFiles, 'notes.txt': 'hello\n' });

  it.each([
    [['diff', 'api/old.specl'], 'diff takes two specs, the old and the new'],
    [['diff', 'api/old.specl', 'api/new.specl', '--format', 'xml'], 'unknown format `xml`'],
    [
      ['diff', 'api/old.specl', 'api/new.specl', '--fail-on', 'minor'],
      'unknown --fail-on `minor`; use one of breaking, any, none',
    ],
    [['diff', 'api/gone.specl', 'api/new.specl'], 'cannot find `api/gone.specl`'],
    [['diff', 'notes.txt', 'api/new.specl'], '`notes.txt` is not a .specl file'],
    [['diff', 'api/old.specl', 'api/new.specl', '--bogus'], 'unknown option `--bogus`'],
  ])('%j', (args, message) => {
    const run = runSpecl(args, cwd);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`specl: ${message}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the errors of a spec with errors as `specl check` does, and exits 2', () => {
    const broken = tempProject({
      ...shopFiles,
      'api/new.specl': 'spec Shop version "1.1.0"\ntype Item { id: Uid }\n',
    });
    const run = runSpecl(['diff', 'api/old.specl', 'api/new.specl', '--format', 'json'], broken);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'api/new.specl:2:17: error specl/unknown-type: unknown type `Uid`; did you mean `Uuid`?\n  2 | type Item { id: Uid }\n',
    );
    expect(run.stderr).toContain('specl: `api/new.specl` has errors; fix them before diffing it\n');
  });

  it('has a help text', () => {
    const run = runSpecl(['diff', '--help'], cwd);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: specl diff <old> <new> \[options\]/);
    expect(run.stdout).toContain('--fail-on <breaking|any|none>');
    expect(runSpecl(['help', 'diff'], cwd).stdout).toBe(run.stdout);
    expect(runSpecl(['--help'], cwd).stdout).toContain('diff <old> <new>');
  });
});
