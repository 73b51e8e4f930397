// readSpecFromDisk reads a regular file as UTF-8 and answers undefined for anything else, at once:
// a FIFO (no writer ever comes), a folder, a missing file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSpecFromDisk } from '../../packages/language/src/node/read-spec-from-disk.js';

describe('readSpecFromDisk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'specl-read-spec-'));

  it('reads a regular file as UTF-8', async () => {
    const text = 'spec Caf\u00e9 version "1.0.0"\n/// \u{1f600}\n';
    writeFileSync(join(dir, 'a.specl'), text);
    expect(await readSpecFromDisk(join(dir, 'a.specl'))).toBe(text);
  });

  it('answers undefined for a FIFO, a folder and a missing file', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.specl')]);
    mkdirSync(join(dir, 'folder.specl'));
    expect(await readSpecFromDisk(join(dir, 'pipe.specl'))).toBeUndefined();
    expect(await readSpecFromDisk(join(dir, 'folder.specl'))).toBeUndefined();
    expect(await readSpecFromDisk(join(dir, 'missing.specl'))).toBeUndefined();
  });
});
