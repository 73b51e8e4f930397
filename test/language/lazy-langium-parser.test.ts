import { CstUtils, EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import type { GuardedParser } from '../../packages/language/src/parser/guarded-parser.js';
import { createSpeclServices } from '../../packages/language/src/specl-module.js';
import type { LazyLexer } from '../../packages/language/src/parser/lazy-lexer.js';

// Langium's own parser (Chevrotain's analysis of the grammar) is built only when a text needs
// it: a clean spec parses through the fast path without it.
function freshParser(): GuardedParser {
  return createSpeclServices(EmptyFileSystem).Specl.parser.LangiumParser as GuardedParser;
}

describe("Langium's parser is built on first use", () => {
  it('is not built while the fast path parses every text', () => {
    const parser = freshParser();
    const result = parser.parse('type A { x: Int }\ntype B { a: A }');
    expect(result.parserErrors).toEqual([]);
    expect(parser.fastPathTaken).toBe(1);
    expect(parser.langiumParserBuilt).toBe(false);
  });

  it('is built for a text with a syntax error, and reports it as before', () => {
    const parser = freshParser();
    const result = parser.parse('type A { x: }');
    expect(parser.langiumParserBuilt).toBe(true);
    expect(parser.fastPathTaken).toBe(0);
    expect(result.parserErrors.length).toBeGreaterThan(0);
    expect(result.parserErrors[0]!.token.startOffset).toBe(12);
  });

  it('is built when one of its members is read, and answers for it', () => {
    const parser = freshParser();
    expect(parser.langiumParserBuilt).toBe(false);
    expect(typeof (parser as unknown as { lexer: unknown }).lexer).toBe('object');
    expect(parser.langiumParserBuilt).toBe(true);
  });

  it("builds Chevrotain's lexer only for a text Langium's parser reads, with the same token types", () => {
    const { Specl } = createSpeclServices(EmptyFileSystem);
    const parser = Specl.parser.LangiumParser as GuardedParser;
    const lexer = Specl.parser.Lexer as LazyLexer;
    const clean = parser.parse('type A { x: Int }');
    expect(lexer.built).toBe(false);
    parser.parse('type A { x: }');
    expect(lexer.built).toBe(true);
    // A keyword's leaf from the fast path and a token from Langium's lexer: one token type.
    const fastType = CstUtils.flattenCst(clean.value.$cstNode!).find((l) => l.text === 'type')!;
    const lexed = lexer.tokenize('type B { y: Int }').tokens[0]!;
    expect(lexed.image).toBe('type');
    expect(fastType.tokenType).toBe(lexed.tokenType);
  });

  it('guards deep nesting without the fast path', () => {
    const parser = freshParser();
    const result = parser.parse(
      `type T { x: Int\n invariant ${'('.repeat(5000)}x > 1${')'.repeat(5000)} }`,
    );
    expect(result.parserErrors).toHaveLength(1);
    expect(result.parserErrors[0]!.message).toMatch(/nests too deeply/);
  });
});
