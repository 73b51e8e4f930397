import { lstatSync, realpathSync } from 'node:fs';
import { protectedName } from './protected-names.js';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';

/** A path the agent may not touch; its message goes back to the model as an error result. */
export class PathRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathRefused';
  }
}

/** Whether `path` is `root` or inside it (both absolute and normalised). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The deepest part of `path` that exists (without following a final symlink), and the rest. */
function deepestExisting(path: string): { existing: string; rest: string[] } {
  const rest: string[] = [];
  let existing = path;
  for (;;) {
    try {
      lstatSync(existing);
      return { existing, rest };
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return { existing, rest };
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
}

/**
 * Resolves a path the model gave (relative to the implementation folder, or absolute) to a
 * path relative to the folder's real location, following every symlink on the way, and
 * refuses one that leads outside: `..` out of the folder, an absolute path elsewhere, a
 * symlink that points out (or nowhere), a `.specl` spec, or `.specl/`, `.git/`,
 * `node_modules/` (compared as the file system compares names: `.GIT` is `.git` where
 * case does not matter). `folders` are the folder as the user named it and its real path.
 */
export function resolveImplPath(
  requested: unknown,
  folders: { readonly given: string; readonly real: string; readonly caseInsensitive?: boolean },
  purpose: 'read' | 'write',
): string {
  if (typeof requested !== 'string' || requested.trim() === '')
    throw new PathRefused('give a path relative to the implementation folder');
  if (requested.includes('\0')) throw new PathRefused('a path cannot contain a NUL character');
  let lexical: string;
  if (isAbsolute(requested)) {
    const path = normalize(requested);
    const root = [folders.real, folders.given].find((folder) => isInside(folder, path));
    if (root === undefined)
      throw new PathRefused(
        `\`${requested}\` is outside the implementation folder; paths are relative to it`,
      );
    lexical = join(folders.real, relative(root, path));
  } else {
    lexical = resolve(folders.real, requested);
    if (!isInside(folders.real, lexical))
      throw new PathRefused(
        `\`${requested}\` leads out of the implementation folder (through \`..\`); stay inside it`,
      );
  }
  const { existing, rest } = deepestExisting(lexical);
  let real: string;
  try {
    real = join(realpathSync(existing), ...rest);
  } catch {
    throw new PathRefused(`\`${requested}\` goes through a symlink that points nowhere`);
  }
  if (!isInside(folders.real, real))
    throw new PathRefused(
      `\`${requested}\` goes through a symlink that leads out of the implementation folder`,
    );
  const inside = relative(folders.real, real);
  const segments = inside.split(sep);
  const insensitive = folders.caseInsensitive === true;
  const forbidden = segments.find((segment) => protectedName(segment, insensitive) !== undefined);
  if (forbidden !== undefined) {
    const name = protectedName(forbidden, insensitive)!;
    const shown =
      name === forbidden
        ? `\`${name}/\``
        : `\`${forbidden}/\` (which is \`${name}/\` on this file system)`;
    throw new PathRefused(`\`${requested}\` is inside ${shown}, which the agent never touches`);
  }
  if (purpose === 'write') {
    if (inside === '') throw new PathRefused('name a file to write, not the folder itself');
    if (/\.specl$/i.test(inside))
      throw new PathRefused(
        `\`${requested}\` is a spec file: the agent never writes specs; change the implementation so that it meets the spec`,
      );
  }
  return segments.join('/');
}
