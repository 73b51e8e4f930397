import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { RecordDecl, SpecFile, SpeclServices } from '@specl/language';
import {
  checkWorkspace,
  createSpeclServices,
  isRecordDecl,
  MemoStamp,
  ReaderFileSystem,
  recordFields,
} from '@specl/language';

/**
 * The typing memos are per workspace (the service `typing.MemoStamp`): a change to one
 * workspace forgets what was memoised for its nodes, and only for them.
 */

interface Workspace {
  readonly Specl: SpeclServices;
  readonly files: Map<string, string>;
  readonly fileSystem: ReaderFileSystem;
}

const MAIN =
  'spec Test version "1.0.0"\nimport "lib.specl"\ntype Account { ...Base, name: String }\n';

function workspace(lib: string): Workspace {
  const files = new Map([
    ['/main.specl', MAIN],
    ['/lib.specl', lib],
  ]);
  const fileSystem = new ReaderFileSystem(async (uri) => files.get(uri.path));
  const { Specl } = createSpeclServices({ fileSystemProvider: () => fileSystem });
  return { Specl, files, fileSystem };
}

async function accountFields(ws: Workspace): Promise<string[]> {
  const checked = await checkWorkspace(ws.Specl.shared, [URI.file('/main.specl')]);
  expect(checked.diagnostics).toEqual([]);
  const main = ws.Specl.shared.workspace.LangiumDocuments.getDocument(URI.file('/main.specl'));
  const account = (main!.parseResult.value as SpecFile).declarations.find(
    (d): d is RecordDecl => isRecordDecl(d) && d.name === 'Account',
  )!;
  return recordFields(account).map((field) => field.name);
}

/** Changes `/lib.specl` and rebuilds what depends on it, as an editor's change does. */
async function changeLib(ws: Workspace, text: string): Promise<void> {
  ws.files.set('/lib.specl', text);
  ws.fileSystem.setReader(async (uri) => ws.files.get(uri.path));
  await ws.Specl.shared.workspace.DocumentBuilder.update([URI.file('/lib.specl')], []);
}

describe('typing memos per workspace', () => {
  it('forgets a record’s fields when a file it spreads from changes', async () => {
    const ws = workspace('type Base { id: Int }\n');
    expect(await accountFields(ws)).toEqual(['id', 'name']);
    // /main.specl is not parsed again: the same Account node, whose fields were memoised.
    await changeLib(ws, 'type Base { id: Int, owner: String }\n');
    expect(await accountFields(ws)).toEqual(['id', 'owner', 'name']);
  });

  it('keeps one workspace’s memos when another workspace changes', async () => {
    const first = workspace('type Base { id: Int }\n');
    const second = workspace('type Base { key: String }\n');
    await accountFields(first);
    await accountFields(second);
    const firstResults = first.Specl.typing.MemoStamp.results;
    const secondResults = second.Specl.typing.MemoStamp.results;
    // A generation has a place for every memo: some of them hold results now.
    expect(firstResults.some((results) => results !== undefined)).toBe(true);

    await changeLib(second, 'type Base { key: String, more: Int }\n');
    expect(first.Specl.typing.MemoStamp.results).toBe(firstResults);
    expect(second.Specl.typing.MemoStamp.results).not.toBe(secondResults);

    await changeLib(first, 'type Base { id: Int, more: Int }\n');
    expect(first.Specl.typing.MemoStamp.results).not.toBe(firstResults);
  });

  it('stamps a document without adding a key to its root', async () => {
    // A key added to the root once typing had begun changed its shape (hidden class), which
    // deoptimised the functions that had read a stamp until then.
    const ws = workspace('type Base { id: Int }\n');
    expect(await accountFields(ws)).toEqual(['id', 'name']);
    const { LangiumDocuments, LangiumDocumentFactory } = ws.Specl.shared.workspace;
    const built = LangiumDocuments.getDocument(URI.file('/main.specl'))!;
    const unbuilt = LangiumDocumentFactory.fromString(MAIN, URI.file('/unbuilt.specl'));
    expect(Reflect.ownKeys(built.parseResult.value)).toEqual(
      Reflect.ownKeys(unbuilt.parseResult.value),
    );
  });

  it('is a service a module can replace', () => {
    const replaced = new MemoStamp();
    const { Specl } = createSpeclServices(
      { fileSystemProvider: () => new ReaderFileSystem(async () => undefined) },
      { modules: [{ typing: { MemoStamp: () => replaced } }] },
    );
    expect(Specl.typing.MemoStamp).toBe(replaced);
  });
});
