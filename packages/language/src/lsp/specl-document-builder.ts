import type {
  BuildOptions,
  LangiumDocument,
  LangiumSharedCoreServices,
  URI,
  Cancellation,
} from 'langium';
import { DefaultDocumentBuilder, DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { SpecFile } from '../generated/ast.js';
import type { PendingUpdates } from './specl-document-update-handler.js';
import { BUILTIN_SCHEME } from '../workspace/builtins.js';
import { importedUris, resolveImportUri } from '../workspace/imports.js';
import { URI as LangiumUri } from 'langium';

/**
 * Langium's document builder, aware of Specl's imports:
 *
 * - a build also loads the files its documents import (transitively) that the workspace does
 *   not hold yet, such as a file outside the editor's workspace folder, so that their names
 *   resolve and their diagnostics are published;
 * - a change to a file relinks and revalidates every file that imports it, directly or not
 *   (their scopes and their cross-file checks depend on what it declares).
 */
/**
 * The document state completion asks for (instead of Langium's `Linked`): completion answers
 * from the current text without waiting for the full check of a changed document.
 */
export const COMPLETION_STATE = DocumentState.IndexedContent;

export class SpeclDocumentBuilder extends DefaultDocumentBuilder {
  constructor(private readonly sharedServices: LangiumSharedCoreServices) {
    super(sharedServices);
  }

  protected override async buildDocuments(
    documents: LangiumDocument[],
    options: BuildOptions,
    cancelToken: Cancellation.CancellationToken,
  ): Promise<void> {
    const imported = await this.loadImports(documents, cancelToken);
    await super.buildDocuments([...documents, ...imported], options, cancelToken);
  }

  /** The documents of imported files that were not in the workspace, now added to it. */
  private async loadImports(
    documents: LangiumDocument[],
    cancelToken: Cancellation.CancellationToken,
  ): Promise<LangiumDocument[]> {
    const added: LangiumDocument[] = [];
    const queue = [...documents];
    const seen = new Set(documents.map((document) => document.uri.toString()));
    while (queue.length > 0) {
      const document = queue.shift()!;
      if (document.uri.scheme === BUILTIN_SCHEME) continue;
      if (document.state < DocumentState.Parsed) {
        // Parsing early (as the first build phase would) tells what the document imports.
        await this.langiumDocumentFactory.update(document, cancelToken);
        document.state = DocumentState.Parsed;
      }
      for (const uri of importedUris(document as LangiumDocument<SpecFile>)) {
        if (!uri.endsWith('.specl') || seen.has(uri)) continue;
        seen.add(uri);
        const target = LangiumUri.parse(uri);
        let imported = this.langiumDocuments.getDocument(target);
        if (!imported) {
          if (!(await this.exists(target))) continue;
          imported = await this.langiumDocuments.getOrCreateDocument(target, cancelToken);
          added.push(imported);
        }
        queue.push(imported);
      }
    }
    return added;
  }

  private async exists(uri: URI): Promise<boolean> {
    try {
      return (await this.fileSystemProvider.stat(uri)).isFile;
    } catch {
      return false;
    }
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

  /** Built-in documents are Specl's own and never reported on. */
  protected override shouldValidate(document: LangiumDocument): boolean {
    return document.uri.scheme !== BUILTIN_SCHEME && super.shouldValidate(document);
  }

  protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
    return (
      super.shouldRelink(document, changedUris) || this.importsTransitively(document, changedUris)
    );
  }

  /** Whether a document imports one of the given files, directly or through other imports. */
  private importsTransitively(document: LangiumDocument, targets: Set<string>): boolean {
    const seen = new Set<string>([document.uri.toString()]);
    const queue = [document];
    while (queue.length > 0) {
      const current = queue.shift()!;
      if (current.state < DocumentState.Parsed) continue;
      for (const imp of (current as LangiumDocument<SpecFile>).parseResult.value.imports ?? []) {
        if (typeof imp.path !== 'string') continue;
        const uri = resolveImportUri(current, imp.path).toString();
        if (targets.has(uri)) return true;
        if (seen.has(uri)) continue;
        seen.add(uri);
        const next = this.langiumDocuments.getDocument(LangiumUri.parse(uri));
        if (next) queue.push(next);
      }
    }
    return false;
  }
}
