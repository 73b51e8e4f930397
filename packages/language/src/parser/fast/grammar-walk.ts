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
  // A root walked before is answered here, without calling the walk: the walk's loop is hot
  // enough for V8 to mark it for optimisation, which a later call would then start (tens of
  // millions of instructions, for a walk that has nothing left to do).
  const nodes = below.get(root) ?? nodesBelow(root);
  return includeRoot ? [root, ...nodes] : nodes;
}

function nodesBelow(root: AstNode): readonly AstNode[] {
  const known = below.get(root);
  if (known) return known;
  // One loop over a stack, depth first, rather than a call per node: the grammar's 1,100 nodes
  // are walked at every start, and a small recursive visitor (or a function listing a node's
  // children) was hot enough for V8 to optimise it on its background thread (tens of
  // milliseconds of CPU for a one-endpoint check). The loop lists a node's children as
  // childrenOf does. Arrays are read by index, not with for...of: the walk runs once, in V8's
  // interpreter, where each step of an array's iterator is a call and an object (6 million
  // instructions of a one-endpoint check).
  const nodes: AstNode[] = [];
  const stack: AstNode[] = [];
  const children: AstNode[] = [];
  const rootChildren = childrenOf(root);
  for (let c = 0; c < rootChildren.length; c++) {
    const child = rootChildren[c]!;
    const start = nodes.length;
    stack.push(child);
    while (stack.length > 0) {
      const node = stack.pop()!;
      nodes.push(node);
      const nodesOfNode = below.get(node);
      if (nodesOfNode) {
        for (let i = 0; i < nodesOfNode.length; i++) nodes.push(nodesOfNode[i]!);
        continue;
      }
      children.length = 0;
      for (const key in node) {
        if (key.charCodeAt(0) === DOLLAR) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (isAstNode(value)) children.push(value);
        else if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            const element: unknown = value[i];
            if (isAstNode(element)) children.push(element);
          }
        }
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    // The root's children (a grammar's rules) keep what is below them too.
    if (!below.has(child)) below.set(child, nodes.slice(start + 1));
  }
  below.set(root, nodes);
  return nodes;
}

const DOLLAR = 0x24;

/** A node's children, in property order (each element of an array in turn). */
function childrenOf(node: AstNode): AstNode[] {
  const children: AstNode[] = [];
  for (const key in node) {
    if (key.charCodeAt(0) === DOLLAR) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (isAstNode(value)) children.push(value);
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const element: unknown = value[i];
        if (isAstNode(element)) children.push(element);
      }
    }
  }
  return children;
}
