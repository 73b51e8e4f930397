import type {
  AstNode,
  AstNodeDescription,
  AstNodeDescriptionProvider,
  NameProvider,
  Scope,
  Stream,
} from 'langium';
import { stream } from 'langium';

/**
 * The scope of a list of AST nodes (a record's fields, an enum's members, an endpoint's
 * parameters), as Langium's `createScopeForNodes` makes it (a `StreamScope` of their
 * descriptions: the first node of a name wins, then the outer scope), but describing a node only
 * when a look-up finds it, and once: Langium's scope describes every node it passes on every
 * look-up, which a record's field scope (kept for all the spec's `.field`s) did thousands of times.
 */
export class NodeListScope implements Scope {
  private readonly described: (AstNodeDescription | null | undefined)[] = [];

  constructor(
    private readonly nodes: readonly AstNode[],
    private readonly names: NameProvider,
    private readonly descriptions: AstNodeDescriptionProvider,
    private readonly outerScope?: Scope,
  ) {}

  getElement(name: string): AstNodeDescription | undefined {
    const nodes = this.nodes;
    for (let i = 0; i < nodes.length; i++) {
      if (this.names.getName(nodes[i]!) === name) return this.describe(i)!;
    }
    return this.outerScope?.getElement(name);
  }

  getElements(name: string): Stream<AstNodeDescription> {
    const local = this.all().filter((d) => d.name === name);
    return this.outerScope
      ? stream(local).concat(this.outerScope.getElements(name))
      : stream(local);
  }

  getAllElements(): Stream<AstNodeDescription> {
    const local = stream(this.all());
    return this.outerScope ? local.concat(this.outerScope.getAllElements()) : local;
  }

  /** The descriptions of the nodes that have a name, in order. */
  private all(): AstNodeDescription[] {
    const all: AstNodeDescription[] = [];
    for (let i = 0; i < this.nodes.length; i++) {
      const description = this.describe(i);
      if (description) all.push(description);
    }
    return all;
  }

  /** The description of node `i`, made once; undefined for a node without a name. */
  private describe(i: number): AstNodeDescription | undefined {
    let description = this.described[i];
    if (description === undefined) {
      const node = this.nodes[i]!;
      const name = this.names.getName(node);
      description = name ? this.descriptions.createDescription(node, name) : null;
      this.described[i] = description;
    }
    return description ?? undefined;
  }
}
