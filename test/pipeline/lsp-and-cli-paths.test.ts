import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { SpecBuild } from '@specl/compiler';
import { buildFromCheck, buildSpec } from '@specl/compiler';
import type { ReadFile } from '@specl/language';
import { checkResultOf, ReaderFileSystem } from '@specl/language';
import { createSpeclLspServices } from '@specl/language/lsp';
import { printProject } from '../arbitraries/print-spec.js';
import { multiFileSpecArbitrary, specArbitrary } from '../arbitraries/spec-arbitrary.js';
import type { SpecProject } from '../arbitraries/spec-model.js';
import { repoRoot } from '../helpers/run-cli.js';

/**
 * The two ways a spec reaches the stages: the CLI's (`buildSpec`: one-shot core services) and
 * the language server's (its own services: the LSP document builder, the incremental document
 * factory and the workspace manager, with what it has built read back by `checkResultOf`).
 * Both must give identical diagnostics and IR.
 */
async function throughLanguageServer(root: string, read: ReadFile): Promise<SpecBuild> {
  const fileSystem = new ReaderFileSystem(read);
  const { shared } = createSpeclLspServices({ fileSystemProvider: () => fileSystem });
  // Loads the built-in documents, as the server does when a client connects.
  await shared.workspace.WorkspaceManager.initializeWorkspace([]);
  const uri = URI.file(root);
  const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(uri);
  await shared.workspace.DocumentBuilder.build([document], { validation: true });
  return buildFromCheck(checkResultOf(shared, [uri]), uri.path);
}

/** What the comparison looks at: the stage, the diagnostics, the IR and the files checked. */
function outcome(build: SpecBuild) {
  return {
    stage: build.stage,
    diagnostics: build.diagnostics,
    ir: build.ir,
    problem: build.problem,
    files: build.checked.uris,
  };
}

const examples = ['vacation', 'ach-payments', 'product-similarity'];

describe('the language server and the CLI', () => {
  for (const name of examples) {
    it(`give the same diagnostics and IR for the ${name} example`, async () => {
      const root = join(repoRoot, 'examples', name, `${name}.specl`);
      const fromDisk: ReadFile = (uri) => readFile(uri.fsPath, 'utf8').catch(() => undefined);
      const cli = await buildSpec({ root });
      const lsp = await throughLanguageServer(root, fromDisk);
      expect(cli.ir).toBeDefined();
      expect(outcome(lsp)).toEqual(outcome(cli));
    });
  }

  it('give the same diagnostics for a spec with errors across files', async () => {
    const files: Record<string, string> = {
      '/api/main.specl':
        'spec Main version "1.0.0"\nimport "./lib.specl"\nrecord A { b: Missing, c: Lib }\n',
      '/api/lib.specl': 'record Lib { n: Int where min = "x" }\nimport "./gone.specl"\n',
    };
    const cli = await buildSpec({ files, root: '/api/main.specl' });
    const lsp = await throughLanguageServer('/api/main.specl', async (uri) => files[uri.path]);
    expect(cli.stage).toBe('check');
    expect(cli.diagnostics.length).toBeGreaterThan(1);
    expect(outcome(lsp)).toEqual(outcome(cli));
  });

  const same = async (project: SpecProject) => {
    const files = printProject(project);
    const cli = await buildSpec({ files, root: project.root });
    const lsp = await throughLanguageServer(project.root, async (uri) => files[uri.path]);
    expect(outcome(lsp)).toEqual(outcome(cli));
  };

  it('give the same diagnostics and IR for random specs (one file)', async () => {
    await fc.assert(fc.asyncProperty(specArbitrary, same), { seed: 1701, numRuns: 15 });
  });

  it('give the same diagnostics and IR for random specs (a root and its imports)', async () => {
    await fc.assert(fc.asyncProperty(multiFileSpecArbitrary, same), { seed: 1702, numRuns: 10 });
  });
});
