import type { AstNode, ReferenceInfo } from 'langium';
import { Cancellation, interruptAndCheck, isAstNode, isMultiReference, isReference } from 'langium';

/**
 * Calls `visit` on every reference under `root`, in the order Langium's streams give them
 * (nodes as `streamAst` gives them, each node's references as `streamReferences` does), without
 * an iterator and a promise for every node: cancellation is looked at every 256 nodes. The
 * linker and the reference index walk a large spec this way.
 *
 * By the node's keys, not a table of each type's content properties made from the grammar
 * (tried: the same nodes and references in the same order on every repository spec, its broken
 * versions and random specs, both parsers): reading the table's properties by name costs about
 * what `for...in` costs (callgrind --predictable, this walk and `pushChildren`'s over the
 * N = 1,000 check spec's AST, four times each: 4,474 -> 4,450 M instructions, 3 M a walk), and
 * making the table (Langium's getTypeName and isDataTypeRule over the grammar) took 53 ms at
 * start: specl check N = 1,000 read 3,184.5 -> 3,302.2 M instructions.
 */
export async function walkReferences(
  root: AstNode,
  cancelToken: Cancellation.CancellationToken,
  visit: (info: ReferenceInfo) => void,
): Promise<void> {
  const stack: AstNode[] = [root];
  let count = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (cancelToken !== Cancellation.CancellationToken.None && (++count & 255) === 0) {
      await interruptAndCheck(cancelToken);
    }
    // One pass over the keys (`for...in`: Object.keys' order without an array for every node)
    // finds the node's references and its children, as `pushChildren` does.
    const start = stack.length;
    const record = node as unknown as Record<string, unknown>;
    for (const property in record) {
      if (property.charCodeAt(0) === 36 /* $ */) continue;
      const value = record[property];
      if (typeof value !== 'object' || value === null) continue;
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          const item: unknown = value[index];
          // As `streamReferences`: a multi-reference is found in a list by the list's type.
          if (isReference(item) || isMultiReference(value)) {
            visit({ reference: item as never, container: node, property, index });
          } else if (isAstNode(item)) {
            stack.push(item);
          }
        }
      } else if (isReference(value) || isMultiReference(value)) {
        visit({ reference: value, container: node, property });
      } else if (isAstNode(value)) {
        stack.push(value);
      }
    }
    // Reversed in place: the first child on top.
    for (let i = start, j = stack.length - 1; i < j; i++, j--) {
      const t = stack[i]!;
      stack[i] = stack[j]!;
      stack[j] = t;
    }
  }
}
