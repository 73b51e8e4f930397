import type { AstNode, ReferenceInfo } from 'langium';
import { Cancellation, interruptAndCheck, isMultiReference, isReference } from 'langium';
import { pushChildren } from './ast-children.js';

/**
 * Calls `visit` on every reference under `root`, in the order Langium's streams give them
 * (nodes as `streamAst` gives them, each node's references as `streamReferences` does), without
 * an iterator and a promise for every node: cancellation is looked at every 256 nodes. The
 * linker and the reference index walk a large spec this way.
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
    const record = node as unknown as Record<string, unknown>;
    // `for...in`: Object.keys' order without an array for every node (see `pushChildren`).
    for (const property in record) {
      if (property.charCodeAt(0) === 36 /* $ */) continue;
      const value = record[property];
      if (isReference(value) || isMultiReference(value)) {
        visit({ reference: value, container: node, property });
      } else if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          const item: unknown = value[index];
          // As `streamReferences`: a multi-reference is found in a list by the list's type.
          if (isReference(item) || isMultiReference(value)) {
            visit({ reference: item as never, container: node, property, index });
          }
        }
      }
    }
    pushChildren(node, stack);
  }
}
