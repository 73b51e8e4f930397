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
    return new LazyNodeDescription(node, theName, doc.uri, this);
  }

  /** The locator of the descriptions' nodes (their paths). */
  get locator(): AstNodeLocator {
    return this.astNodeLocator;
  }

  /** The name provider of the descriptions' nodes (their name segments). */
  get names(): NameProvider {
    return this.nameProvider;
  }
}

/** What a description computes when first asked, kept together: most are never asked. */
interface ComputedParts {
  path?: string;
  nameSegment?: AstNodeDescription['nameSegment'];
  selectionSegment?: AstNodeDescription['selectionSegment'];
}

/**
 * A description whose path and segments are computed when first read, as a class: an object
 * literal with getters (and closures of its own) sits in V8's dictionary mode, and the linker
 * describes every local name it resolves. The getters are on the prototype; what they compute
 * is kept in one object made at the first (most descriptions are never asked), and the locator
 * and name provider are reached through the provider: six fields, not nine (72 bytes, not 96,
 * for each of the 30,000 descriptions a check of N = 5,000 keeps).
 */
class LazyNodeDescription implements AstNodeDescription {
  readonly node: AstNode;
  readonly name: string;
  type: string;
  readonly documentUri: URI;
  // Private fields: not among the description's keys, which are Langium's.
  readonly #provider: LazyNodeDescriptionProvider;
  #computed: ComputedParts | undefined = undefined;

  constructor(
    node: AstNode,
    name: string,
    documentUri: URI,
    provider: LazyNodeDescriptionProvider,
  ) {
    this.node = node;
    this.name = name;
    this.type = node.$type;
    this.documentUri = documentUri;
    this.#provider = provider;
  }

  get path(): string {
    const computed = (this.#computed ??= {});
    return (computed.path ??= this.#provider.locator.getAstNodePath(this.node));
  }

  get nameSegment(): AstNodeDescription['nameSegment'] {
    const computed = (this.#computed ??= {});
    if (!('nameSegment' in computed)) {
      const node = this.node;
      computed.nameSegment = CstUtils.toDocumentSegment(
        this.#provider.names.getNameNode(node) ?? node.$cstNode,
      );
    }
    return computed.nameSegment;
  }

  get selectionSegment(): AstNodeDescription['selectionSegment'] {
    const computed = (this.#computed ??= {});
    if (!('selectionSegment' in computed)) {
      computed.selectionSegment = CstUtils.toDocumentSegment(this.node.$cstNode);
    }
    return computed.selectionSegment;
  }
}
