import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpecl, tempProject } from '../helpers/run-cli.js';

const valid = 'spec A version "1.0.0"\ntype T { x: Int }\n';

describe('specl check (usage errors exit 2 with a clear message)', () => {
  const cases: [string, string[], Record<string, string>, string][] = [
    [
      'an unknown option',
      ['check', '--bogus'],
      {},
      'specl: unknown option `--bogus`; see `specl check --help`\n',
    ],
    [
      'a missing file',
      ['check', 'nope.specl'],
      {},
      'specl: cannot find `nope.specl`; check the path (it is relative to CWD)\n',
    ],
    [
      'a file that is not a spec',
      ['check', 'notes.txt'],
      { 'notes.txt': 'hi' },
      'specl: `notes.txt` is not a .specl file\n',
    ],
    [
      'a folder without specs',
      ['check', 'empty'],
      { 'empty/readme.md': '#' },
      'specl: no .specl files found under `empty`\n',
    ],
    [
      'an unknown format',
      ['check', '--format', 'xml', 'a.specl'],
      { 'a.specl': valid },
      'specl: unknown format `xml`; use one of text, json, sarif\n',
    ],
    [
      'a format without value',
      ['check', 'a.specl', '--format'],
      { 'a.specl': valid },
      'specl: option `--format <value>` argument missing; see `specl check --help`\n',
    ],
    [
      'an unknown command',
      ['chek'],
      {},
      'specl: unknown command `chek`; did you mean `check`? (the commands are check, compile, verify, diff, implement, repair, fmt, import, init, lsp, proxy, mcp; see `specl --help`)\n',
    ],
    [
      'a command like none',
      ['frobnicate'],
      {},
      'specl: unknown command `frobnicate`; the commands are check, compile, verify, diff, implement, repair, fmt, import, init, lsp, proxy, mcp (see `specl --help`)\n',
    ],
    [
      'a mistyped option',
      ['check', 'a.specl', '--fromat', 'json'],
      { 'a.specl': valid },
      'specl: unknown option `--fromat`; did you mean `--format`? (see `specl check --help`)\n',
    ],
  ];
  for (const [what, args, files, message] of cases) {
    it(`rejects ${what}`, () => {
      const cwd = tempProject(files);
      const run = runSpecl(args, cwd);
      expect(run.stderr).toBe(message.replace('CWD', cwd));
      expect(run.stdout).toBe('');
      expect(run.status).toBe(2);
    });
  }

  it('exits 2 with usage when run without a command', () => {
    const run = runSpecl([], tempProject({}));
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Usage: specl <command>');
  });

  it('writes --output atomically, leaving no temporary file', () => {
    const cwd = tempProject({ 'a.specl': valid, 'out/keep.txt': 'x' });
    const run = runSpecl(
      ['check', '--format', 'json', '--output', 'out/report.json', 'a.specl'],
      cwd,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(cwd, 'out/report.json'), 'utf8')).summary).toEqual({
      files: 1,
      errors: 0,
      warnings: 0,
    });
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['keep.txt', 'report.json']);
  });

  it('names the path when --output cannot be written', () => {
    const cwd = tempProject({ 'a.specl': valid });
    const run = runSpecl(['check', '--output', 'missing/dir/report.txt', 'a.specl'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'specl: cannot write `missing/dir/report.txt` (ENOENT); check that its folder exists and is writable\n',
    );
    expect(existsSync(join(cwd, 'missing'))).toBe(false);
  });
});
