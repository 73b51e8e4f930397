import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import type { AstNode, Reference } from 'langium';
import { AstUtils, DefaultLinker, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { CheckResult, ReadFile } from '@specl/language';
import { checkWorkspace, createSpeclServices, ReaderFileSystem } from '@specl/language';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { repoRoot } from '../helpers/run-cli.js';
import { repositorySpecs } from './repository-texts.js';

// Specl's linker makes references of a class of its own (SpeclReference) instead of Langium's
// object literal. With Langium's own `buildReference` put back on the linker, every spec of the
// repository, versions with names that do not resolve, and random specs must check to the same
// diagnostics, and every reference must find the same node (or the same error), parsed with the
// CST built eagerly and on demand.
const fromDisk: ReadFile = (uri) => readFile(uri.fsPath, 'utf8').catch(() => undefined);

type Kind = 'specl' | 'langium';

function services(kind: Kind, lazyCst: boolean) {
  const fileSystem = new ReaderFileSystem(fromDisk);
  const { shared, Specl } = createSpeclServices(
    { fileSystemProvider: () => fileSystem },
    { indexReferences: false, lazyCst },
  );
  const linker = Specl.references.Linker;
  expect(linker.buildReference).not.toBe(DefaultLinker.prototype.buildReference);
  if (kind === 'langium') linker.buildReference = DefaultLinker.prototype.buildReference;
  return { fileSystem, shared };
}

const all = (['specl', 'langium'] as const).flatMap((kind) =>
  [false, true].map((lazyCst) => ({ kind, lazyCst, ...services(kind, lazyCst) })),
);

/** What the references of the checked documents found, in order. */
function found(checked: CheckResult): string[] {
  const out: string[] = [];
  for (const document of checked.documents) {
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
      for (const { reference } of AstUtils.streamReferences(node)) {
        const ref = reference as Reference;
        const target = ref.ref as (AstNode & { name?: string }) | undefined;
        out.push(
          `${ref.$refText} -> ${target ? `${target.$type} ${target.name}` : ref.error?.message}`,
        );
      }
    }
  }
  return out;
}

async function expectSame(root: string, read: ReadFile): Promise<number> {
  const outcomes: { diagnostics: unknown; found: string[] }[] = [];
  for (const { fileSystem, shared } of all) {
    const previous = shared.workspace.LangiumDocuments.all
      .filter((document) => document.uri.scheme === 'file')
      .map((document) => document.uri)
      .toArray();
    await shared.workspace.DocumentBuilder.update([], previous);
    fileSystem.setReader(read);
    const checked = await checkWorkspace(shared, [URI.file(root)]);
    outcomes.push({ diagnostics: checked.diagnostics, found: found(checked) });
  }
  for (const outcome of outcomes.slice(1)) expect(outcome).toEqual(outcomes[0]);
  return outcomes[0]!.found.length;
}

describe("Specl's references", () => {
  it.each(repositorySpecs.map(([file]) => file))(
    '%s, and with names that do not resolve',
    async (file) => {
      const root = join(repoRoot, file);
      expect(await expectSame(root, fromDisk)).toBeGreaterThan(0);
      const text = await readFile(root, 'utf8');
      const misspelled = text.replace(/\b([A-Z]\w+)\b/g, (name, _, at: number) =>
        at % 5 === 0 ? `${name}x` : name,
      );
      await expectSame(root, async (uri) => (uri.fsPath === root ? misspelled : fromDisk(uri)));
    },
  );

  it('random specs', async () => {
    await fc.assert(
      fc.asyncProperty(specArbitrary, async (project) => {
        const files = printProject(project);
        await expectSame(project.root, async (uri) => files[uri.path]);
      }),
      { seed: 1721, numRuns: 15 },
    );
  });
});
