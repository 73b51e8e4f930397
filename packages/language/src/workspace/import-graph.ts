import type { LangiumDocument } from 'langium';
import type { SpecFile } from '../generated/ast.js';
import { importedUris } from './imports.js';

/** Finds the document of a URI (as a string), or answers undefined when there is none. */
export type DocumentLookup = (uri: string) => LangiumDocument<SpecFile> | undefined;

/**
 * The import graph: the given roots and every document they import, transitively, that
 * `lookup` finds, each once, in depth-first pre-order (a root, then what it imports in
 * import order). The one walk of Specl's imports: the document builder loads files with it,
 * relinks the importers of a changed file with it, and lowering collects a spec's files with it.
 */
export function importClosure(
  roots: readonly LangiumDocument<SpecFile>[],
  lookup: DocumentLookup,
): LangiumDocument<SpecFile>[] {
  const order: LangiumDocument<SpecFile>[] = [];
  const seen = new Set<string>();
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const document = stack.pop()!;
    const key = document.uri.toString();
    if (seen.has(key)) continue;
    seen.add(key);
    order.push(document);
    const next: LangiumDocument<SpecFile>[] = [];
    for (const uri of importedUris(document)) {
      if (seen.has(uri)) continue;
      const imported = lookup(uri);
      if (imported) next.push(imported);
    }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  return order;
}
