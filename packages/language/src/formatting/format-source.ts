import type { LangiumCoreServices, LangiumSharedCoreServices } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import { createSpeclServices } from '../specl-module.js';
import type { SpecDiagnostic } from '../workspace/spec-workspace.js';
import { toSpecDiagnostic } from '../workspace/spec-workspace.js';
import { formatSpec } from './format-spec.js';

/** What formatting a spec's text gives: the formatted text, or why it cannot be formatted. */
export type SourceFormat =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly diagnostics: readonly SpecDiagnostic[];
      readonly reason: string;
    };

let services: { shared: LangiumSharedCoreServices; Specl: LangiumCoreServices } | undefined;

/**
 * Formats the text of one spec file (`specl fmt`): parses it alone (formatting needs no
 * imports), and formats it with {@link formatSpec}. A file with syntax errors is not
 * formatted: its syntax diagnostics are answered instead, as `specl check` reports them.
 */
export async function formatSource(text: string, uri: string): Promise<SourceFormat> {
  services ??= createSpeclServices(EmptyFileSystem, { indexReferences: false });
  const { shared, Specl } = services;
  const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri));
  const result = formatSpec(document, Specl.parser.Lexer);
  if (result.ok) return { ok: true, text: result.text };
  const parse = document.parseResult;
  if (parse.lexerErrors.length === 0 && parse.parserErrors.length === 0) {
    return { ok: false, diagnostics: [], reason: result.reason };
  }
  const found = await Specl.validation.DocumentValidator.validateDocument(document);
  return {
    ok: false,
    diagnostics: found.map((d) => toSpecDiagnostic(uri, d)),
    reason: result.reason,
  };
}
