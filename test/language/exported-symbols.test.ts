import type { LangiumDocument } from 'langium';
import {
  Cancellation,
  DefaultScopeComputation,
  EmptyFileSystem,
  OperationCancelled,
  URI,
} from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import { repositorySpecs } from './repository-texts.js';

// Specl's scope computation looks at cancellation every 256 declarations instead of awaiting a
// check before each; it must export what Langium's does, in the same order, and still stop
// when cancelled.
const { Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const computation = Specl.references.ScopeComputation;
const factory = Specl.shared.workspace.LangiumDocumentFactory;
const exported = (descriptions: { name: string; type: string; path: string }[]) =>
  descriptions.map((d) => `${d.type} ${d.name} ${d.path}`);

/** What Langium's own scope computation exports of `document`. */
function langiumExports(document: LangiumDocument) {
  return DefaultScopeComputation.prototype.collectExportedSymbols.call(computation, document);
}

describe("a file's exported symbols", () => {
  it("are Langium's, in order, for every spec of the repository", async () => {
    expect(repositorySpecs.length).toBeGreaterThan(5);
    for (const [file, text] of repositorySpecs) {
      const document = factory.fromString(text, URI.parse(`memory:///${file}`));
      const mine = exported(await computation.collectExportedSymbols(document));
      expect(mine.length, file).toBeGreaterThan(0);
      expect(mine, file).toEqual(exported(await langiumExports(document)));
    }
  });

  it('are those of a file of more than 256 declarations, and stop when cancelled', async () => {
    const text = ['spec Many version "1.0.0"']
      .concat(Array.from({ length: 600 }, (_, i) => `type T${i} { id: Int }`))
      .join('\n');
    const document = factory.fromString(text, URI.parse('memory:///many.specl'));
    const mine = exported(await computation.collectExportedSymbols(document));
    expect(mine.length).toBe(601);
    expect(mine).toEqual(exported(await langiumExports(document)));
    const cancelled = new Cancellation.CancellationTokenSource();
    cancelled.cancel();
    await expect(computation.collectExportedSymbols(document, cancelled.token)).rejects.toBe(
      OperationCancelled,
    );
  });
});
