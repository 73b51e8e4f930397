import { existsSync, linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './cli-error.js';

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it, so a reader
 * never sees half a file and an interrupted write leaves the old one. Throws a usage error
 * naming the path (as the user wrote it: `shownAs`) when the folder cannot be written.
 */
export function writeFileAtomic(path: string, content: string, shownAs = path): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError(
      `cannot write \`${shownAs}\` (${reason}); check that its folder exists and is writable`,
    );
  }
}

/**
 * Writes a new file atomically, never replacing one: the content goes to a temporary file that
 * is then linked to `path`, which fails when `path` exists (even if it appeared meanwhile).
 */
export function writeNewFileAtomic(path: string, content: string, shownAs = path): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && existsSync(path)) {
      throw new CliError(
        `\`${shownAs}\` exists; pass --force to overwrite it, or name another file with --out`,
      );
    }
    const reason = code ?? (error as Error).message;
    throw new CliError(
      `cannot write \`${shownAs}\` (${reason}); check that its folder exists and is writable`,
    );
  } finally {
    rmSync(temp, { force: true });
  }
}
