import type { AstNode } from 'langium';
import { codeTokens } from './format-tokens.js';
import { spaceBetween } from './layout-rules.js';

/**
 * The text of a node (an expression, say) as `specl fmt` lays it out on one line, without
 * comments: the same for every way of spacing, breaking or commenting it. What the compiler
 * shows and hashes as an expression's source, so that formatting a spec never changes its
 * fingerprint or its compiled outputs.
 */
export function canonicalText(node: AstNode): string {
  const tokens = node.$cstNode ? codeTokens(node.$cstNode) : [];
  return tokens
    .map((token, i) => (i === 0 ? '' : spaceBetween(tokens[i - 1]!, token)) + token.text)
    .join('');
}
