import type { BuildOptions, Cancellation, LangiumDocument } from 'langium';
import { DefaultDocumentBuilder, DocumentState, URI } from 'langium';
import type { SpecFile } from '../generated/ast.js';
import { BUILTIN_SCHEME } from './builtins.js';
import { importClosure } from './import-graph.js';
import { importedUris } from './imports.js';

/**
 * Langium's document builder, aware of Specl's imports; the one builder of `specl check`, the
 * compiler and the language server:
 *
 * - a build also loads the files its documents import (transitively) that the workspace does
 *   not hold yet (read through the file system provider: the disk, a git commit, memory),
 *   such as a file outside the editor's workspace folder, so that their names resolve and
 *   their diagnostics are known;
 * - a change to a file relinks and revalidates every file that imports it, directly or not
 *   (their scopes and their cross-file checks depend on what it declares).
 */
export class SpeclDocumentBuilder extends DefaultDocumentBuilder {
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
    const absent = new Set<string>();
    const roots = documents.filter((document) => document.uri.scheme !== BUILTIN_SCHEME);
    for (;;) {
      const unparsed: LangiumDocument[] = [];
      const missing: string[] = [];
      for (const document of roots)
        if (document.state < DocumentState.Parsed) unparsed.push(document);
      importClosure(
        roots.filter(
          (document) => document.state >= DocumentState.Parsed,
        ) as LangiumDocument<SpecFile>[],
        (uri) => {
          if (!uri.endsWith('.specl') || absent.has(uri)) return undefined;
          const document = this.langiumDocuments.getDocument(URI.parse(uri));
          if (!document) missing.push(uri);
          else if (document.state < DocumentState.Parsed) unparsed.push(document);
          else return document as LangiumDocument<SpecFile>;
          return undefined;
        },
      );
      if (unparsed.length === 0 && missing.length === 0) return added;
      for (const document of new Set(unparsed)) {
        // Parsing early (as the first build phase would) tells what the document imports.
        await this.langiumDocumentFactory.update(document, cancelToken);
        document.state = DocumentState.Parsed;
      }
      for (const uri of new Set(missing)) {
        const target = URI.parse(uri);
        if (!(await this.exists(target))) {
          absent.add(uri);
          continue;
        }
        added.push(await this.langiumDocuments.getOrCreateDocument(target, cancelToken));
      }
    }
  }

  private async exists(uri: URI): Promise<boolean> {
    try {
      return (await this.fileSystemProvider.stat(uri)).isFile;
    } catch {
      return false;
    }
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
    if (document.state < DocumentState.Parsed) return false;
    const reachable = importClosure([document as LangiumDocument<SpecFile>], (uri) => {
      const next = this.langiumDocuments.getDocument(URI.parse(uri));
      return next && next.state >= DocumentState.Parsed
        ? (next as LangiumDocument<SpecFile>)
        : undefined;
    });
    return reachable.some((current) => importedUris(current).some((uri) => targets.has(uri)));
  }
}
