import type { LangiumCoreServices, LangiumDocument, ParseResult, ValidationOptions } from 'langium';
import { DefaultDocumentValidator, DocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LinkingMessages } from './linking-messages.js';
import { friendlyLexerMessage, friendlyParserMessage } from './syntax-messages.js';

/**
 * Langium's document validator with Specl's codes and messages for the errors it finds
 * before the checks run: lexing and parsing errors (`specl/syntax-error`) and names that did
 * not resolve (`specl/unknown-type`, `specl/unknown-name`, ...).
 */
export class SpeclDocumentValidator extends DefaultDocumentValidator {
  private readonly linkingMessages: LinkingMessages;

  constructor(services: LangiumCoreServices) {
    super(services);
    this.linkingMessages = new LinkingMessages(services);
  }

  protected override processLexingErrors(
    parseResult: ParseResult,
    diagnostics: Diagnostic[],
    options: ValidationOptions,
  ): void {
    const start = diagnostics.length;
    super.processLexingErrors(parseResult, diagnostics, options);
    for (const diagnostic of diagnostics.slice(start)) {
      diagnostic.code = 'specl/syntax-error';
      diagnostic.message = friendlyLexerMessage(diagnostic.message);
    }
  }

  protected override processParsingErrors(
    parseResult: ParseResult,
    diagnostics: Diagnostic[],
    options: ValidationOptions,
  ): void {
    const start = diagnostics.length;
    super.processParsingErrors(parseResult, diagnostics, options);
    for (const diagnostic of diagnostics.slice(start)) {
      diagnostic.code = 'specl/syntax-error';
      diagnostic.message = friendlyParserMessage(diagnostic.message);
    }
  }

  protected override processLinkingErrors(
    document: LangiumDocument,
    diagnostics: Diagnostic[],
    _options: ValidationOptions,
  ): void {
    for (const reference of document.references) {
      const error = reference.error;
      if (!error) continue;
      const explained = this.linkingMessages.explain(error);
      if (!explained) continue;
      diagnostics.push(
        this.toDiagnostic('error', explained.message, {
          node: error.info.container,
          range: reference.$refNode?.range,
          property: error.info.property,
          index: error.info.index,
          code: explained.code,
          data: { code: DocumentValidator.LinkingError, refText: reference.$refText },
        } as never),
      );
    }
  }
}
