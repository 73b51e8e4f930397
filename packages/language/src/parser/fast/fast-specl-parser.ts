import type { AstNode, LangiumCoreServices, ParseResult } from 'langium';
import { CompositeCstNodeImpl } from 'langium';
import type { RootCstNodeImpl } from 'langium';
import { FastAstBuilder } from './fast-ast-builder.js';
import { FastCstBuilder, FastPathDeclined } from './fast-cst-builder.js';
import type { FastTokens } from './fast-lexer.js';
import type { DeclarationCstSource } from './lazy-declaration-cst.js';
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

  /** Whether declarations' CSTs are built when first read (see `lazy-declaration-cst.ts`). */
  private readonly lazyCst: boolean;
  /** The parse under way: its CST builder and where declarations' CSTs come from. */
  private full: FastCstBuilder | undefined;
  /** The parse under way's builder of declarations' ASTs (lazy CST), made at the first one. */
  private ast: FastAstBuilder | undefined;
  private source: DeclarationCstSource | undefined;

  constructor(
    private readonly services: LangiumCoreServices,
    options: { lazyCst?: boolean } = {},
  ) {
    super(services.Grammar);
    this.tokenTypes = services.parser.Lexer.definition as Record<string, TokenType>;
    const keywords = Object.keys(this.tokenTypes).filter((name) => !TERMINALS.has(name));
    this.lexer = new FastLexer(new Set(keywords));
    this.converter = new FastValueConverter(services.parser.ValueConverter);
    // A value converter of Specl's own might read the CST nodes: then the CST is built eagerly.
    this.lazyCst = options.lazyCst === true && this.converter.isDefault;
  }

  /** The tokens of `text`, or `undefined` where Langium's lexer must read it. */
  lex(text: string): FastTokens | undefined {
    return this.lexer.tokenize(text);
  }

  /**
   * The parse result of `text`, or `undefined` where Langium's parser must parse it; `lexed`,
   * its tokens when {@link lex} has read them.
   */
  parse<T extends AstNode = AstNode>(
    text: string,
    lexed = this.lexer.tokenize(text),
  ): ParseResult<T> | undefined {
    if (!lexed) return undefined;
    const full = this.cstBuilder(text, lexed);
    this.b = this.full = full;
    this.source = this.lazyCst ? this.declarationSource(text, lexed, full.root) : undefined;
    let value: AstNode;
    try {
      value = this.specFile() as AstNode;
      if (!full.atEnd) return undefined;
    } catch (error) {
      if (error instanceof FastPathDeclined || error instanceof RangeError) return undefined;
      throw error;
    } finally {
      // Nothing of a parse is kept here once it is over (a lazy CST keeps what it needs).
      this.b = undefined as unknown as FastCstBuilder;
      this.full = this.source = this.ast = undefined;
    }
    full.finish();
    const report = this.services.parser.TokenBuilder.flushLexingReport?.(text);
    return {
      value: value as T,
      lexerErrors: [],
      lexerReport: report,
      parserErrors: [],
    } as ParseResult<T>;
  }

  protected override declarationOfFile(): void {
    const full = this.full;
    const source = this.source;
    if (!full || !source) {
      super.declarationOfFile();
      return;
    }
    const feature = this.feature('SpecFile', 'Declaration', 0, 'c');
    const node = full.openLazy(feature, source);
    const services = this.services;
    const ast = (this.ast ??= new FastAstBuilder(
      full.root.fullText,
      full.tokenColumns,
      full.position,
      services.references.Linker,
      this.converter,
      services.shared.AstReflection,
    ));
    ast.restartAt(full.position);
    this.b = ast;
    let result: AstNode;
    try {
      result = this.declaration() as AstNode;
    } finally {
      this.b = full;
    }
    full.closeLazy(node, feature, result, ast.position);
  }

  private cstBuilder(text: string, lexed: FastTokens, root?: RootCstNodeImpl): FastCstBuilder {
    const services = this.services;
    return new FastCstBuilder(
      text,
      lexed,
      this.tokenTypes,
      services.references.Linker,
      this.converter,
      services.shared.AstReflection,
      root,
    );
  }

  /** Builds a declaration's CST again from its first token, when it is first read. */
  private declarationSource(
    text: string,
    lexed: FastTokens,
    root: RootCstNodeImpl,
  ): DeclarationCstSource {
    return {
      tokens: lexed.tokens,
      build: (node, firstToken, firstHidden) => {
        const builder = this.cstBuilder(text, lexed, root);
        builder.resumeAt(node, firstToken, firstHidden);
        const saved = this.b;
        this.b = builder;
        try {
          return this.declaration() as AstNode;
        } finally {
          this.b = saved;
        }
      },
      expression: (firstToken) => {
        const builder = this.cstBuilder(text, lexed, root);
        // Past the last comment: the comments are left out.
        builder.resumeAt(new CompositeCstNodeImpl(), firstToken, lexed.hidden.count);
        const saved = this.b;
        this.b = builder;
        try {
          return this.expression() as AstNode;
        } finally {
          this.b = saved;
        }
      },
    };
  }
}
