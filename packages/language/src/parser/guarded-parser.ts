import type {
  CompositeCstNode,
  GrammarAST,
  LangiumCoreServices,
  LangiumParser,
  LeafCstNode,
  ParseResult,
  RootCstNode,
} from 'langium';
import { createLangiumParser } from 'langium';
import type { LexedToken } from './lazy-range-leaf.js';
import { LazyRangeLeaf } from './lazy-range-leaf.js';
import { findExcessiveNesting } from './nesting-guard.js';
import { FastSpeclParser } from './fast/fast-specl-parser.js';
import { isFastParserGrammar } from './fast/grammar-fingerprint.js';
import { withinNestingBudget } from './fast/token-nesting.js';

type ParserError = ParseResult['parserErrors'][number];

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** A parser error at a span of the text, in the shape Chevrotain gives them. */
function errorAt(text: string, offset: number, length: number, message: string): ParserError {
  const start = lineColumn(text, offset);
  const end = lineColumn(text, offset + Math.max(length, 1) - 1);
  return {
    name: 'NestingError',
    message,
    token: {
      image: text.slice(offset, offset + length),
      startOffset: offset,
      endOffset: offset + length - 1,
      startLine: start.line,
      startColumn: start.column,
      endLine: end.line,
      endColumn: end.column,
      tokenTypeIdx: 0,
      tokenType: { name: 'NestingError' },
    },
    resyncedTokens: [],
    context: { ruleStack: [], ruleOccurrenceStack: [] },
  } as unknown as ParserError;
}

/**
 * Langium's CST builder is asked to place the hidden tokens (comments) before every token it
 * consumes, and searches its parent's children to do so even when there are none: quadratic in
 * the number of declarations. Skipping the empty case leaves the CST as it was.
 */
function skipEmptyHiddenNodes(parser: LangiumParser): void {
  const builder = (
    parser as unknown as { nodeBuilder: { addHiddenNodes(tokens: unknown[]): void } }
  ).nodeBuilder;
  const addHiddenNodes = builder.addHiddenNodes.bind(builder);
  builder.addHiddenNodes = (tokens) => {
    if (tokens.length > 0) addHiddenNodes(tokens);
  };
}

/** The parts of Langium's CST builder that building a leaf uses (not in its public types). */
interface LeafBuilding {
  readonly rootNode: RootCstNode;
  readonly current: CompositeCstNode;
  buildLeafNode(token: LexedToken, feature: GrammarAST.AbstractElement | undefined): LeafCstNode;
}

/**
 * Builds the CST's leaves as {@link LazyRangeLeaf}s: one object a token instead of four, the
 * lion's share of what parsing allocates.
 */
function buildLazyRangeLeaves(parser: LangiumParser): void {
  const builder = (parser as unknown as { nodeBuilder: LeafBuilding }).nodeBuilder;
  builder.buildLeafNode = (token, feature) => {
    const leaf = LazyRangeLeaf.ofToken(token, feature === undefined);
    leaf.grammarSource = feature;
    leaf.root = builder.rootNode;
    builder.current.content.push(leaf);
    return leaf;
  };
}

/** Specl's parser: Langium's, with the fast path in front. */
export type GuardedParser = LangiumParser & {
  /** How many texts the fast path parsed (the rest went to Langium's parser). */
  readonly fastPathTaken: number;
  /** Whether Langium's own parser has been built (it is built when first needed). */
  readonly langiumParserBuilt: boolean;
};

/**
 * Langium's parser, built when first needed: building it (Chevrotain's analysis of the grammar,
 * about a quarter of a second) is most of the start-up of `specl check` on a small spec, and a
 * text the fast path parses never needs it.
 */
function lazyLangiumParser(services: LangiumCoreServices): {
  get(): LangiumParser;
  built(): boolean;
} {
  let parser: LangiumParser | undefined;
  return {
    get() {
      if (parser === undefined) {
        parser = createLangiumParser(services);
        skipEmptyHiddenNodes(parser);
        buildLazyRangeLeaves(parser);
      }
      return parser;
    },
    built: () => parser !== undefined,
  };
}

/**
 * Langium's parser, guarded against input that nests deeply enough to overflow its recursion:
 * such a file parses as empty, with one error where the nesting goes too deep, and the
 * parser stays usable for the next file. A text without syntax errors is parsed by the fast
 * path (`fast/fast-specl-parser.ts`, same AST and CST) unless `options.fast` is false; any
 * other text, and any parse of one rule (`options.rule`), by Langium's parser, which is built
 * on first use. Every other member of the answer is Langium's parser's.
 */
export function createGuardedParser(
  services: LangiumCoreServices,
  options: { fast?: boolean; lazyCst?: boolean } = {},
): LangiumParser {
  const langium = lazyLangiumParser(services);
  // The fast path only with a grammar its rules were written for (else Langium parses all).
  const known = isFastParserGrammar(services.Grammar);
  const fast =
    options.fast === false || !known
      ? undefined
      : new FastSpeclParser(services, { lazyCst: options.lazyCst });
  let fastPathTaken = 0;
  const langiumParse = (input: string, parseOptions?: unknown): ParseResult => {
    return (langium.get().parse as (i: string, o?: unknown) => ParseResult)(input, parseOptions);
  };
  const emptyResult = (error: ParserError): ParseResult => {
    (langium.get() as unknown as { stack: unknown[] }).stack = [];
    const empty = langiumParse('');
    return { ...empty, parserErrors: [error] } as ParseResult;
  };
  const parse = (input: string, parseOptions?: unknown): ParseResult => {
    const rule = (parseOptions as { rule?: string } | undefined)?.rule;
    const lexed = rule === undefined ? fast?.lex(input) : undefined;
    // The guard's count kept over the tokens when it is sure to be within the budget (a fifth
    // of the steps), else over the text.
    const excessive =
      lexed && withinNestingBudget(input, lexed.tokens) ? undefined : findExcessiveNesting(input);
    if (excessive) {
      return emptyResult(errorAt(input, excessive.offset, excessive.length, excessive.message));
    }
    const fastResult = lexed ? fast?.parse(input, lexed) : undefined;
    if (fastResult) {
      fastPathTaken++;
      return fastResult;
    }
    try {
      return langiumParse(input, parseOptions);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return emptyResult(
        errorAt(
          input,
          0,
          1,
          'this file nests too deeply to be parsed; split its deepest expression',
        ),
      );
    }
  };
  // Everything but `parse` (and the two counters) is Langium's parser's, built on first use.
  return new Proxy({} as GuardedParser, {
    get(_target, property) {
      if (property === 'parse') return parse;
      if (property === 'fastPathTaken') return fastPathTaken;
      if (property === 'langiumParserBuilt') return langium.built();
      return Reflect.get(langium.get(), property);
    },
    set(_target, property, value) {
      return Reflect.set(langium.get(), property, value);
    },
    has(_target, property) {
      return property === 'parse' || Reflect.has(langium.get(), property);
    },
  });
}
