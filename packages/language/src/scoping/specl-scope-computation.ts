import type { AstNodeDescription, LangiumDocument, LocalSymbols } from 'langium';
import type { Cancellation } from 'langium';
import { DefaultScopeComputation, MultiMap } from 'langium';
import { BUILTIN_SCHEME } from '../workspace/builtins.js';

/**
 * Exports a file's top-level declarations (Langium's default), except from built-in
 * documents, whose declarations are reached only through the constructs that use them.
 * Local names are resolved by the scope provider from the AST, so no local symbol table is
 * precomputed (that pass would visit every node of every file for nothing).
 */
export class SpeclScopeComputation extends DefaultScopeComputation {
  override async collectExportedSymbols(
    document: LangiumDocument,
    cancelToken?: Cancellation.CancellationToken,
  ): Promise<AstNodeDescription[]> {
    if (document.uri.scheme === BUILTIN_SCHEME) return [];
    return super.collectExportedSymbols(document, cancelToken);
  }

  override async collectLocalSymbols(): Promise<LocalSymbols> {
    return new MultiMap<never, AstNodeDescription>() as unknown as LocalSymbols;
  }
}
