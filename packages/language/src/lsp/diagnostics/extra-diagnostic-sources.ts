import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';

/** The diagnostics one extra source has for a document. */
interface ExtraEntry {
  readonly diagnostics: readonly Diagnostic[];
  /** The text they were computed for; they are shown only while the document has it. */
  readonly text?: string;
}

/**
 * Diagnostics that come from outside the checker (the breaking changes since a git baseline,
 * the verifier's results), per document and per source. The diagnostics publisher merges them
 * with the checker's every time it publishes a document, so that the next check does not wipe
 * them out, and publishes again when a source changes its diagnostics.
 */
export class ExtraDiagnosticSources {
  private readonly entries = new Map<string, Map<string, ExtraEntry>>();
  private readonly listeners: ((uri: string) => void)[] = [];

  /**
   * Sets the diagnostics of a source (such as `specl diff`) for a document, replacing what it
   * had. With `text`, they are shown only while the document has that text (their places
   * belong to it); without, until the source sets or clears them again.
   */
  set(uri: string, source: string, diagnostics: readonly Diagnostic[], text?: string): void {
    const forUri = this.entries.get(uri) ?? new Map<string, ExtraEntry>();
    const before = forUri.get(source);
    if (before === undefined && diagnostics.length === 0) return;
    if (diagnostics.length === 0) forUri.delete(source);
    else forUri.set(source, text === undefined ? { diagnostics } : { diagnostics, text });
    if (forUri.size === 0) this.entries.delete(uri);
    else this.entries.set(uri, forUri);
    for (const listener of this.listeners) listener(uri);
  }

  /** Removes the diagnostics of a source for a document. */
  clear(uri: string, source: string): void {
    this.set(uri, source, []);
  }

  /** The extra diagnostics of a document that hold for its given text, source by source. */
  diagnosticsFor(uri: string, text: string | undefined): Diagnostic[] {
    const forUri = this.entries.get(uri);
    if (!forUri) return [];
    return [...forUri.keys()].sort().flatMap((source) => {
      const entry = forUri.get(source)!;
      return entry.text === undefined || entry.text === text ? entry.diagnostics : [];
    });
  }

  /** Calls `listener` with the URI of every document whose extra diagnostics changed. */
  onDidChange(listener: (uri: string) => void): void {
    this.listeners.push(listener);
  }
}

/**
 * The extra diagnostic sources of a language server: the service `specl.ExtraDiagnostics`
 * (one registry per set of services; see `SpeclSharedLspAddedModule`).
 */
export function extraDiagnosticSources(shared: LangiumSharedServices): ExtraDiagnosticSources {
  const services = shared as LangiumSharedServices & {
    readonly specl?: { readonly ExtraDiagnostics: ExtraDiagnosticSources };
  };
  if (!services.specl) throw new Error('these services have no Specl extra diagnostic sources');
  return services.specl.ExtraDiagnostics;
}
