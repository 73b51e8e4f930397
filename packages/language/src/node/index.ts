import { URI } from 'langium';
import { createSpeclServices } from '../specl-module.js';
import type { CheckResult } from '../workspace/spec-workspace.js';
import { checkWorkspace } from '../workspace/spec-workspace.js';
import { ReaderFileSystem } from '../workspace/reader-file-system.js';
import { readSpecFromDisk } from './read-spec-from-disk.js';

/** Reads the text of a file by absolute path, or answers undefined when there is none. */
export type ReadSpecFile = (path: string) => Promise<string | undefined>;

/**
 * Checks spec files (absolute paths), with every file they import: parses, links and
 * validates them, and returns the diagnostics of all of them. Files are read from disk, or
 * through `read` (which `specl diff` uses to read a version from git). Never throws for bad
 * input: a root that cannot be read is listed in `unreadable`, and an import that cannot be
 * read is reported where it stands. `lazyCst` builds each declaration's CST only where it is
 * read (see `SpeclServiceOptions.lazyCst`): for a caller that reads few positions of the result.
 */
export async function checkSpecFiles(
  paths: readonly string[],
  read: ReadSpecFile = readSpecFromDisk,
  options: { lazyCst?: boolean } = {},
): Promise<CheckResult> {
  const fileSystem = new ReaderFileSystem((uri) => read(uri.fsPath));
  const { shared } = createSpeclServices(
    { fileSystemProvider: () => fileSystem },
    { indexReferences: false, lazyCst: options.lazyCst },
  );
  return checkWorkspace(
    shared,
    paths.map((path) => URI.file(path)),
  );
}

export type { CheckResult };
export { readSpecFromDisk, MAX_SPEC_BYTES } from './read-spec-from-disk.js';
export { GitNotInstalledError, GitRepository } from './git-repository.js';
export { languageCodeFolder } from './code-folder.js';
