import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

/** Diagnostics as last published for a document, with the text they belong to. */
export interface PublishedDiagnostics {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Publishes diagnostics to the editor and remembers what it published. Every publication
 * goes through it (it takes the connection's `sendDiagnostics`): those of a full check whose
 * text is no longer the editor's (the document changed while it was being checked) are
 * dropped, so that the editor never shows diagnostics older than ones it already has.
 *
 * Other sources (the verifier) attach diagnostics of their own to a document with
 * {@link setExtra}: they are sent along with every publication of the checker's diagnostics
 * until their source replaces or clears them.
 */
export class DiagnosticsPublisher {
  private readonly published = new Map<string, PublishedDiagnostics>();
  /** Extra diagnostics by document URI, then by source. */
  private readonly extras = new Map<string, Map<string, readonly Diagnostic[]>>();
  private readonly send: (params: PublishDiagnosticsParams) => Promise<void>;

  constructor(
    private readonly shared: LangiumSharedServices,
    connection: Connection,
  ) {
    this.send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params) => this.publishChecked(params);
  }

  /** What was last published for a document, if anything. */
  lastPublished(uri: string): PublishedDiagnostics | undefined {
    return this.published.get(uri);
  }

  /** Publishes diagnostics computed for the given text of a document. */
  publishFor(uri: string, text: string, diagnostics: Diagnostic[]): Promise<void> {
    this.published.set(uri, { text, diagnostics });
    return this.sendWithExtras(uri, diagnostics);
  }

  /**
   * Attaches a source's own diagnostics to a document (an empty list clears them), and
   * publishes them at once with the checker's last diagnostics of that document.
   */
  setExtra(uri: string, source: string, diagnostics: readonly Diagnostic[]): Promise<void> {
    const bySource = this.extras.get(uri) ?? new Map<string, readonly Diagnostic[]>();
    const had = bySource.has(source);
    if (diagnostics.length > 0) bySource.set(source, diagnostics);
    else bySource.delete(source);
    if (bySource.size > 0) this.extras.set(uri, bySource);
    else this.extras.delete(uri);
    if (!had && diagnostics.length === 0) return Promise.resolve();
    return this.sendWithExtras(uri, this.published.get(uri)?.diagnostics ?? []);
  }

  /** A source's diagnostics attached to a document. */
  extra(uri: string, source: string): readonly Diagnostic[] {
    return this.extras.get(uri)?.get(source) ?? [];
  }

  private sendWithExtras(uri: string, diagnostics: readonly Diagnostic[]): Promise<void> {
    const extras = [...(this.extras.get(uri)?.values() ?? [])].flat();
    return this.send({ uri, diagnostics: [...diagnostics, ...extras] });
  }

  /** Publishes the diagnostics of a full check of a document (Langium's builder calls this). */
  private async publishChecked(params: PublishDiagnosticsParams): Promise<void> {
    const documents = this.shared.workspace.LangiumDocuments;
    const document = documents.all.find((d) => d.uri.toString() === params.uri);
    const checked = document?.parseResult.value.$cstNode?.root.fullText;
    const current = this.shared.workspace.TextDocuments.get(params.uri)?.getText();
    if (checked !== undefined && current !== undefined && checked !== current) return;
    if (checked === undefined) this.published.delete(params.uri);
    else this.published.set(params.uri, { text: checked, diagnostics: params.diagnostics });
    await this.sendWithExtras(params.uri, params.diagnostics);
  }
}
