import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'langium';
import type { DiagnosticsPublisher } from './diagnostics/diagnostics-publisher.js';
import { quickDiagnostics } from './diagnostics/quick-diagnostics.js';

/** The timers of every JavaScript host (Node, browsers), which the ES library does not declare. */
const timers = globalThis as unknown as {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/** Full checks waiting for the typing to pause, which requests can start at once. */
export interface PendingUpdates {
  /** Whether a full check of the document (or of any document) is waiting. */
  hasPending(uri?: string): boolean;
  /** Starts the waiting full checks of the document (or of all) now; resolves when they are done. */
  flush(uri?: string): Promise<void>;
}

/**
 * Langium's update handler with two changes. A changed document is first checked quickly:
 * what the change touched is checked alone and published at once (see
 * {@link quickDiagnostics}), whatever the size of the file. The full check of the file
 * follows once the typing pauses ({@link FULL_CHECK_DELAY_MS}), so that it does not hold up
 * the next keystroke's quick check; a request that needs the full check (hover, rename, ...)
 * starts it at once (see `SpeclLspDocumentBuilder.waitUntil`).
 */
export class SpeclDocumentUpdateHandler
  extends DefaultDocumentUpdateHandler
  implements PendingUpdates
{
  private readonly pending = new Map<
    string,
    { change: TextDocumentChangeEvent<TextDocument>; timer?: unknown }
  >();

  constructor(
    private readonly sharedServices: LangiumSharedServices,
    private readonly publisher: () => DiagnosticsPublisher | undefined,
  ) {
    super(sharedServices);
  }

  override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
    const uri = change.document.uri;
    timers.clearTimeout(this.pending.get(uri)?.timer);
    const entry: {
      change: TextDocumentChangeEvent<TextDocument>;
      timer?: unknown;
    } = { change };
    this.pending.set(uri, entry);
    void this.quickCheck(change.document)
      .catch((error: unknown) =>
        this.sharedServices.lsp.Connection?.console.error(`quick check failed: ${String(error)}`),
      )
      .finally(() => {
        if (this.pending.get(uri) !== entry) return;
        entry.timer = timers.setTimeout(() => {
          this.pending.delete(uri);
          super.didChangeContent(change);
        }, FULL_CHECK_DELAY_MS);
      });
  }

  hasPending(uri?: string): boolean {
    return uri === undefined ? this.pending.size > 0 : this.pending.has(uri);
  }

  async flush(uri?: string): Promise<void> {
    const uris = (uri === undefined ? [...this.pending.keys()] : [uri]).filter((u) =>
      this.pending.has(u),
    );
    if (uris.length === 0) return;
    for (const u of uris) {
      timers.clearTimeout(this.pending.get(u)?.timer);
      this.pending.delete(u);
    }
    await this.workspaceManager.ready;
    await this.workspaceLock.write((token) =>
      this.documentBuilder.update(
        uris.map((u) => URI.parse(u)),
        [],
        token,
      ),
    );
  }

  private async quickCheck(textDocument: TextDocument): Promise<void> {
    const publisher = this.publisher();
    const uri = URI.parse(textDocument.uri);
    const document = this.sharedServices.workspace.LangiumDocuments.getDocument(uri);
    const before = publisher?.lastPublished(textDocument.uri);
    if (
      !publisher ||
      !document ||
      !before ||
      !this.sharedServices.ServiceRegistry.hasServices(uri)
    ) {
      return;
    }
    const services = this.sharedServices.ServiceRegistry.getServices(uri) as Parameters<
      typeof quickDiagnostics
    >[0];
    const text = textDocument.getText();
    const diagnostics = await quickDiagnostics(services, document, before, text);
    // Publish only if the text is still the editor's (another keystroke may have come).
    if (diagnostics && textDocument.getText() === text) {
      await publisher.publishFor(textDocument.uri, text, diagnostics);
    }
  }
}

/** How long the typing must pause before a changed document gets its full check. */
export const FULL_CHECK_DELAY_MS = 150;
