import type { AstNode } from 'langium';

function isAstNode(value: unknown): value is AstNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string'
  );
}

/**
 * Every AST node under `root` (and `root` itself if `includeRoot`), in the order of Langium's
 * `AstUtils.streamAst` (depth first, children in property order), as an array: walking the
 * loaded grammar this way takes a fraction of the time Langium's lazy streams take, and it is
 * walked at every start.
 */
export function allNodes(root: AstNode, includeRoot: boolean): AstNode[] {
  const nodes: AstNode[] = [];
  const visit = (node: AstNode): void => {
    nodes.push(node);
    visitChildren(node);
  };
  const visitChildren = (node: AstNode): void => {
    for (const key of Object.keys(node)) {
      if (key.startsWith('$')) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (isAstNode(value)) visit(value);
      else if (Array.isArray(value)) {
        for (const element of value) if (isAstNode(element)) visit(element);
      }
    }
  };
  if (includeRoot) visit(root);
  else visitChildren(root);
  return nodes;
}
