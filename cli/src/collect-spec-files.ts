import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { CliError } from './cli-error.js';

const skippedFolders = new Set(['node_modules', 'dist', 'out', 'build']);

/**
 * The absolute paths of the spec files the arguments name: files as given, folders searched
 * recursively for `*.specl` (skipping dot-folders, node_modules and build outputs). Sorted and
 * without duplicates. Throws a usage error for a path that does not exist, a file that is not
 * a `.specl` file or not a regular file, or a folder that holds none.
 */
export function collectSpecFiles(args: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new CliError(`cannot find \`${arg}\`; check the path (it is relative to ${cwd})`);
    }
    if (stats.isDirectory()) {
      const before = found.size;
      walk(path, found);
      if (found.size === before) throw new CliError(`no .specl files found under \`${arg}\``);
    } else if (extname(path) !== '.specl') {
      throw new CliError(`\`${arg}\` is not a .specl file`);
    } else if (!stats.isFile()) {
      throw new CliError(
        `\`${arg}\` is not a regular file (a pipe or a device?); name a spec file`,
      );
    } else {
      found.add(path);
    }
  }
  return [...found].sort();
}

function walk(folder: string, found: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !skippedFolders.has(entry.name)) walk(path, found);
    } else if (entry.isFile() && entry.name.endsWith('.specl')) {
      found.add(path);
    }
  }
}
