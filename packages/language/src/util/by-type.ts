import type { AstNode } from 'langium';

// AST nodes told apart by `$type`: for a type that has no subtype (test/language/
// leaf-type-dispatch.test.ts lists those so used), the same answers as Langium's `isX`
// predicates, without a question to the reflection for every node tried (an `isX` that answers
// no looks the pair of types up in two dictionaries). The checks and the typing ask them of
// every endpoint's clauses and every `body` and `response`.

/** The nearest of `node` and the nodes holding it whose `$type` is `type`. */
export function containerOfType<T extends AstNode>(
  node: AstNode | undefined,
  type: T['$type'],
): T | undefined {
  for (let current = node; current; current = current.$container) {
    if (current.$type === type) return current as T;
  }
  return undefined;
}

/** The nodes of a list whose `$type` is `type`, in order. */
export function nodesOfType<T extends AstNode>(nodes: readonly AstNode[], type: T['$type']): T[] {
  // Counted first, then a list of exactly that length: one grown by `push` from empty makes
  // room for 17 nodes at the first, and the checks ask for an endpoint's responses and errors
  // several times each (4.4 MB of such lists at N = 5,000).
  let count = 0;
  for (let i = 0; i < nodes.length; i++) if (nodes[i]!.$type === type) count++;
  const found = new Array<T>(count);
  let at = 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.$type === type) found[at++] = node as T;
  }
  return found;
}

/** The first node of a list whose `$type` is `type`. */
export function firstOfType<T extends AstNode>(
  nodes: readonly AstNode[],
  type: T['$type'],
): T | undefined {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.$type === type) return node as T;
  }
  return undefined;
}
