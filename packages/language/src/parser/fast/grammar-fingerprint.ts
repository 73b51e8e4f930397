import type { AstNode, GrammarAST } from 'langium';
import { isReference } from 'langium';
import { SpeclGrammar } from '../../generated/grammar.js';
import { allNodes } from './grammar-walk.js';

/**
 * In the CLI's bundle, the fingerprint of the generated grammar the bundle holds, computed when
 * the bundle was built (scripts/bundle-cli.mjs defines it); elsewhere not defined.
 */
declare const SPECL_BUNDLED_GRAMMAR_FINGERPRINT: string | undefined;

/**
 * The grammars (grammar/specl.langium, by {@link grammarFingerprint}) the fast parser's rules
 * were written for and checked against (test/language/fast-parser-differential.test.ts): with
 * any other grammar the fast path stays off, and every text goes to Langium's parser. After a
 * change of the grammar, update the rules in this folder, run the differential test, and put
 * the new fingerprint here (the test names it).
 */
export const FAST_PARSER_GRAMMARS: ReadonlySet<string> = new Set([
  // v0.1 with latency budgets, media types, security, open records and pagination (the
  // `paginated` cursor a reference to a query parameter)
  'acd1fda0',
  // the same with error status ranges and `default` (`ErrorStatus`, the `STATUS_RANGE` token)
  '9d5b97af',
  // the same with response headers (`HeadersDecl`, `ResponseHeader`, the `WithHeaders` fragment)
  '49d58fdd',
  // the same with JSON values in annotations (`AnnotationValue`, `JsonObject`, `JsonEntry`,
  // `JsonArray`): structured examples and defaults
  '8a043a5a',
  // the same with a response header as what a member access may name (`headers.remaining` in
  // `ensures`) and `paginated by link, items = ...` (`by?='by' style=ID`)
  '904703f4',
]);

/**
 * A fingerprint of a grammar: every element in order with its kind, its own values (names,
 * keywords, cardinalities, operators, terminal patterns) and what it refers to, hashed (FNV-1a).
 * Comments and layout of the grammar file do not change it.
 */
export function grammarFingerprint(grammar: GrammarAST.Grammar): string {
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const node of allNodes(grammar, true)) {
    add(`|${node.$type}@${node.$containerProperty ?? ''}`);
    for (const [key, value] of Object.entries(node as AstNode & Record<string, unknown>)) {
      if (key.startsWith('$')) continue;
      if (isReference(value)) add(`;${key}->${(value.ref as { name?: string } | undefined)?.name}`);
      else if (typeof value !== 'object' || value === null) add(`;${key}=${String(value)}`);
    }
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Whether the fast parser's rules were written for `grammar`. The bundle gives the generated
 * grammar's fingerprint as it was at build time: walking the grammar for it cost a cold
 * one-endpoint `specl check` about 75 of its 600 million instructions.
 */
export function isFastParserGrammar(grammar: GrammarAST.Grammar): boolean {
  const bundled =
    typeof SPECL_BUNDLED_GRAMMAR_FINGERPRINT === 'string' && grammar === SpeclGrammar()
      ? SPECL_BUNDLED_GRAMMAR_FINGERPRINT
      : undefined;
  return FAST_PARSER_GRAMMARS.has(bundled ?? grammarFingerprint(grammar));
}
