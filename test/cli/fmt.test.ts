import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpecl, tempProject } from '../helpers/run-cli.js';

const messy = 'spec   Shop version "1.0.0"\ntype Item {name:String\n  count : Int}\n';
const tidy = 'spec Shop version "1.0.0"\ntype Item {\n  name: String\n  count: Int\n}\n';

describe('specl fmt', () => {
  it('formats files in place and says which', () => {
    const cwd = tempProject({ 'shop.specl': messy, 'lib/ok.specl': tidy.replace('Shop', 'Lib') });
    const run = runSpecl(['fmt'], cwd);
    expect(run).toEqual({ status: 0, stdout: 'formatted 1 of 2 files: shop.specl\n', stderr: '' });
    expect(readFileSync(join(cwd, 'shop.specl'), 'utf8')).toBe(tidy);
    const again = runSpecl(['fmt', 'shop.specl'], cwd);
    expect(again.stdout).toBe('1 file checked: all already formatted\n');
  });

  it('leaves formatted files untouched', () => {
    const cwd = tempProject({ 'shop.specl': tidy });
    const before = statSync(join(cwd, 'shop.specl')).mtimeMs;
    expect(runSpecl(['fmt'], cwd).status).toBe(0);
    expect(statSync(join(cwd, 'shop.specl')).mtimeMs).toBe(before);
  });

  it('with --check, writes nothing and exits 1 listing the unformatted files', () => {
    const cwd = tempProject({ 'a.specl': messy, 'b.specl': tidy.replace('Shop', 'B') });
    const run = runSpecl(['fmt', '--check'], cwd);
    expect(run).toEqual({
      status: 1,
      stdout:
        'a.specl: not formatted\n1 of 2 files not formatted; run `specl fmt` to format them\n',
      stderr: '',
    });
    expect(readFileSync(join(cwd, 'a.specl'), 'utf8')).toBe(messy);
    expect(runSpecl(['fmt', '--check', 'b.specl'], cwd)).toEqual({
      status: 0,
      stdout: '1 file checked: all formatted\n',
      stderr: '',
    });
  });

  it('leaves a file with syntax errors as it is, saying where they are', () => {
    const broken = 'type Item {\n  name: String\n';
    const cwd = tempProject({ 'broken.specl': broken, 'ok.specl': messy });
    const run = runSpecl(['fmt'], cwd);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        'broken.specl:2:15: error specl/syntax-error: the file ends before this record is closed; add `}`',
        '  2 |   name: String',
        '    |               ^',
        '',
        'broken.specl: not formatted: fix its syntax errors first',
        '',
        'formatted 1 of 2 files: ok.specl; 1 file could not be formatted',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(cwd, 'broken.specl'), 'utf8')).toBe(broken);
  });

  it('rejects what is not a spec', () => {
    const cwd = tempProject({ 'notes.txt': 'x' });
    expect(runSpecl(['fmt', 'notes.txt'], cwd)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'specl: `notes.txt` is not a .specl file\n',
    });
    expect(runSpecl(['fmt', '--fix'], cwd).stderr).toBe(
      'specl: unknown option `--fix`; see `specl fmt --help`\n',
    );
  });
});

describe('specl lsp', () => {
  it('asks for --stdio', () => {
    const run = runSpecl(['lsp'], tempProject({}));
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'specl: the language server talks over stdin and stdout: run `specl lsp --stdio` (editors do this for you)\n',
    });
  });
});
