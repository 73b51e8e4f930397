import { realpathSync, statSync, writeFileSync } from 'node:fs';
import { CliError } from './cli-error.js';
import { writeFileSet } from './write-file-set.js';

/**
 * Replaces the content of a user's file (what `specl fmt` does) and nothing else about it:
 * through a symlink the file it points to is changed (the link stays a link); the file keeps
 * its mode; a file with other hard links is rewritten in place (a rename would cut it from
 * them), any other file atomically. A read-only file is refused: its owner meant it to stay.
 */
export function rewriteUserFile(path: string, content: string, shown: string): void {
  let target: string;
  let stats;
  try {
    target = realpathSync(path);
    stats = statSync(target);
  } catch (error) {
    throw new CliError(`cannot write \`${shown}\` (${(error as NodeJS.ErrnoException).code})`);
  }
  if ((stats.mode & 0o222) === 0) {
    throw new CliError(`\`${shown}\` is read-only; make it writable to format it`);
  }
  if (stats.nlink > 1) {
    try {
      writeFileSync(target, content);
    } catch (error) {
      throw new CliError(`cannot write \`${shown}\` (${(error as NodeJS.ErrnoException).code})`);
    }
    return;
  }
  writeFileSet([{ path: target, content, shown, mode: stats.mode & 0o7777 }]);
}
