import type { AstNodeDescription, LangiumDocument, ReferenceDescription } from 'langium';
import { DefaultReferenceDescriptionProvider, EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices, isResponseHeadersRef } from '@specl/language';
import { LazyNodeDescriptionProvider } from '../../packages/language/src/workspace/lazy-node-descriptions.js';
import { LazyReferenceDescriptionProvider } from '../../packages/language/src/workspace/lazy-reference-descriptions.js';
import { repositorySpecs } from './repository-texts.js';

// The language server's index of references (`LazyReferenceDescriptionProvider`, places made
// when read) and of names (`LazyNodeDescriptionProvider`) hold what Langium's providers make,
// in the same order, on every spec of the repository.
const { shared, Specl } = createSpeclServices(EmptyFileSystem);
const langiumReferences = new DefaultReferenceDescriptionProvider(Specl);
const lazyReferences = new LazyReferenceDescriptionProvider(Specl);
const lazyNames = new LazyNodeDescriptionProvider(Specl);
const names = Specl.workspace.AstNodeDescriptionProvider;

const plain = (d: ReferenceDescription) => ({
  sourceUri: d.sourceUri.toString(),
  sourcePath: d.sourcePath,
  targetUri: d.targetUri.toString(),
  targetPath: d.targetPath,
  segment: d.segment,
  local: d.local,
});

async function linked(text: string, i: number): Promise<LangiumDocument> {
  const document = shared.workspace.LangiumDocumentFactory.fromString(
    text,
    URI.parse(`file:///spec${i}.specl`),
  );
  shared.workspace.LangiumDocuments.addDocument(document);
  await shared.workspace.DocumentBuilder.build([document], { validation: false });
  return document;
}

/** Every field of a node's description but the node, read by name. */
function described(d: AstNodeDescription) {
  const { name, type, documentUri, path, nameSegment, selectionSegment } = d;
  return { name, type, documentUri, path, nameSegment, selectionSegment };
}

describe('the index with places made when read', () => {
  it.each(repositorySpecs.map(([name, text], i) => [name, text, i] as const))(
    '%s: the same references and names as Langium indexes',
    async (_, text, i) => {
      const document = await linked(text, i);
      // One difference on purpose: `headers` in an `ensures` links to its endpoint but is no
      // use of it (renaming the endpoint must not rename it), so the index leaves it out.
      const locator = Specl.workspace.AstNodeLocator;
      const want = (await langiumReferences.createDescriptions(document))
        .filter(
          (d) =>
            !isResponseHeadersRef(locator.getAstNode(document.parseResult.value, d.sourcePath)),
        )
        .map(plain);
      const got = await lazyReferences.createDescriptions(document);
      expect(got.map(plain)).toEqual(want);
      expect(want.length).toBeGreaterThan(0);
      // Names: every exported one, described by both.
      let compared = 0;
      for (const description of shared.workspace.IndexManager.allElements().toArray()) {
        if (description.documentUri.toString() !== document.uri.toString()) continue;
        const node = description.node!;
        const lazy = lazyNames.createDescription(node, description.name, document);
        const eager = names.createDescription(node, description.name, document);
        // Field by field: the lazy description is a class, whose getters a spread does not copy.
        expect(described(lazy)).toEqual(described(eager));
        expect(lazy.node).toBe(eager.node);
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    },
  );
});
