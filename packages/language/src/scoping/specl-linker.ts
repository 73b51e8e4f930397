import type { AstNode, LangiumDocument } from 'langium';
import {
  Cancellation,
  DefaultLinker,
  interruptAndCheck,
  isMultiReference,
  isReference,
} from 'langium';
import { pushChildren } from '../util/ast-children.js';

/**
 * Langium's linker, walking the AST without its streams: the same references linked in the same
 * order (nodes as `streamAst` gives them, each node's references as `streamReferences` does),
 * without an iterator and a promise for every node, which were a third of the linking time of a
 * large spec. Cancellation is looked at every 256 nodes instead of every node.
 */
export class SpeclLinker extends DefaultLinker {
  override async link(
    document: LangiumDocument,
    cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
  ): Promise<void> {
    if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
    const stack: AstNode[] = [document.parseResult.value];
    let count = 0;
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (cancelToken !== Cancellation.CancellationToken.None && (++count & 255) === 0) {
        await interruptAndCheck(cancelToken);
      }
      const record = node as unknown as Record<string, unknown>;
      for (const property of Object.keys(node)) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[property];
        if (isReference(value) || isMultiReference(value)) {
          this.doLink({ reference: value, container: node, property }, document);
        } else if (Array.isArray(value)) {
          for (let index = 0; index < value.length; index++) {
            const item: unknown = value[index];
            // As `streamReferences`: a multi-reference is found in a list by the list's type.
            if (isReference(item) || isMultiReference(value)) {
              this.doLink({ reference: item as never, container: node, property, index }, document);
            }
          }
        }
      }
      pushChildren(node, stack);
    }
  }
}
