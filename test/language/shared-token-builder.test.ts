import type { GrammarAST, TokenBuilderOptions } from 'langium';
import { DefaultTokenBuilder, EmptyFileSystem, GrammarUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import { GrammarFeatures } from '../../packages/language/src/parser/fast/grammar-features.js';
import {
  longerAltTable,
  SharedTokenBuilder,
} from '../../packages/language/src/parser/shared-token-builder.js';
import { createSpeclServices } from '../../packages/language/src/specl-module.js';

// Specl builds its token types and its rules' AST types with walks of its own (Langium's are
// slow, and every start pays them): they must give exactly what Langium's give.
const grammar = createSpeclServices(EmptyFileSystem).Specl.Grammar;

interface TokenShape {
  name: string;
  pattern: string;
  group: unknown;
  lineBreaks: unknown;
  longerAlt: string[];
}

function shapes(tokens: unknown): TokenShape[] {
  return (tokens as Array<Record<string, unknown>>).map((token) => {
    const pattern = token.PATTERN as RegExp | string | ((...args: unknown[]) => unknown);
    const longer = (token.LONGER_ALT ?? []) as Array<{ name: string }>;
    return {
      name: token.name as string,
      pattern:
        typeof pattern === 'function'
          ? `function ${String(pattern)}`
          : typeof pattern === 'string'
            ? pattern
            : `/${pattern.source}/${pattern.flags}`,
      group: token.GROUP,
      lineBreaks: token.LINE_BREAKS,
      longerAlt: longer.map((alt) => alt.name),
    };
  });
}

describe('the shared token builder', () => {
  for (const options of [undefined, { caseInsensitive: true }] as Array<
    TokenBuilderOptions | undefined
  >) {
    it(`builds the token types Langium's builder builds (${JSON.stringify(options)})`, () => {
      const ours = shapes(new SharedTokenBuilder().buildTokens(grammar, options));
      const langiums = shapes(new DefaultTokenBuilder().buildTokens(grammar, options));
      expect(ours.length).toBeGreaterThan(50);
      expect(ours.some((token) => token.longerAlt.length > 0)).toBe(true);
      expect(ours).toEqual(langiums);
    });
  }

  it("builds Langium's token types from the generated grammar's longer-alternative table", () => {
    const table = longerAltTable(grammar);
    const langiums = new DefaultTokenBuilder().buildTokens(grammar) as unknown as Array<
      Record<string, unknown>
    >;
    const keywords = shapes(langiums.filter((token) => 'LONGER_ALT' in token));
    expect(keywords.length).toBeGreaterThan(50);
    expect(table).toStrictEqual(keywords.map((token) => [token.name, token.longerAlt]));
    const ours = shapes(new SharedTokenBuilder(table).buildTokens(grammar));
    expect(ours).toEqual(shapes(langiums));
  });

  it("takes a keyword's longer alternatives from the table it is given, for that grammar only", () => {
    const table = longerAltTable(grammar).map(([keyword, names]) =>
      keyword === 'type' ? (['type', []] as const) : ([keyword, names] as const),
    );
    const tokens = shapes(new SharedTokenBuilder(table).buildTokens(grammar));
    expect(tokens.find((token) => token.name === 'type')?.longerAlt).toStrictEqual([]);
    const computed = shapes(new SharedTokenBuilder(null).buildTokens(grammar));
    expect(computed.find((token) => token.name === 'type')?.longerAlt).toStrictEqual(['ID']);
    const other = { ...grammar };
    const forOther = shapes(new SharedTokenBuilder(table).buildTokens(other as typeof grammar));
    expect(forOther.find((token) => token.name === 'type')?.longerAlt).toStrictEqual(['ID']);
  });

  it('builds them once per grammar and options', () => {
    const builder = new SharedTokenBuilder();
    const first = builder.buildTokens(grammar);
    expect(builder.buildTokens(grammar)).toBe(first);
    expect(builder.buildTokens(grammar, { caseInsensitive: true })).not.toBe(first);
  });
});

describe("the fast parser's rule types", () => {
  it("are Langium's, for every rule of the grammar", () => {
    const features = new GrammarFeatures(grammar);
    const parserRules = grammar.rules.filter((rule) => rule.$type === 'ParserRule');
    expect(parserRules.length).toBeGreaterThan(30);
    for (const rule of parserRules) {
      expect(features.typeOf(rule.name), rule.name).toBe(
        GrammarUtils.getTypeName(rule as GrammarAST.ParserRule),
      );
    }
    // Data type rules are among them (their type is the rule's own name).
    expect(
      parserRules.some((rule) => GrammarUtils.isDataTypeRule(rule as GrammarAST.ParserRule)),
    ).toBe(true);
  });
});
