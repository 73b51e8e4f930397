import type { AstNode } from 'langium';
import { AstUtils, GrammarAST } from 'langium';
import { SpeclGrammar } from '../generated/grammar.js';

/**
 * The grammar rules that read a name: `Ident` (endpoints, properties, parameters, bindings),
 * `TypeName` (types, enums, errors), and the bare `ID` terminal (auth schemes, tags, spec names).
 */
export type NameRule = 'Ident' | 'TypeName' | 'ID';

const cache = new Map<NameRule, ReadonlySet<string>>();

/**
 * The words that cannot be a name read by `rule`: every word keyword of Specl's grammar that
 * the rule does not take. Derived from the grammar itself, so that a keyword added to it is
 * reserved everywhere at once (`specl import` names things with it).
 */
export function reservedWords(rule: NameRule): ReadonlySet<string> {
  let words = cache.get(rule);
  if (!words) {
    const grammar = SpeclGrammar();
    const named = rule === 'ID' ? undefined : grammar.rules.find((r) => r.name === rule);
    const taken = named ? wordKeywords(named) : new Set<string>();
    words = new Set([...wordKeywords(grammar)].filter((word) => !taken.has(word)));
    cache.set(rule, words);
  }
  return words;
}

function wordKeywords(node: AstNode): Set<string> {
  return new Set(
    AstUtils.streamAllContents(node)
      .filter(GrammarAST.isKeyword)
      .map((keyword) => keyword.value)
      .filter((value) => /^[_a-zA-Z]\w*$/.test(value)),
  );
}
