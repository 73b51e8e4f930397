import { EmptyFileSystem, URI } from 'langium';
import { createSpeclServices } from './specl-module.js';
import type { CheckResult } from './workspace/spec-workspace.js';
import { checkWorkspace } from './workspace/spec-workspace.js';

/**
 * Checks specs held in memory: `files` maps absolute paths (`/app/main.specl`) to their
 * text. The first entries, or those named in `roots`, are checked with what they import.
 */
export async function checkSources(
  files: Record<string, string>,
  roots?: readonly string[],
): Promise<CheckResult> {
  const { shared } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
  const uris = (roots ?? Object.keys(files)).map((path) => URI.file(path));
  return checkWorkspace(shared, uris, async (uri) => files[uri.path]);
}
