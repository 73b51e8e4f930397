import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { Refused } from './workspace.js';
import type { Workspace } from './workspace.js';

/** The most files one document may pull in through `$ref`s. */
const MAX_FILES = 200;

/** Every `$ref` string of a parsed document, wherever it stands. */
function refsOf(value: unknown, into: string[]): void {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    for (const [key, inner] of Object.entries(node as Record<string, unknown>)) {
      if (key === '$ref' && typeof inner === 'string') into.push(inner);
      else stack.push(inner);
    }
  }
}

/**
 * Checks, before import reads it, that an OpenAPI document of the workspace and every file
 * its `$ref`s reach (transitively) are files inside the workspace root, within the size
 * limit: a document that points at `../../home/me/.ssh/id_rsa`, or at a URL, is refused
 * here, before anything outside is read. Answers the document's real path.
 */
export function checkConfinedRefs(workspace: Workspace, requested: string): string {
  const first = workspace.resolve(requested);
  const seen = new Set<string>([first]);
  const pending = [{ path: first, shown: requested }];
  while (pending.length > 0) {
    const { path, shown } = pending.pop()!;
    const { text } = workspace.read(path);
    let parsed: unknown;
    try {
      parsed = parse(text, { maxAliasCount: 1000 });
    } catch (error) {
      throw new Refused(
        `\`${shown}\` is neither JSON nor YAML: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    const refs: string[] = [];
    refsOf(parsed, refs);
    for (const ref of refs) {
      if (ref.startsWith('#')) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^file:/i.test(ref))
        throw new Refused(
          `\`${shown}\` has the $ref \`${ref}\`: this server reads no URL; only refs to files of the workspace`,
        );
      const file = decodeURIComponent(ref.split('#')[0]!.replace(/^file:(\/\/)?/i, ''));
      let target: string;
      try {
        target = workspace.resolve(resolve(dirname(path), file));
      } catch (error) {
        throw new Refused(
          `\`${shown}\` has the $ref \`${ref}\`, refused: ${(error as Error).message}`,
        );
      }
      if (seen.has(target)) continue;
      seen.add(target);
      if (seen.size > MAX_FILES)
        throw new Refused(
          `\`${requested}\` reaches more than ${MAX_FILES} files through its $refs`,
        );
      pending.push({ path: target, shown: workspace.shown(target) });
    }
  }
  return first;
}
