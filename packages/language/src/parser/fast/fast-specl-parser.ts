import type { AstNode, LangiumCoreServices, ParseResult } from 'langium';
import { FastCstBuilder, FastPathDeclined } from './fast-cst-builder.js';
import { FastEndpointRules } from './fast-endpoint-rules.js';
import { FastLexer } from './fast-lexer.js';
import { FastValueConverter } from './fast-value-converter.js';
import type { LexedToken } from '../lazy-range-leaf.js';

type TokenType = LexedToken['tokenType'];

const TERMINALS = new Set(['WS', 'ID', 'NUMBER', 'STRING', 'ML_COMMENT', 'SL_COMMENT']);

/**
 * Specl's fast parse path: a lexer and a recursive-descent parser written from
 * grammar/specl.langium that build the very AST and CST Langium's parser builds, for a text
 * without syntax errors. For any other text (a syntax error, anything it does not read exactly as
 * Langium would) it answers `undefined`, and Langium's parser parses the text, with its messages
 * and its error recovery. test/language/fast-parser-differential.test.ts compares the two.
 */
export class FastSpeclParser extends FastEndpointRules {
  private readonly lexer: FastLexer;
  private readonly tokenTypes: Record<string, TokenType>;
  private readonly converter: FastValueConverter;

  constructor(private readonly services: LangiumCoreServices) {
    super(services.Grammar);
    this.tokenTypes = services.parser.Lexer.definition as Record<string, TokenType>;
    const keywords = Object.keys(this.tokenTypes).filter((name) => !TERMINALS.has(name));
    this.lexer = new FastLexer(new Set(keywords));
    this.converter = new FastValueConverter(services.parser.ValueConverter);
  }

  /** The parse result of `text`, or `undefined` where Langium's parser must parse it. */
  parse<T extends AstNode = AstNode>(text: string): ParseResult<T> | undefined {
    const lexed = this.lexer.tokenize(text);
    if (!lexed) return undefined;
    const services = this.services;
    this.b = new FastCstBuilder(
      text,
      lexed,
      this.tokenTypes,
      services.references.Linker,
      this.converter,
      services.shared.AstReflection,
    );
    let value: AstNode;
    try {
      value = this.specFile() as AstNode;
      if (!this.b.atEnd) return undefined;
    } catch (error) {
      if (error instanceof FastPathDeclined || error instanceof RangeError) return undefined;
      throw error;
    }
    this.b.finish();
    const report = services.parser.TokenBuilder.flushLexingReport?.(text);
    return {
      value: value as T,
      lexerErrors: [],
      lexerReport: report,
      parserErrors: [],
    } as ParseResult<T>;
  }
}
