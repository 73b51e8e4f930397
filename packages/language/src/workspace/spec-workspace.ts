import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SpecFile } from '../generated/ast.js';
import { diagnosticCodes } from '../validation/diagnostic-codes.js';
import type { DiagnosticCode, Severity } from '../validation/diagnostic-codes.js';
import { ensureBuiltinDocuments } from './builtins.js';
import { importedUris } from './imports.js';

/** Reads a file's text, or answers undefined when there is no such file. */
export type ReadFile = (uri: URI) => Promise<string | undefined>;

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
 * Loads the given files and, transitively, every file they import (missing imports are left
 * out, and reported by the validator at the import), then builds all of them through
 * Langium's document builder: parse, index, link, validate.
 */
export async function checkWorkspace(
  shared: LangiumSharedCoreServices,
  roots: readonly URI[],
  read: ReadFile,
): Promise<CheckResult> {
  const documents = shared.workspace.LangiumDocuments;
  const factory = shared.workspace.LangiumDocumentFactory;
  const texts = new Map<string, string>();
  const loaded: LangiumDocument<SpecFile>[] = [];
  const queue = [...roots];
  const rootKeys = new Set(roots.map((uri) => uri.toString()));
  const unreadable: string[] = [];
  while (queue.length > 0) {
    const uri = queue.shift()!;
    const key = uri.toString();
    if (texts.has(key)) continue;
    const text = await read(uri);
    if (text === undefined) {
      if (rootKeys.has(key) && !unreadable.includes(key)) unreadable.push(key);
      continue;
    }
    texts.set(key, text);
    const document = factory.fromString<SpecFile>(text, uri);
    documents.addDocument(document);
    loaded.push(document);
    for (const imported of importedUris(document)) {
      if (imported.endsWith('.specl')) queue.push(URI.parse(imported));
    }
  }
  const builtins = ensureBuiltinDocuments(shared);
  await shared.workspace.DocumentBuilder.build([...builtins, ...loaded], { validation: true });

  const diagnostics = loaded.flatMap((document) =>
    (document.diagnostics ?? []).map((d) => toSpecDiagnostic(document.uri.toString(), d)),
  );
  diagnostics.sort(compareDiagnostics);
  loaded.sort((a, b) => compareStrings(a.uri.toString(), b.uri.toString()));
  return {
    uris: loaded.map((d) => d.uri.toString()),
    texts,
    diagnostics,
    documents: loaded,
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
