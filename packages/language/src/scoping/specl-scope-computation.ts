import type { AstNodeDescription, LangiumDocument, LocalSymbols } from 'langium';
import {
  AstUtils,
  Cancellation,
  DefaultScopeComputation,
  MultiMap,
  interruptAndCheck,
} from 'langium';
import { BUILTIN_SCHEME } from '../workspace/builtins.js';

/**
 * Exports a file's top-level declarations (Langium's default), except from built-in
 * documents, whose declarations are reached only through the constructs that use them.
 * Local names are resolved by the scope provider from the AST, so no local symbol table is
 * precomputed (that pass would visit every node of every file for nothing).
 */
export class SpeclScopeComputation extends DefaultScopeComputation {
  /**
   * As Langium's (the root, then its children as `streamContents` gives them), but cancellation
   * is looked at every 256 children instead of before each: Langium awaited an async call for
   * every declaration, a promise and a turn of the microtask queue each (15,000 at N = 5,000).
   */
  override async collectExportedSymbols(
    document: LangiumDocument,
    cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
  ): Promise<AstNodeDescription[]> {
    if (document.uri.scheme === BUILTIN_SCHEME) return [];
    const root = document.parseResult.value;
    const exports: AstNodeDescription[] = [];
    this.addExportedSymbol(root, exports, document);
    let count = 0;
    for (const node of AstUtils.streamContents(root)) {
      if ((count++ & 255) === 0) await interruptAndCheck(cancelToken);
      this.addExportedSymbol(node, exports, document);
    }
    return exports;
  }

  override async collectLocalSymbols(): Promise<LocalSymbols> {
    return new MultiMap<never, AstNodeDescription>() as unknown as LocalSymbols;
  }
}
