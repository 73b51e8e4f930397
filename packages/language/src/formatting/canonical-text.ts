import type { AstNode } from 'langium';
import { unbuiltExpressionCst } from '../parser/fast/lazy-declaration-cst.js';
import type { FormatToken } from './format-tokens.js';
import { codeTokens } from './format-tokens.js';
import { expressionCodeTokens } from './expression-tokens.js';
import { spaceBetween } from './layout-rules.js';

/**
 * The text of a node (an expression, say) as `specl fmt` lays it out on one line, without
 * comments: the same for every way of spacing, breaking or commenting it. What the compiler
 * shows and hashes as an expression's source, so that formatting a spec never changes its
 * fingerprint or its compiled outputs.
 */
export function canonicalText(node: AstNode): string {
  const cst = node.$cstNode;
  return layOut(cst ? codeTokens(cst) : []);
}

/**
 * {@link canonicalText} of an expression that a clause holds (an `Expression` rule call:
 * `requires`, `ensures`, `invariant`, `expect`, a `where`), read without building its
 * declaration's CST where that is built on demand (from the file's tokens, or, for an expression
 * whose last token the parser did not keep, by parsing the expression alone again).
 */
export function canonicalExpressionText(expression: AstNode): string {
  const tokens = expressionCodeTokens(expression);
  if (tokens) return layOut(tokens);
  const cst = unbuiltExpressionCst(expression) ?? expression.$cstNode;
  return layOut(cst ? codeTokens(cst) : []);
}

function layOut(tokens: FormatToken[]): string {
  return tokens
    .map((token, i) => (i === 0 ? '' : spaceBetween(tokens[i - 1]!, token)) + token.text)
    .join('');
}
