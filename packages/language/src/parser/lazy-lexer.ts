import type { LangiumCoreServices, Lexer, LexerResult, TokenizeOptions } from 'langium';
import { DefaultLexer } from 'langium';

type TokenTypeDictionary = Lexer['definition'];
type TokenType = TokenTypeDictionary[string];

/**
 * Langium's lexer, built on the first text it is given to read: its token types are there at
 * once (the fast parser reads them), but Chevrotain's lexer, whose construction analyses every
 * pattern, is built only when a text goes to Langium's parser (one with a syntax error, a
 * completion). A check of texts the fast parser reads never builds it.
 */
export class LazyLexer implements Lexer {
  private lexer: DefaultLexer | undefined;
  private readonly tokenTypes: TokenTypeDictionary;

  constructor(private readonly services: LangiumCoreServices) {
    const tokens = services.parser.TokenBuilder.buildTokens(services.Grammar, {
      caseInsensitive: services.LanguageMetaData.caseInsensitive,
    });
    const list = Array.isArray(tokens)
      ? (tokens as TokenType[])
      : 'modes' in tokens
        ? Object.values(tokens.modes).flat()
        : Object.values(tokens);
    this.tokenTypes = Object.fromEntries(list.map((token) => [token.name, token]));
  }

  /** Whether Chevrotain's lexer has been built. */
  get built(): boolean {
    return this.lexer !== undefined;
  }

  get definition(): TokenTypeDictionary {
    return this.tokenTypes;
  }

  tokenize(text: string, options?: TokenizeOptions): LexerResult {
    this.lexer ??= new DefaultLexer(this.services);
    return this.lexer.tokenize(text, options);
  }
}
