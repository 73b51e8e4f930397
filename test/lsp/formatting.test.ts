import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
} from 'vscode-languageserver-protocol';
import { formatSource } from '@specl/language';
import { applyEdits } from './helpers/cursor.js';
import { LspSession } from './helpers/lsp-session.js';

const messy = `spec   Shop version "1.0.0"
type Item {name:String
  count : Int}
endpoint getItem GET /items/{id:Uuid}
{
response 200 Item
  requires len( id )>0
}
`;

const options = { tabSize: 8, insertSpaces: false };

describe('formatting over LSP', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start();
  });
  afterAll(() => session.close());

  /** The edits the server proposes to format a whole document. */
  const formatting = (uri: string) =>
    session.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options,
    });

  it('formats a document as `specl fmt` does, whatever the editor tab settings', async () => {
    const uri = await session.open('shop.specl', messy);
    await session.diagnosticsFor(uri);
    const edits = await formatting(uri);
    const formatted = applyEdits(messy, edits!);
    const cli = await formatSource(messy, uri);
    expect(cli.ok && formatted === cli.text).toBe(true);
    expect(formatted).toBe(`spec Shop version "1.0.0"
type Item {
  name: String
  count: Int
}
endpoint getItem GET /items/{id: Uuid} {
  response 200 Item
  requires len(id) > 0
}
`);
    // Formatting what it formatted changes nothing.
    await session.change(uri, formatted);
    await session.diagnosticsFor(uri);
    expect(await formatting(uri)).toEqual([]);
  });

  it('formats a range only', async () => {
    const uri = await session.open('range.specl', messy);
    await session.diagnosticsFor(uri);
    const edits = await session.connection.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri },
      range: { start: { line: 5, character: 0 }, end: { line: 6, character: 24 } },
      options,
    });
    expect(applyEdits(messy, edits!)).toBe(
      messy.replace('response 200', '  response 200').replace('len( id )>0', 'len(id) > 0'),
    );
  });

  it('leaves a document with syntax errors as it is', async () => {
    const uri = await session.open('broken.specl', 'type Item {name:String\n');
    await session.diagnosticsFor(uri);
    expect(await formatting(uri)).toEqual([]);
  });
});
