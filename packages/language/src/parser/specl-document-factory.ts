import type {
  AstNode,
  LangiumDocument,
  LangiumSharedCoreServices,
  Mutable,
  Cancellation,
} from 'langium';
import { DefaultLangiumDocumentFactory, DocumentState } from 'langium';
import { spliceDeclarations } from './splice-declarations.js';

/**
 * Langium's document factory, which re-parses a changed document incrementally when it can:
 * only the declarations the edit touched are parsed again (see {@link spliceDeclarations});
 * otherwise the whole text is, as Langium does.
 */
export class SpeclDocumentFactory extends DefaultLangiumDocumentFactory {
  constructor(private readonly shared: LangiumSharedCoreServices) {
    super(shared);
  }

  override async update<T extends AstNode = AstNode>(
    document: Mutable<LangiumDocument<T>>,
    cancellationToken: Cancellation.CancellationToken,
  ): Promise<LangiumDocument<T>> {
    const textDocument = this.textDocuments?.get(document.uri.toString());
    const old = document.parseResult.value.$cstNode?.root.fullText;
    if (textDocument && old !== undefined) {
      const text = textDocument.getText();
      if (old !== text && spliceDeclarations(this.shared, document, text)) {
        Object.defineProperty(document, 'textDocument', { value: textDocument });
        document.state = DocumentState.Parsed;
        return document;
      }
    }
    return super.update(document, cancellationToken);
  }
}
