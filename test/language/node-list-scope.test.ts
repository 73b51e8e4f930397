import type { AstNode, Scope } from 'langium';
import { AstUtils, EmptyFileSystem, StreamScope, URI, stream } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import type { SpecFile } from '@specl/language';
import { NodeListScope } from '../../packages/language/src/scoping/node-list-scope.js';

// Specl's scope of a list of nodes (a record's fields, an enum's members) describes a node only
// when a look-up finds it; it must answer as the StreamScope Langium makes of the same nodes:
// the first node of a name, then the outer scope's; every node of a name; every node.
const { Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const names = Specl.references.NameProvider;
const descriptions = Specl.workspace.AstNodeDescriptionProvider;
const text = `spec T version "1.0.0"
type A { a: Int, b: Int, a: String, c: Int }
enum E { x, y, x }
type B { b: Int, d: Int }
`;

/** Langium's scope of `nodes` (its `createScopeForNodes`). */
function langiumScope(nodes: AstNode[], outer?: Scope): Scope {
  const described = stream(nodes)
    .map((n) => {
      const name = names.getName(n);
      return name ? descriptions.createDescription(n, name) : undefined;
    })
    .nonNullable();
  return new StreamScope(described, outer);
}

const seen = (d: { name: string; node?: AstNode } | undefined) =>
  d ? `${d.name}@${d.node?.$cstNode?.offset}` : 'none';

describe('the scope of a list of nodes', () => {
  it("answers as Langium's StreamScope, with and without an outer scope", () => {
    const document = Specl.shared.workspace.LangiumDocumentFactory.fromString<SpecFile>(
      text,
      URI.parse('memory:///t.specl'),
    );
    const file = document.parseResult.value;
    const [a, e, b] = file.declarations.map((d) =>
      AstUtils.streamContents(d)
        .filter((n) => n.$type === 'Field' || n.$type === 'EnumMember')
        .toArray(),
    );
    expect([a!.length, e!.length, b!.length]).toEqual([4, 3, 2]);
    const outer = langiumScope(b!);
    for (const nodes of [a!, e!]) {
      for (const around of [undefined, outer]) {
        const mine = new NodeListScope(nodes, names, descriptions, around);
        const theirs = langiumScope(nodes, around);
        for (const name of ['a', 'b', 'c', 'd', 'x', 'y', 'z']) {
          expect(seen(mine.getElement(name))).toBe(seen(theirs.getElement(name)));
          expect(mine.getElements(name).map(seen).toArray()).toEqual(
            theirs.getElements(name).map(seen).toArray(),
          );
        }
        expect(mine.getAllElements().map(seen).toArray()).toEqual(
          theirs.getAllElements().map(seen).toArray(),
        );
      }
    }
  });
});
