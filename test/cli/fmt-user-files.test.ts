import {
  chmodSync,
  linkSync,
  lstatSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpecl, tempProject } from '../helpers/run-cli.js';

const messy = 'spec   Shop version "1.0.0"\ntype Item {name:String\n  count : Int}\n';
const tidy = 'spec Shop version "1.0.0"\ntype Item {\n  name: String\n  count: Int\n}\n';

// `specl fmt` changes a file's text and nothing else about it.
describe('specl fmt on the files of a user', () => {
  it('formats the file a symlink points to, and leaves the link a link', () => {
    const cwd = tempProject({ 'real/shop.specl': messy });
    symlinkSync('real/shop.specl', join(cwd, 'link.specl'));
    const run = runSpecl(['fmt', 'link.specl'], cwd);
    expect(run.stdout).toBe('formatted 1 of 1 file: link.specl\n');
    expect(lstatSync(join(cwd, 'link.specl')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(cwd, 'link.specl'))).toBe('real/shop.specl');
    expect(readFileSync(join(cwd, 'real/shop.specl'), 'utf8')).toBe(tidy);
  });

  it.each([0o600, 0o755])('keeps the mode %o', (mode) => {
    const cwd = tempProject({ 'shop.specl': messy });
    chmodSync(join(cwd, 'shop.specl'), mode);
    expect(runSpecl(['fmt', 'shop.specl'], cwd).status).toBe(0);
    expect(statSync(join(cwd, 'shop.specl')).mode & 0o777).toBe(mode);
    expect(readFileSync(join(cwd, 'shop.specl'), 'utf8')).toBe(tidy);
  });

  it('keeps a hard link: both names see the formatted text', () => {
    const cwd = tempProject({ 'shop.specl': messy });
    linkSync(join(cwd, 'shop.specl'), join(cwd, 'other-name.txt'));
    expect(runSpecl(['fmt', 'shop.specl'], cwd).status).toBe(0);
    expect(readFileSync(join(cwd, 'other-name.txt'), 'utf8')).toBe(tidy);
    expect(statSync(join(cwd, 'shop.specl')).nlink).toBe(2);
  });

  it('leaves a file that is not UTF-8 as it is, byte for byte, and says so', () => {
    const bytes = Buffer.concat([
      Buffer.from('spec   Shop version "1.0.0"\n// caf'),
      Buffer.from([0xe9, 0x0a]),
    ]);
    const cwd = tempProject({});
    writeFileSync(join(cwd, 'latin1.specl'), bytes);
    const run = runSpecl(['fmt', 'latin1.specl'], cwd);
    expect(run.stdout).toBe(
      'latin1.specl: not formatted: it is not valid UTF-8 text\n\n1 file checked: 0 already formatted; 1 file could not be formatted\n',
    );
    expect(run.status).toBe(1);
    expect(readFileSync(join(cwd, 'latin1.specl')).equals(bytes)).toBe(true);
  });

  it('refuses to rewrite a read-only file', () => {
    const cwd = tempProject({ 'shop.specl': messy });
    chmodSync(join(cwd, 'shop.specl'), 0o444);
    const run = runSpecl(['fmt', 'shop.specl'], cwd);
    expect(run.stderr).toBe('specl: `shop.specl` is read-only; make it writable to format it\n');
    expect(run.status).toBe(2);
    expect(readFileSync(join(cwd, 'shop.specl'), 'utf8')).toBe(messy);
  });
});

describe('specl fmt --check on files it cannot format', () => {
  it('does not call a folder "all formatted" when a file has syntax errors', () => {
    const cwd = tempProject({ 'broken.specl': 'type Item {\n  name: String\n', 'ok.specl': tidy });
    const run = runSpecl(['fmt', '--check'], cwd);
    expect(run.stdout).toContain('broken.specl: not formatted: fix its syntax errors first\n');
    expect(run.stdout).toMatch(
      /\n2 files checked: 1 formatted, 0 not formatted, 1 could not be formatted\n$/,
    );
    expect(run.stdout).not.toContain('all formatted');
    expect(run.status).toBe(1);
  });
});
