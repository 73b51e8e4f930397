import type { LangiumCoreServices, LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
  DocumentFormattingParams,
  DocumentOnTypeFormattingOptions,
  DocumentRangeFormattingParams,
  Range,
  TextEdit,
} from 'vscode-languageserver';
import { formatSpec } from '../../formatting/format-spec.js';

/**
 * The editor's formatter: the same formatter as `specl fmt` (see {@link formatSpec}), as
 * minimal edits of the whitespace between tokens. Range formatting applies the edits that
 * touch the range. The editor's tab settings are not used: a spec formats the same everywhere.
 * A document with syntax errors is left as it is.
 */
export class SpeclFormatter implements Formatter {
  constructor(private readonly services: LangiumCoreServices) {}

  formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
    return this.edits(document);
  }

  formatDocumentRange(
    document: LangiumDocument,
    params: DocumentRangeFormattingParams,
  ): TextEdit[] {
    const start = document.textDocument.offsetAt(params.range.start);
    const end = document.textDocument.offsetAt(params.range.end);
    return this.edits(document, (from, to) => to >= start && from <= end);
  }

  formatDocumentOnType(): TextEdit[] {
    return [];
  }

  get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
    return undefined;
  }

  private edits(
    document: LangiumDocument,
    within: (start: number, end: number) => boolean = () => true,
  ): TextEdit[] {
    const result = formatSpec(document, this.services.parser.Lexer);
    if (!result.ok) return [];
    const text = document.textDocument;
    return result.edits
      .filter((edit) => within(edit.start, edit.end))
      .map((edit) => {
        const range: Range = { start: text.positionAt(edit.start), end: text.positionAt(edit.end) };
        return { range, newText: edit.newText };
      });
  }
}
