import type {
  AstNode,
  AstNodeDescription,
  AstNodeLocator,
  LangiumDocument,
  NameProvider,
  URI,
} from 'langium';
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
    return new LazyNodeDescription(node, theName, doc.uri, this.astNodeLocator, this.nameProvider);
  }
}

/**
 * A description whose path and segments are computed when first read, as a class: an object
 * literal with getters (and closures of its own) sits in V8's dictionary mode, and the linker
 * describes every local name it resolves. The getters are on the prototype.
 */
class LazyNodeDescription implements AstNodeDescription {
  readonly node: AstNode;
  readonly name: string;
  type: string;
  readonly documentUri: URI;
  // Private fields: not among the description's keys, which are Langium's.
  readonly #locator: AstNodeLocator;
  readonly #nameProvider: NameProvider;
  #path: string | undefined = undefined;
  #nameSegment: AstNodeDescription['nameSegment'] | null = null;
  #selectionSegment: AstNodeDescription['selectionSegment'] | null = null;

  constructor(
    node: AstNode,
    name: string,
    documentUri: URI,
    locator: AstNodeLocator,
    nameProvider: NameProvider,
  ) {
    this.node = node;
    this.name = name;
    this.type = node.$type;
    this.documentUri = documentUri;
    this.#locator = locator;
    this.#nameProvider = nameProvider;
  }

  get path(): string {
    return (this.#path ??= this.#locator.getAstNodePath(this.node));
  }

  get nameSegment(): AstNodeDescription['nameSegment'] {
    if (this.#nameSegment === null) {
      const node = this.node;
      this.#nameSegment = CstUtils.toDocumentSegment(
        this.#nameProvider.getNameNode(node) ?? node.$cstNode,
      );
    }
    return this.#nameSegment;
  }

  get selectionSegment(): AstNodeDescription['selectionSegment'] {
    if (this.#selectionSegment === null) {
      this.#selectionSegment = CstUtils.toDocumentSegment(this.node.$cstNode);
    }
    return this.#selectionSegment;
  }
}
