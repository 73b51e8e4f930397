import type { AstNode, AstNodeDescription, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider } from 'langium';

/**
 * Langium's descriptions of named nodes (what the index and scopes hold), whose `path` and
 * `selectionSegment` are computed when first read instead of when the description is made: the
 * linker needs neither for a node it has in memory, and the segment reads the node's CST, which
 * a batch check builds only where it is read (`parser/fast/lazy-declaration-cst.ts`). The values
 * are those Langium computes: an AST and its CST do not change once parsed.
 */
export class LazyNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
  override createDescription(
    node: AstNode,
    name: string | undefined,
    document?: LangiumDocument,
  ): AstNodeDescription {
    const doc = document ?? AstUtils.getDocument(node);
    const theName = name ?? this.nameProvider.getName(node);
    if (!theName) {
      throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
    }
    const locator = this.astNodeLocator;
    const nameProvider = this.nameProvider;
    let path: string | undefined;
    let nameSegment: AstNodeDescription['nameSegment'];
    let selectionSegment: AstNodeDescription['selectionSegment'];
    let nameSegmentDone = false;
    let selectionSegmentDone = false;
    return {
      node,
      name: theName,
      get nameSegment() {
        if (!nameSegmentDone) {
          nameSegment = CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode);
          nameSegmentDone = true;
        }
        return nameSegment;
      },
      get selectionSegment() {
        if (!selectionSegmentDone) {
          selectionSegment = CstUtils.toDocumentSegment(node.$cstNode);
          selectionSegmentDone = true;
        }
        return selectionSegment;
      },
      type: node.$type,
      documentUri: doc.uri,
      get path() {
        return (path ??= locator.getAstNodePath(node));
      },
    };
  }
}
