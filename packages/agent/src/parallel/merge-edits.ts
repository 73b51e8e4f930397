import { applyPatch, structuredPatch } from 'diff';
import type { MergeConflict } from '../agent-options.js';
import type { StagedEdit } from '../staged-impl.js';

/** What one agent of a parallel run changed. */
export interface AgentEdits {
  readonly agent: string;
  readonly edits: readonly StagedEdit[];
}

/** The merge of several agents' changes: the files that agree, and those that do not. */
export interface MergedEdits {
  /** Each file changed by one agent, by several to the same text, or by several apart. */
  readonly merged: readonly { readonly relative: string; readonly after: string }[];
  /** The files several agents changed in different places, merged line by line. */
  readonly combined: readonly { readonly relative: string; readonly agents: readonly string[] }[];
  /** Each file that agents changed in the same place differently (or created differently). */
  readonly conflicts: readonly MergeConflict[];
}

type Version = { readonly agent: string; readonly text: string };

/** Applies each version's change from `base` in turn; undefined when one does not apply. */
function applyInTurn(base: string, versions: readonly Version[]): string | undefined {
  let merged = versions[0]!.text;
  for (const version of versions.slice(1)) {
    const patch = structuredPatch('base', 'version', base, version.text, '', '', { context: 3 });
    const next = applyPatch(merged, patch, { fuzzFactor: 0 });
    if (next === false) return undefined;
    merged = next;
  }
  return merged;
}

/**
 * The versions of a file merged line by line from the text they all started from, as a
 * three-way merge does: when their changes touch different lines (with three lines of context
 * between them), applying them in the order given and in the reverse order gives one text,
 * and that is the merge; otherwise (changes in one place, or placed ambiguously) none.
 */
export function mergeLines(base: string, versions: readonly Version[]): string | undefined {
  const forward = applyInTurn(base, versions);
  if (forward === undefined) return undefined;
  return applyInTurn(base, [...versions].reverse()) === forward ? forward : undefined;
}

/**
 * Merges the changes of the agents of a parallel run, file by file: a file one agent changed,
 * or several to the same text, is taken; a file several changed in different places is merged
 * line by line ({@link mergeLines}); any other is a conflict, with every agent's version
 * (agents in the order given, files by path).
 */
export function mergeEdits(parts: readonly AgentEdits[]): MergedEdits {
  const byFile = new Map<string, (Version & { before: string | null })[]>();
  for (const part of parts)
    for (const edit of part.edits)
      byFile.set(edit.relative, [
        ...(byFile.get(edit.relative) ?? []),
        { agent: part.agent, text: edit.after, before: edit.before },
      ]);
  const merged: { relative: string; after: string }[] = [];
  const combined: { relative: string; agents: string[] }[] = [];
  const conflicts: MergeConflict[] = [];
  for (const relative of [...byFile.keys()].sort()) {
    const versions = byFile.get(relative)!;
    if (versions.every((version) => version.text === versions[0]!.text)) {
      merged.push({ relative, after: versions[0]!.text });
      continue;
    }
    const base = versions[0]!.before;
    const sameBase = versions.every((version) => version.before === base);
    const lines = base !== null && sameBase ? mergeLines(base, versions) : undefined;
    if (lines !== undefined) {
      merged.push({ relative, after: lines });
      combined.push({ relative, agents: versions.map((version) => version.agent) });
    } else
      conflicts.push({
        relative,
        versions: versions.map(({ agent, text }) => ({ agent, text })),
      });
  }
  return { merged, combined, conflicts };
}
