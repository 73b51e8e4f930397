import type { AstNode } from 'langium';
import { isAstNode } from 'langium';

/**
 * Pushes the AST nodes `node` holds directly onto `stack`, the last first, so that popping the
 * stack visits them in the order of Langium's `streamContents` (properties in their order, not
 * those starting with `$`; arrays item by item). A walk that pops a node and pushes its children
 * visits a tree in the order of `streamAst`, without an iterator object for every node.
 */
export function pushChildren(node: AstNode, stack: AstNode[]): void {
  const start = stack.length;
  const record = node as unknown as Record<string, unknown>;
  // `for...in` rather than `Object.keys`: the same own keys in the same order (an AST node's
  // prototype has no enumerable property), without an array of them for every node.
  for (const key in record) {
    if (key.charCodeAt(0) === 36 /* $ */) continue;
    const value = record[key];
    if (isAstNode(value)) {
      stack.push(value);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (isAstNode(item)) stack.push(item);
      }
    }
  }
  // Reversed in place: the first child on top.
  for (let i = start, j = stack.length - 1; i < j; i++, j--) {
    const t = stack[i]!;
    stack[i] = stack[j]!;
    stack[j] = t;
  }
}
