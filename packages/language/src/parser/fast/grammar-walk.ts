import type { AstNode } from 'langium';

function isAstNode(value: unknown): value is AstNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string'
  );
}

/** What {@link allNodes} found below a node (its root, or one of its root's children). */
const below = new WeakMap<AstNode, readonly AstNode[]>();

/**
 * Every AST node under `root` (and `root` itself if `includeRoot`), in the order of Langium's
 * `AstUtils.streamAst` (depth first, children in property order), as an array: walking the
 * loaded grammar this way takes a fraction of the time Langium's lazy streams take, and it is
 * walked at every start. The grammar never changes once loaded, so what is found below a root
 * and below each of its children (a grammar's rules) is kept: each is walked once.
 */
export function allNodes(root: AstNode, includeRoot: boolean): readonly AstNode[] {
  const nodes = nodesBelow(root);
  return includeRoot ? [root, ...nodes] : nodes;
}

function nodesBelow(root: AstNode): readonly AstNode[] {
  const known = below.get(root);
  if (known) return known;
  const nodes: AstNode[] = [];
  const visit = (node: AstNode): void => {
    nodes.push(node);
    const nodesOfChild = below.get(node);
    if (nodesOfChild) for (const n of nodesOfChild) nodes.push(n);
    else visitChildren(node, undefined);
  };
  const visitChildren = (node: AstNode, keepEach: AstNode | undefined): void => {
    for (const key of Object.keys(node)) {
      if (key.startsWith('$')) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (isAstNode(value)) visitKept(value, keepEach);
      else if (Array.isArray(value)) {
        for (const element of value) if (isAstNode(element)) visitKept(element, keepEach);
      }
    }
  };
  // The root's children (a grammar's rules) keep what is below them too.
  const visitKept = (child: AstNode, root: AstNode | undefined): void => {
    const start = nodes.length;
    visit(child);
    if (root !== undefined && !below.has(child)) below.set(child, nodes.slice(start + 1));
  };
  visitChildren(root, root);
  below.set(root, nodes);
  return nodes;
}
