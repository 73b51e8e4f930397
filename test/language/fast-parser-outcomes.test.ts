import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { SpecBuild } from '@specl/compiler';
import { buildFromCheck } from '@specl/compiler';
import type { ReadFile } from '@specl/language';
import { checkWorkspace, createSpeclServices, ReaderFileSystem } from '@specl/language';
import fc from 'fast-check';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { repoRoot } from '../helpers/run-cli.js';
import { docBlocks } from './repository-texts.js';

// With the fast parse path on and off, and on with each declaration's CST built on demand (as
// `specl check` parses), every spec of the repository (the examples, the test fixtures), and
// versions of them with mistakes (names that do not resolve, a cut-off text), the specl blocks of
// the docs and random specs (with mistakes too), check to the same diagnostics (code, message,
// range) and lower to the same IR.
const fromDisk: ReadFile = (uri) => readFile(uri.fsPath, 'utf8').catch(() => undefined);

type Mode = 'fast' | 'langium' | 'lazy';

/** One set of services for each way of parsing, each reused from check to check. */
const workspaces = new Map(
  (['fast', 'langium', 'lazy'] as const).map((mode) => {
    const fileSystem = new ReaderFileSystem(fromDisk);
    const { shared } = createSpeclServices(
      { fileSystemProvider: () => fileSystem },
      { indexReferences: false, fastParser: mode !== 'langium', lazyCst: mode === 'lazy' },
    );
    return [mode, { fileSystem, shared }];
  }),
);

async function build(root: string, mode: Mode, read = fromDisk): Promise<SpecBuild> {
  const { fileSystem, shared } = workspaces.get(mode)!;
  // Starts from an empty workspace (the built-in documents stay).
  const previous = shared.workspace.LangiumDocuments.all
    .filter((document) => document.uri.scheme === 'file')
    .map((document) => document.uri)
    .toArray();
  await shared.workspace.DocumentBuilder.update([], previous);
  fileSystem.setReader(read);
  const checked = await checkWorkspace(shared, [URI.file(root)]);
  return buildFromCheck(checked, URI.file(root).path);
}

const specs = execFileSync('git', ['ls-files', '*.specl'], { cwd: repoRoot, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);

/** The spec with a mistake: `kind` 0 misspells its types, 1 cuts it off half-way. */
function broken(text: string, kind: number): string {
  if (kind === 1) return text.slice(0, Math.floor(text.length / 2));
  return text.replace(/: (String|Int)\b/g, (_, type: string, at: number) =>
    at % 3 === 0 ? `: ${type}x` : `: ${type}`,
  );
}

async function expectSameOutcome(root: string, read = fromDisk): Promise<SpecBuild> {
  const langium = await build(root, 'langium', read);
  let fast: SpecBuild | undefined;
  for (const mode of ['fast', 'lazy'] as const) {
    fast = await build(root, mode, read);
    expect(fast.stage).toBe(langium.stage);
    expect(fast.diagnostics).toEqual(langium.diagnostics);
    expect(JSON.stringify(fast.ir)).toBe(JSON.stringify(langium.ir));
    expect(fast.problem).toBe(langium.problem);
  }
  return fast!;
}

describe('the fast parse path, on (eager and lazy CST) and off', () => {
  it('the repository has example specs', () => {
    expect(specs.filter((file) => file.startsWith('examples/')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(specs.filter((file) => file.startsWith('examples/')))(
    '%s with mistakes: the same diagnostics',
    async (file) => {
      const root = join(repoRoot, file);
      const text = await readFile(root, 'utf8');
      for (const kind of [0, 1]) {
        const read: ReadFile = async (uri) =>
          uri.fsPath === root ? broken(text, kind) : fromDisk(uri);
        const outcome = await expectSameOutcome(root, read);
        expect(outcome.diagnostics.length).toBeGreaterThan(0);
      }
    },
  );

  it.each(specs)('%s: the same diagnostics and IR', async (file) => {
    const outcome = await expectSameOutcome(join(repoRoot, file));
    if (file.startsWith('examples/')) expect(outcome.ir).toBeDefined();
  });

  it('the docs blocks and random specs, with mistakes: the same diagnostics and IR', async () => {
    const inMemory =
      (files: Record<string, string>): ReadFile =>
      async (uri) =>
        files[uri.path];
    let withErrors = 0;
    for (const [i, [, text]] of docBlocks.entries()) {
      const root = `/docs/block-${i}.specl`;
      const outcome = await expectSameOutcome(root, inMemory({ [root]: text }));
      if (outcome.stage === 'check') withErrors++;
    }
    await fc.assert(
      fc.asyncProperty(specArbitrary, fc.nat(2), async (project, kind) => {
        const files = printProject(project);
        if (kind < 2) files[project.root] = broken(files[project.root]!, kind);
        const outcome = await expectSameOutcome(project.root, inMemory(files));
        if (outcome.stage === 'check') withErrors++;
      }),
      { seed: 1720, numRuns: 24 },
    );
    expect(withErrors).toBeGreaterThan(5);
  });
});
