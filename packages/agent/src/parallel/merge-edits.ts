import type { MergeConflict } from '../agent-options.js';
import type { StagedEdit } from '../staged-impl.js';

/** What one agent of a parallel run changed. */
export interface AgentEdits {
  readonly agent: string;
  readonly edits: readonly StagedEdit[];
}

/** The merge of several agents' changes: the files that agree, and those that do not. */
export interface MergedEdits {
  /** Each file changed by one agent, or by several to the same text. */
  readonly merged: readonly { readonly relative: string; readonly after: string }[];
  /** Each file that agents changed to different texts. */
  readonly conflicts: readonly MergeConflict[];
}

/**
 * Merges the changes of the agents of a parallel run, file by file: a file one agent changed,
 * or several to the same text, is taken; a file changed to different texts is a conflict,
 * with every agent's version (agents in the order given, files by path).
 */
export function mergeEdits(parts: readonly AgentEdits[]): MergedEdits {
  const byFile = new Map<string, { agent: string; text: string }[]>();
  for (const part of parts)
    for (const edit of part.edits)
      byFile.set(edit.relative, [
        ...(byFile.get(edit.relative) ?? []),
        { agent: part.agent, text: edit.after },
      ]);
  const merged: { relative: string; after: string }[] = [];
  const conflicts: MergeConflict[] = [];
  for (const relative of [...byFile.keys()].sort()) {
    const versions = byFile.get(relative)!;
    if (versions.every((version) => version.text === versions[0]!.text))
      merged.push({ relative, after: versions[0]!.text });
    else conflicts.push({ relative, versions });
  }
  return { merged, conflicts };
}
