import { readFile } from 'node:fs/promises';
import { NodeFileSystem } from 'langium/node';
import { URI } from 'langium';
import { createSpeclServices } from '../specl-module.js';
import type { CheckResult } from '../workspace/spec-workspace.js';
import { checkWorkspace } from '../workspace/spec-workspace.js';

/**
 * Checks spec files on disk (absolute paths), with every file they import: parses, links and
 * validates them, and returns the diagnostics of all of them. Never throws for bad input: a
 * root that cannot be read is listed in `unreadable`, and an import that cannot be read is
 * reported where it stands.

 */
export async function checkSpecFiles(paths: readonly string[]): Promise<CheckResult> {
  const { shared } = createSpeclServices(NodeFileSystem, { indexReferences: false });
  return checkWorkspace(
    shared,
    paths.map((path) => URI.file(path)),
    async (uri) => {
      try {
        return await readFile(uri.fsPath, 'utf8');
      } catch {
        return undefined;
      }
    },
  );
}

export type { CheckResult };
