import { lstatSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Folders the agent never reads or writes inside the implementation folder. */
export const PROTECTED_NAMES: readonly string[] = ['.git', 'node_modules', '.specl'];

/** `name` with each letter's case swapped (`Impl` → `iMPL`). */
function swapCase(name: string): string {
  return [...name]
    .map((char) => (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()))
    .join('');
}

/**
 * Whether the file system holding `folder` compares names case-insensitively: the folder is
 * looked up again by its name with each letter's case swapped, and is the same file. A name
 * without letters says nothing; then the platform's default is taken (macOS and Windows
 * are case-insensitive by default).
 */
export function isCaseInsensitiveAt(folder: string): boolean {
  const name = basename(folder);
  const swapped = swapCase(name);
  if (swapped === name) return process.platform === 'darwin' || process.platform === 'win32';
  try {
    const a = lstatSync(folder);
    const b = lstatSync(join(dirname(folder), swapped));
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}

/**
 * The form of a name the file system compares: as it is on a case-sensitive one; on a
 * case-insensitive one, Unicode-normalised (NFC), lower-cased, and (on Windows) without the
 * trailing dots and spaces that Windows drops.
 */
export function comparedName(name: string, caseInsensitive: boolean): string {
  if (!caseInsensitive) return name;
  const folded = name.normalize('NFC').toLowerCase();
  return process.platform === 'win32' ? folded.replace(/[. ]+$/, '') : folded;
}

/** The protected name `segment` stands for on this file system, if any. */
export function protectedName(segment: string, caseInsensitive: boolean): string | undefined {
  const compared = comparedName(segment, caseInsensitive);
  return PROTECTED_NAMES.find((name) => comparedName(name, caseInsensitive) === compared);
}
