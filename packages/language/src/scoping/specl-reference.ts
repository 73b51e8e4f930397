import type {
  AstNode,
  AstNodeDescription,
  CstNode,
  LinkingError,
  Reference,
  ReferenceInfo,
} from 'langium';
import {
  AstUtils,
  DocumentState,
  RefResolving,
  isAstNode,
  isAstNodeDescription,
  isLinkingError,
} from 'langium';
import { ensureDeclarationCst } from '../parser/fast/lazy-declaration-cst.js';

/** The mark of a reference whose CST node is built with its declaration's CST when first read. */
const CST_ON_DEMAND = Symbol('CST on demand');

/** What a reference asks of its linker to resolve itself (Langium's linker's own steps). */
export interface ReferenceResolver {
  loadNode(description: AstNodeDescription): AstNode | undefined;
  linkingError(info: ReferenceInfo, description?: AstNodeDescription): LinkingError;
  linkedNode(info: ReferenceInfo): {
    node?: AstNode;
    descr?: AstNodeDescription;
    error?: LinkingError;
  };
  cyclicReference(node: AstNode, property: string, refText: string): never;
}

/**
 * A cross-reference as Langium's `DefaultLinker.buildReference` makes it, with the same fields
 * (`_ref`, `_nodeDescription`, which the linker sets and clears) and the same resolution when
 * `ref` is read before linking, as a class: Langium's object literal with getters (closures of
 * its own) is an object in dictionary mode, several times larger, slower to read, and a tenth of
 * what a check allocated. The linking, validation and lazy-CST tests compare the outcomes.
 */
export class SpeclReference implements Reference {
  readonly $refText: string;
  _ref: AstNode | LinkingError | typeof RefResolving | undefined = undefined;
  _nodeDescription: AstNodeDescription | undefined = undefined;
  // Private fields: not among the keys of the reference, as in Langium's.
  readonly #resolver: ReferenceResolver;
  readonly #container: AstNode;
  readonly #property: string;
  /** The CST node, or {@link CST_ON_DEMAND} while its declaration's CST is to be built. */
  #refNode: CstNode | typeof CST_ON_DEMAND | undefined;

  constructor(
    refNode: CstNode | undefined,
    refText: string,
    resolver: ReferenceResolver,
    container: AstNode,
    property: string,
  ) {
    this.#refNode = refNode;
    this.$refText = refText;
    this.#resolver = resolver;
    this.#container = container;
    this.#property = property;
  }

  /** The CST node of the reference's text; built with its declaration's CST when on demand. */
  get $refNode(): CstNode | undefined {
    if (this.#refNode === CST_ON_DEMAND) {
      this.#refNode = undefined;
      // Building the CST sets `$refNode` (through the setter below).
      ensureDeclarationCst(this.#container);
    }
    return this.#refNode;
  }

  set $refNode(node: CstNode | undefined) {
    this.#refNode = node;
  }

  /**
   * Makes `$refNode` build the CST of `owner`'s declaration (`owner` is the node holding the
   * reference, parsed without its CST) when first read. The owner is the reference's container:
   * a mark in the CST node's field, not a field of its own (one field less on each of the
   * 47,000 references of a check of N = 5,000).
   */
  refNodeOnDemand(owner: AstNode): void {
    if (owner !== this.#container)
      throw new Error('A reference is built on demand by its container.');
    this.#refNode = CST_ON_DEMAND;
  }

  get ref(): AstNode | undefined {
    const resolved = this._ref;
    if (isAstNode(resolved)) return resolved;
    if (isAstNodeDescription(this._nodeDescription)) {
      // Found before, not loaded then.
      const info = { reference: this, container: this.#container, property: this.#property };
      this._ref =
        this.#resolver.loadNode(this._nodeDescription) ??
        this.#resolver.linkingError(info, this._nodeDescription);
    } else if (resolved === undefined) {
      // Read before the linker reached it: resolved now.
      this._ref = RefResolving;
      const document = AstUtils.findRootNode(this.#container).$document;
      const info = { reference: this, container: this.#container, property: this.#property };
      const found = this.#resolver.linkedNode(info);
      if (found.error && document && document.state < DocumentState.ComputedScopes) {
        // The scopes are not ready: the linker tries again later.
        this._ref = undefined;
        return undefined;
      }
      this._ref = found.node ?? found.error;
      this._nodeDescription = found.descr;
      document?.references.push(this);
    } else if (resolved === RefResolving) {
      this.#resolver.cyclicReference(this.#container, this.#property, this.$refText);
    }
    return isAstNode(this._ref) ? this._ref : undefined;
  }

  get $nodeDescription(): AstNodeDescription | undefined {
    return this._nodeDescription;
  }

  get error(): LinkingError | undefined {
    return isLinkingError(this._ref) ? this._ref : undefined;
  }
}
