import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { extraDiagnosticSources } from './extra-diagnostic-sources.js';

/** Diagnostics as last published for a document, with the text they belong to. */
export interface PublishedDiagnostics {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Publishes diagnostics to the editor and remembers what it published. Every publication
 * goes through it (it takes the connection's `sendDiagnostics`): those of a full check whose
 * text is no longer the editor's (the document changed while it was being checked) are
 * dropped, so that the editor never shows diagnostics older than ones it already has. The
 * extra diagnostics of other sources (breaking changes since a baseline, the verifier; see
 * `ExtraDiagnosticSources`) are added to every publication, and published again when they
 * change.
 */
export class DiagnosticsPublisher {
  private readonly published = new Map<string, PublishedDiagnostics>();
  private readonly send: (params: PublishDiagnosticsParams) => Promise<void>;

  constructor(
    private readonly shared: LangiumSharedServices,
    connection: Connection,
  ) {
    const send = connection.sendDiagnostics.bind(connection);
    const extra = extraDiagnosticSources(shared);
    this.send = (params) => {
      const text = this.published.get(params.uri)?.text;
      const added = extra.diagnosticsFor(params.uri, text);
      return send(
        added.length === 0 ? params : { ...params, diagnostics: [...params.diagnostics, ...added] },
      );
    };
    connection.sendDiagnostics = (params) => this.publishChecked(params);
    extra.onDidChange((uri) => {
      const last = this.published.get(uri);
      if (last) void this.send({ uri, diagnostics: [...last.diagnostics] });
    });
  }

  /** What the checker last published for a document (without extra diagnostics), if anything. */
  lastPublished(uri: string): PublishedDiagnostics | undefined {
    return this.published.get(uri);
  }

  /** Publishes diagnostics computed for the given text of a document. */
  publishFor(uri: string, text: string, diagnostics: Diagnostic[]): Promise<void> {
    this.published.set(uri, { text, diagnostics });
    return this.sendWithExtras(uri, diagnostics);
  }

  /**
   * Attaches a source's own diagnostics to a document until it replaces them (an empty list
   * clears them): they are published at once with the checker's last diagnostics.
   */
  setExtra(uri: string, source: string, diagnostics: readonly Diagnostic[]): Promise<void> {
    const registry = extraDiagnosticSources(this.shared);
    if (diagnostics.length > 0) registry.set(uri, source, diagnostics);
    else registry.clear(uri, source);
    return Promise.resolve();
  }

  private sendWithExtras(uri: string, diagnostics: readonly Diagnostic[]): Promise<void> {
    return this.send({ uri, diagnostics: [...diagnostics] });
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
