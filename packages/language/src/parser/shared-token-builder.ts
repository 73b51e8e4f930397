import type { Grammar, Stream, TokenBuilderOptions } from 'langium';
import { DefaultTokenBuilder, GrammarAST, GrammarUtils, RegExpUtils, stream } from 'langium';
import { SpeclGrammar } from '../generated/grammar.js';
import { bundledLongerAlts } from './bundled-longer-alts.js';
import { allNodes } from './fast/grammar-walk.js';

/**
 * Each keyword of a grammar with the names of the terminals that could read a longer text
 * starting with it (its token's `LONGER_ALT`, in the terminals' order).
 */
export type LongerAltTable = ReadonlyArray<readonly [keyword: string, names: readonly string[]]>;

type TokenVocabulary = ReturnType<DefaultTokenBuilder['buildTokens']>;
type TokenType = Extract<TokenVocabulary, unknown[]>[number];

/**
 * A token builder that builds the tokens of a grammar once: the lexer and the fast parser
 * (which reads `Lexer.definition`) hold the very same token types, whichever is built first.
 *
 * It builds what Langium's `DefaultTokenBuilder` builds (test/language/shared-token-builder.test.ts
 * compares the two), in a fraction of its time, which every start of Specl pays: the grammar is
 * walked as arrays rather than Langium's lazy streams, and each terminal's partial pattern (which
 * tells whether a keyword could also be read as that terminal) is built once, not once per keyword.
 */
export class SharedTokenBuilder extends DefaultTokenBuilder {
  private built: { grammar: Grammar; key: string; tokens: TokenVocabulary } | undefined;
  private readonly partialPatterns = new Map<string, RegExp>();
  private knownLongerAlts: Map<string, readonly string[]> | undefined;

  /**
   * `longerAlts`, unless null, is the {@link longerAltTable} of the generated grammar, used for
   * it instead of matching each keyword against each terminal's partial pattern (a regular
   * expression V8 compiles at start); by default the one the bundle was built with, else null.
   */
  constructor(private readonly longerAlts: LongerAltTable | null = bundledLongerAlts ?? null) {
    super();
  }

  override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
    const key = String(options?.caseInsensitive === true);
    if (this.built?.grammar === grammar && this.built.key === key) return this.built.tokens;
    this.knownLongerAlts =
      this.longerAlts !== null && grammar === SpeclGrammar() ? new Map(this.longerAlts) : undefined;
    const rules = stream(reachableRules(grammar));
    const terminalTokens = this.buildTerminalTokens(rules);
    const tokens = this.buildKeywordTokens(rules, terminalTokens, options);
    tokens.push(...terminalTokens);
    this.built = { grammar, key, tokens };
    return tokens;
  }

  protected override buildKeywordTokens(
    rules: Stream<GrammarAST.AbstractRule>,
    terminalTokens: TokenType[],
    options?: TokenBuilderOptions,
  ): TokenType[] {
    const keywords = new Map<string, GrammarAST.Keyword>();
    for (const rule of rules) {
      if (rule.$type !== 'ParserRule' && rule.$type !== 'InfixRule') continue;
      for (const node of allNodes(rule, false)) {
        if (node.$type !== 'Keyword') continue;
        const keyword = node as GrammarAST.Keyword;
        if (!keywords.has(keyword.value)) keywords.set(keyword.value, keyword);
      }
    }
    return [...keywords.values()]
      .sort((a, b) => b.value.length - a.value.length)
      .map((keyword) =>
        this.buildKeywordToken(keyword, terminalTokens, Boolean(options?.caseInsensitive)),
      );
  }

  protected override findLongerAlt(
    keyword: GrammarAST.Keyword,
    terminalTokens: TokenType[],
  ): TokenType[] {
    const names = this.knownLongerAlts?.get(keyword.value);
    if (names !== undefined) return terminalTokens.filter((token) => names.includes(token.name));
    const longerAlts: TokenType[] = [];
    for (const token of terminalTokens) {
      const pattern = token?.PATTERN as { source?: string } | undefined;
      if (!pattern?.source) continue;
      const anchored = `^${pattern.source}$`;
      let partial = this.partialPatterns.get(anchored);
      if (!partial) {
        partial = RegExpUtils.partialRegExp(anchored);
        this.partialPatterns.set(anchored, partial);
      }
      const match = keyword.value.match(partial);
      if (match && match[0].length > 0) longerAlts.push(token);
    }
    return longerAlts;
  }
}

/**
 * The {@link LongerAltTable} of `grammar`'s keywords, as Langium's token builder finds them (each
 * keyword matched against each terminal's partial pattern).
 */
export function longerAltTable(grammar: Grammar): LongerAltTable {
  const table: Array<[string, string[]]> = [];
  for (const token of new SharedTokenBuilder(null).buildTokens(grammar) as TokenType[]) {
    const longer = token.LONGER_ALT;
    if (longer === undefined) continue;
    table.push([token.name, (Array.isArray(longer) ? longer : [longer]).map((alt) => alt.name)]);
  }
  return table;
}

/**
 * The rules reachable from the grammar's entry rule and its hidden terminals, in the grammar's
 * order: what Langium's `GrammarUtils.getAllReachableRules(grammar, false)` returns.
 */
function reachableRules(grammar: Grammar): GrammarAST.AbstractRule[] {
  const entry = GrammarUtils.getEntryRule(grammar);
  if (!entry) return [...grammar.rules];
  const reached = new Set<string>();
  const visit = (rule: GrammarAST.AbstractRule): void => {
    reached.add(rule.name);
    for (const node of allNodes(rule, false)) {
      if (node.$type !== 'RuleCall') continue;
      const callee = (node as GrammarAST.RuleCall).rule.ref;
      if (callee && !reached.has(callee.name)) visit(callee);
    }
  };
  for (const rule of [entry, ...GrammarUtils.getHiddenRules(grammar)]) visit(rule);
  return grammar.rules.filter(
    (rule) => reached.has(rule.name) || (GrammarAST.isTerminalRule(rule) && rule.hidden),
  );
}
