import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';
import type { SpecFile } from '../../generated/ast.js';
import { declarationSpan } from '../../workspace/declaration-span.js';
import { positionAt } from '../../util/text-position.js';
import { textChange } from '../../util/text-change.js';
import { registerShadowDocument } from '../../workspace/shadow-documents.js';
import type { PublishedDiagnostics } from './diagnostics-publisher.js';
import { movedDiagnostic } from './moved-diagnostic.js';

/**
 * The diagnostics of a document just edited, computed in the time of a keystroke: the
 * declarations the edit touched are parsed, linked and checked alone (as a shadow of the
 * document, seeing what it sees), and the diagnostics published before for the rest of the
 * file are kept, moved by the lines the edit added or removed. The full check of the file
 * (which may find more: a duplicate name, a use elsewhere that the edit broke) follows and
 * replaces them. Undefined when nothing was published for the document before.
 */
export async function quickDiagnostics(
  services: LangiumServices,
  document: LangiumDocument,
  before: PublishedDiagnostics,
  text: string,
): Promise<Diagnostic[] | undefined> {
  const old = before.text;
  if (old === text) return [...before.diagnostics];
  const change = textChange(old, text);
  const span = declarationSpan(text, change.start, change.newEnd);
  const oldEnd = span.end + (old.length - text.length);
  const firstLine = lineAt(text, span.start);
  const oldLastLine = lineAt(old, Math.max(span.start, oldEnd - 1));
  const newLastLine = lineAt(text, Math.max(span.start, span.end - 1));
  const delta = newLastLine - oldLastLine;

  const shadow = services.shared.workspace.LangiumDocumentFactory.fromString<SpecFile>(
    text.slice(span.start, span.end),
    URI.parse(`${document.uri.toString()}.edit.specl`),
  );
  registerShadowDocument(shadow, document);
  await services.references.Linker.link(shadow);
  const edited = (await services.validation.DocumentValidator.validateDocument(shadow)).map((d) =>
    movedDiagnostic(d, firstLine),
  );
  const kept = before.diagnostics
    .filter((d) => d.range.end.line < firstLine || d.range.start.line > oldLastLine)
    .map((d) => (d.range.start.line > oldLastLine ? movedDiagnostic(d, delta) : d));
  return [...kept, ...edited].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

function lineAt(text: string, offset: number): number {
  return positionAt(text, offset).line;
}
