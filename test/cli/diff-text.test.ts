import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpecl, tempProject } from '../helpers/run-cli.js';
import { newShop, shopFiles } from './diff-fixture.js';

const report = `api/new.specl:2:1: breaking field-removed: field \`name\` of \`Item\` was removed
  clients that read it no longer get it; \`Item\` is in the responses of \`getItem\`
  old: api/old.specl:4:3

api/new.specl:8:1: non-breaking endpoint-added: endpoint \`listItems\` (\`GET /items\`) was added
  a new endpoint changes no call that worked before
  old: api/old.specl:1:1

Shop 1.0.0 → 1.1.0: 2 changes: 1 breaking, 1 non-breaking
version 1.0.0 → 1.1.0 is a minor bump; the changes need a major bump: 2.0.0 or later
`;

describe('specl diff (text)', () => {
  it('prints each change with its verdict, reason and both places, and fails an unbumped break', () => {
    const cwd = tempProject(shopFiles);
    const run = runSpecl(['diff', 'api/old.specl', 'api/new.specl'], cwd);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      report +
        'fails --fail-on breaking: the breaking changes need a version that carries them; make it 2.0.0 or later, or undo them\n',
    );
    expect(run.status).toBe(1);
  });

  it('passes when the version carries the bump', () => {
    const cwd = tempProject({
      ...shopFiles,
      'api/new.specl': newShop.replace('"1.1.0"', '"2.0.0"'),
    });
    const run = runSpecl(['diff', 'api/old.specl', 'api/new.specl'], cwd);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'version 1.0.0 → 2.0.0 is a major bump; the changes need a major bump: 2.0.0 or later\nversion check passed (--fail-on breaking)\n',
    );
  });

  it('--fail-on none reports and never fails; --fail-on any asks the bump of every change', () => {
    const cwd = tempProject(shopFiles);
    const none = runSpecl(['diff', 'api/old.specl', 'api/new.specl', '--fail-on', 'none'], cwd);
    expect(none).toMatchObject({ status: 0, stdout: report });
    // Only the addition left: breaking passes at 1.0.1, any asks for 1.1.0.
    const additive = tempProject({
      'old.specl': shopFiles['api/old.specl'],
      'new.specl': shopFiles['api/old.specl']
        .replace('"1.0.0"', '"1.0.1"')
        .concat('endpoint ping GET /ping {\n  response 204\n}\n'),
    });
    expect(runSpecl(['diff', 'old.specl', 'new.specl'], additive).status).toBe(0);
    const any = runSpecl(['diff', 'old.specl', 'new.specl', '--fail-on', 'any'], additive);
    expect(any.status).toBe(1);
    expect(any.stdout).toContain(
      'version 1.0.0 → 1.0.1 is a patch bump; the changes need a minor bump: 1.1.0 or later\nfails --fail-on any: the changes need a version that carries them; make it 1.1.0 or later, or undo them\n',
    );
  });

  it('says so when nothing changed', () => {
    const cwd = tempProject(shopFiles);
    const run = runSpecl(['diff', 'api/old.specl', 'api/old.specl'], cwd);
    expect(run).toMatchObject({
      status: 0,
      stdout:
        'Shop 1.0.0 → 1.0.0: no changes (the two versions are the same spec)\nversion 1.0.0 → 1.0.0 is no bump; the changes need none\n',
    });
  });

  it('writes the report atomically with --output, byte-identical on every run', () => {
    const cwd = tempProject(shopFiles);
    const args = ['diff', 'api/old.specl', 'api/new.specl', '--output', 'out/diff.txt'];
    writeFileSync(join(cwd, 'placeholder'), '');
    const missingFolder = runSpecl(args, cwd);
    expect(missingFolder.status).toBe(2);
    expect(missingFolder.stderr).toMatch(/^specl: cannot write `out\/diff\.txt` \(ENOENT\)/);
    const run = runSpecl(['diff', 'api/old.specl', 'api/new.specl', '--output', 'diff.txt'], cwd);
    expect(run).toMatchObject({ status: 1, stdout: '', stderr: '' });
    const written = readFileSync(join(cwd, 'diff.txt'), 'utf8');
    expect(written.startsWith(report)).toBe(true);
    runSpecl(['diff', 'api/old.specl', 'api/new.specl', '--output', 'diff.txt'], cwd);
    expect(readFileSync(join(cwd, 'diff.txt'), 'utf8')).toBe(written);
    expect(readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});
