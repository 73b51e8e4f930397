import type { LangiumSharedCoreServices } from 'langium';
import { DocumentState } from 'langium';

let generation = 0;

/** Forgets every memoised result: called whenever a document of the workspace changes. */
export function invalidateMemos(): void {
  generation++;
}

/**
 * A memo keyed by AST node, valid until the next change to the workspace (a change can relink
 * other documents, and so change what a node's results depend on).
 */
export function workspaceMemo<K extends object, V>(): {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
} {
  let map = new WeakMap<K, V>();
  let seen = generation;
  const current = () => {
    if (seen !== generation) {
      map = new WeakMap();
      seen = generation;
    }
    return map;
  };
  return {
    get: (key) => current().get(key),
    set: (key, value) => void current().set(key, value),
  };
}

/**
 * Forgets every memo (of this process: they are shared by all workspaces) whenever a document
 * of this workspace changes or a build indexes new content: a change can relink other
 * documents, and so change the types and fields their nodes have.
 */
export function invalidateMemosOnChange(shared: LangiumSharedCoreServices): void {
  shared.workspace.DocumentBuilder.onUpdate(() => invalidateMemos());
  shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, () =>
    invalidateMemos(),
  );
}
