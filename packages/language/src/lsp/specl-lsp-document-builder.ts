import type {
  AstNode,
  Cancellation,
  LangiumDocument,
  LangiumSharedCoreServices,
  URI,
} from 'langium';
import { DocumentState } from 'langium';
import { IncrementalLinker } from './incremental-linker.js';
import type { LangiumSharedServices } from 'langium/lsp';
import { SpeclDocumentBuilder } from '../workspace/specl-document-builder.js';
import type { PendingUpdates } from './specl-document-update-handler.js';

/**
 * The document state completion asks for (instead of Langium's `Linked`): completion answers
 * from the current text without waiting for the full check of a changed document.
 */
export const COMPLETION_STATE = DocumentState.IndexedContent;

/**
 * Specl's document builder (imports loaded, importers relinked: the builder `specl check`
 * uses) with the language server's waiting: a request waiting for a state starts the checks
 * that wait for the typing to pause.
 */
export class SpeclLspDocumentBuilder extends SpeclDocumentBuilder {
  /** The file an update changes, when it changes that one file only (and deletes none). */
  private editedOnly: string | undefined;

  constructor(private readonly sharedServices: LangiumSharedCoreServices) {
    super(sharedServices);
  }

  override async update(
    changed: URI[],
    deleted: URI[],
    cancelToken?: Cancellation.CancellationToken,
  ): Promise<void> {
    this.editedOnly =
      changed.length === 1 && deleted.length === 0 ? changed[0]!.toString() : undefined;
    try {
      await super.update(changed, deleted, cancelToken);
    } finally {
      this.editedOnly = undefined;
    }
  }

  /**
   * A document reset because its own text changed (and no other file did) keeps its links for
   * the link after the edit to reuse (see {@link IncrementalLinker}); any other reset that
   * unlinks a document unlinks all of it, as Langium's does.
   */
  override resetToState<T extends AstNode>(
    document: LangiumDocument<T>,
    state: DocumentState,
  ): void {
    if (state < DocumentState.Linked && this.serviceRegistry.hasServices(document.uri)) {
      const linker = this.serviceRegistry.getServices(document.uri).references.Linker;
      if (linker instanceof IncrementalLinker) {
        if (state === DocumentState.Changed && this.editedOnly === document.uri.toString()) {
          linker.keepForEdit(document);
        } else {
          linker.forget(document);
        }
      }
    }
    super.resetToState(document, state);
  }

  /**
   * Before a request waits for a document (or the workspace) to reach a state, the full
   * checks that wait for the typing to pause start at once (see `SpeclDocumentUpdateHandler`).
   * Completion and signature help do not wait for them: they ask for {@link COMPLETION_STATE}
   * and answer from the text as it is (they read the declaration at the cursor themselves).
   */
  override waitUntil(
    state: DocumentState,
    cancelToken?: Cancellation.CancellationToken,
  ): Promise<void>;
  override waitUntil(
    state: DocumentState,
    uri?: URI,
    cancelToken?: Cancellation.CancellationToken,
  ): Promise<URI>;
  override waitUntil(
    state: DocumentState,
    uriOrToken?: URI | Cancellation.CancellationToken,
    cancelToken?: Cancellation.CancellationToken,
  ): Promise<URI | void> {
    const uri = uriOrToken && 'path' in uriOrToken ? uriOrToken : undefined;
    const pending = this.pendingUpdates();
    const wait = (): Promise<URI | void> =>
      uri
        ? super.waitUntil(state, uri, cancelToken)
        : super.waitUntil(state, uriOrToken as Cancellation.CancellationToken | undefined);
    if (!pending?.hasPending(uri?.toString()) || (uri && state === COMPLETION_STATE)) return wait();
    return pending.flush(uri?.toString()).then(wait);
  }

  private pendingUpdates(): PendingUpdates | undefined {
    const handler = (this.sharedServices as Partial<LangiumSharedServices>).lsp
      ?.DocumentUpdateHandler;
    return handler && 'flush' in handler ? (handler as unknown as PendingUpdates) : undefined;
  }
}
