import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Location, LocationLink, WorkspaceEdit } from 'vscode-languageserver-protocol';
import {
  DefinitionRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
} from 'vscode-languageserver-protocol';
import { applyEdits, textIn, withCursor } from './helpers/cursor.js';
import { LspSession } from './helpers/lsp-session.js';

const common = `/// Whole days.
type Days = Int { min: 0 }

enum Status { pending, approved }

type Request {
  days: Days
  status: Status
  invariant days >= 0
}
`;

const main = `spec Leave version "1.0.0"
import "./common.specl"

type Balance {
  left: Days
  ...Request
}

endpoint getRequest GET /requests/{id: Uuid} {
  query full?: Bool
  response 200 Request
  ensures response.status == pending
}

property readsBack {
  forall n: Int
  let r = try getRequest(id: "00000000-0000-4000-8000-000000000000", full: true)
  expect r.ok implies r.value.days >= 0
}
`;

describe('definition, references and rename over LSP', () => {
  let session: LspSession;
  let mainUri: string;
  let commonUri: string;
  beforeAll(async () => {
    session = await LspSession.start({ 'common.specl': common, 'main.specl': main });
    mainUri = session.uri('main.specl');
    commonUri = session.uri('common.specl');
    await session.diagnosticsFor(mainUri);
  });
  afterAll(() => session.close());

  /** The position of the `n`th occurrence (0-based) of `word` in a text, plus `within` characters. */
  function at(text: string, word: string, n = 0, within = 1) {
    let offset = -1;
    for (let i = 0; i <= n; i++) offset = text.indexOf(word, offset + 1);
    if (offset < 0) throw new Error(`no ${word} in the text`);
    return withCursor(text.slice(0, offset + within) + '$0' + text.slice(offset + within)).position;
  }

  const texts = () => ({ [mainUri]: main, [commonUri]: common });

  it('goes to a declaration in another file', async () => {
    const links = (await session.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: mainUri },
      position: at(main, 'Days'),
    })) as LocationLink[];
    expect(links).toHaveLength(1);
    expect(links[0]!.targetUri).toBe(commonUri);
    expect(textIn(common, links[0]!.targetSelectionRange)).toBe('Days');
    expect(textIn(main, links[0]!.originSelectionRange!)).toBe('Days');
  });

  it('goes to a field through a spread and an outcome, and to an imported file', async () => {
    const field = (await session.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: mainUri },
      position: at(main, 'days >= 0'),
    })) as LocationLink[];
    expect(field[0]!.targetUri).toBe(commonUri);
    expect(field[0]!.targetSelectionRange.start.line).toBe(6);
    const file = (await session.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: mainUri },
      position: at(main, 'common.specl'),
    })) as LocationLink[];
    expect(file.map((l) => l.targetUri)).toEqual([commonUri]);
    // `ok` is built in: there is no file to go to.
    const builtin = await session.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: mainUri },
      position: at(main, 'r.ok', 0, 2),
    });
    expect(builtin).toBeNull();
  });

  it('finds the references of a field in every file', async () => {
    const locations = (await session.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: commonUri },
      position: at(common, 'days: Days'),
      context: { includeDeclaration: true },
    })) as Location[];
    const found = locations
      .map(
        (l) =>
          `${l.uri === mainUri ? 'main' : 'common'}:${l.range.start.line + 1}:${textIn(texts()[l.uri]!, l.range)}`,
      )
      .sort();
    expect(found).toEqual(['common:7:days', 'common:9:days', 'main:18:days']);
  });

  it('renames an enum member everywhere it is used', async () => {
    const edit = (await session.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: mainUri },
      position: at(main, 'pending'),
      newName: 'waiting',
    })) as WorkspaceEdit;
    const changes = edit.changes!;
    expect(Object.keys(changes).sort()).toEqual([commonUri, mainUri].sort());
    expect(applyEdits(common, changes[commonUri]!)).toContain('enum Status { waiting, approved }');
    expect(applyEdits(main, changes[mainUri]!)).toContain('ensures response.status == waiting');
  });

  it('renames a query parameter and the call arguments that pass it', async () => {
    const edit = (await session.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: mainUri },
      position: at(main, 'full?'),
      newName: 'complete',
    })) as WorkspaceEdit;
    const renamed = applyEdits(main, edit.changes![mainUri]!);
    expect(renamed).toContain('query complete?: Bool');
    expect(renamed).toContain('full: true'.replace('full', 'complete'));
  });

  it('prepares a rename with the range of the name', async () => {
    const range = await session.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri: mainUri },
      position: at(main, 'Balance'),
    });
    expect(textIn(main, range as never)).toBe('Balance');
  });

  async function renameError(
    uri: string,
    position: { line: number; character: number },
    newName: string,
  ) {
    try {
      await session.connection.sendRequest(RenameRequest.type, {
        textDocument: { uri },
        position,
        newName,
      });
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`renaming to ${newName} was accepted`);
  }

  it('refuses names that are not names, and keywords', async () => {
    expect(await renameError(mainUri, at(main, 'Balance'), '2fast')).toBe(
      '`2fast` is not a name: a name starts with a letter or `_` and goes on with letters, digits and `_`',
    );
    expect(await renameError(mainUri, at(main, 'Balance'), 'endpoint')).toBe(
      '`endpoint` is a keyword of Specl and cannot be used as a name here',
    );
  });

  it('refuses a name that clashes with one declared beside it', async () => {
    expect(await renameError(mainUri, at(main, 'Balance'), 'Status')).toBe(
      '`Status` is already declared in ./common.specl',
    );
    expect(await renameError(mainUri, at(main, 'left'), 'status')).toBe(
      '`status` is already declared as a field of `Balance`',
    );
    // Balance spreads Request: a field of Request may not take the name of Balance's own field.
    expect(await renameError(commonUri, at(common, 'days: Days'), 'left')).toBe(
      '`left` is already declared as a field of `Balance`',
    );
    expect(await renameError(mainUri, at(main, 'full?'), 'id')).toBe(
      '`id` is already declared as a parameter of `getRequest`',
    );
  });

  it('refuses a name that would capture a use of that name', async () => {
    // `n` is bound by the forall; renaming the let `r` to `n` would change what `n` means there.
    const source = main.replace('expect r.ok', 'expect n > 0 and r.ok');
    const uri = await session.open('capture.specl', source);
    await session.diagnosticsFor(uri);
    expect(await renameError(uri, at(source, 'r = try'), 'n')).toBe(
      '`n` is already declared in `readsBack`',
    );
  });

  it('refuses to rename what is built in', async () => {
    await expect(
      session.connection.sendRequest(PrepareRenameRequest.type, {
        textDocument: { uri: mainUri },
        position: at(main, 'r.ok', 0, 2),
      }),
    ).rejects.toThrow('`ok` is built into Specl and cannot be renamed');
  });
});
