import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SpecFile } from '../generated/ast.js';
import { diagnosticCodes } from '../validation/diagnostic-codes.js';
import type { DiagnosticCode, Severity } from '../validation/diagnostic-codes.js';
import { ensureBuiltinDocuments } from './builtins.js';
import { importClosure } from './import-graph.js';

/** A diagnostic of a checked file, with 0-based LSP positions. */
export interface SpecDiagnostic {
  readonly uri: string;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly range: Diagnostic['range'];
}

/** What checking a set of files found. */
export interface CheckResult {
  /** Every file that was checked (those asked for and those they import), sorted by URI. */
  readonly uris: readonly string[];
  /** Every file's text, by URI, for code frames. */
  readonly texts: ReadonlyMap<string, string>;
  /** Every diagnostic, sorted by file, then position, then code. */
  readonly diagnostics: readonly SpecDiagnostic[];
  /** The built documents, for the stages after checking. */
  readonly documents: readonly LangiumDocument<SpecFile>[];
  /** The roots that could not be read (imports that cannot be read are diagnostics instead). */
  readonly unreadable: readonly string[];
}

/**
 * Checks the given files and, transitively, every file they import: loads the roots through
 * the services' file system, then builds them with Specl's document builder (which loads
 * their imports: parse, index, link, validate). A missing import is left out, and reported by
 * the validator at the import; a root that cannot be read is listed in `unreadable`.
 */
export async function checkWorkspace(
  shared: LangiumSharedCoreServices,
  roots: readonly URI[],
): Promise<CheckResult> {
  const documents = shared.workspace.LangiumDocuments;
  const fileSystem = shared.workspace.FileSystemProvider;
  const factory = shared.workspace.LangiumDocumentFactory;
  const loaded: LangiumDocument<SpecFile>[] = [];
  const unreadable: string[] = [];
  for (const uri of roots) {
    const key = uri.toString();
    if (documents.hasDocument(uri) || unreadable.includes(key)) continue;
    const text = await fileSystem.readFile(uri).catch(() => undefined);
    if (text === undefined) {
      unreadable.push(key);
      continue;
    }
    const document = factory.fromString<SpecFile>(text, uri);
    documents.addDocument(document);
    loaded.push(document);
  }
  const builtins = ensureBuiltinDocuments(shared);
  await shared.workspace.DocumentBuilder.build([...builtins, ...loaded], { validation: true });
  return checkResultOf(shared, roots, unreadable);
}

/**
 * What the workspace's checks found for the given roots and the files they import,
 * transitively, as the documents stand: for a workspace already built (the language
 * server's), as {@link checkWorkspace} answers for the one it builds.
 */
export function checkResultOf(
  shared: LangiumSharedCoreServices,
  roots: readonly URI[],
  unreadable: readonly string[] = [],
): CheckResult {
  const documents = shared.workspace.LangiumDocuments;
  const lookup = (uri: string) =>
    documents.getDocument(URI.parse(uri)) as LangiumDocument<SpecFile> | undefined;
  const checked = importClosure(
    roots.flatMap((uri) => lookup(uri.toString()) ?? []),
    lookup,
  );
  checked.sort((a, b) => compareStrings(a.uri.toString(), b.uri.toString()));
  const diagnostics = checked.flatMap((document) =>
    (document.diagnostics ?? []).map((d) => toSpecDiagnostic(document.uri.toString(), d)),
  );
  diagnostics.sort(compareDiagnostics);
  return {
    uris: checked.map((d) => d.uri.toString()),
    texts: new Map(checked.map((d) => [d.uri.toString(), d.textDocument.getText()])),
    diagnostics,
    documents: checked,
    unreadable,
  };
}

/** A diagnostic of a file as Specl reports it (an uncoded one is a syntax error). */
export function toSpecDiagnostic(uri: string, diagnostic: Diagnostic): SpecDiagnostic {
  const known = typeof diagnostic.code === 'string' && diagnostic.code in diagnosticCodes;
  const code = (known ? diagnostic.code : 'specl/syntax-error') as DiagnosticCode;
  return {
    uri,
    severity: diagnostic.severity === 1 ? 'error' : 'warning',
    code,
    message: diagnostic.message,
    range: diagnostic.range,
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDiagnostics(a: SpecDiagnostic, b: SpecDiagnostic): number {
  return (
    compareStrings(a.uri, b.uri) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  );
}
