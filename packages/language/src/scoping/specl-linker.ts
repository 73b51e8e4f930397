import type {
  AstNode,
  AstNodeDescription,
  CstNode,
  LangiumDocument,
  LinkingError,
  Reference,
  ReferenceInfo,
} from 'langium';
import { Cancellation, DefaultLinker } from 'langium';
import { walkReferences } from '../util/walk-references.js';
import type { ReferenceResolver } from './specl-reference.js';
import { SpeclReference } from './specl-reference.js';

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
    await walkReferences(document.parseResult.value, cancelToken, (info) =>
      this.doLink(info, document),
    );
  }

  /** A reference of the class {@link SpeclReference} (Langium's, as a class). */
  override buildReference(
    node: AstNode,
    property: string,
    refNode: CstNode | undefined,
    refText: string,
  ): Reference {
    return new SpeclReference(refNode, refText, this.resolver, node, property);
  }

  private readonly resolver: ReferenceResolver = {
    loadNode: (description: AstNodeDescription) => this.loadAstNode(description),
    linkingError: (info: ReferenceInfo, description?: AstNodeDescription): LinkingError =>
      this.createLinkingError(info, description),
    linkedNode: (info: ReferenceInfo) => this.getLinkedNode(info),
    cyclicReference: (node: AstNode, property: string, refText: string) =>
      this.throwCyclicReferenceError(node, property, refText),
  };
}
