import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { LspSession } from './helpers/lsp-session.js';

const spec = 'spec A version "1.0.0"\ntype T { x: Strin }\n';

/** Whether the server still checks a document it is given (it is still serving). */
async function stillServes(session: LspSession, path: string): Promise<void> {
  const uri = await session.open(path, spec);
  const diagnostics = await session.diagnosticsFor(uri);
  expect(diagnostics.map((d) => d.code)).toEqual(['specl/unknown-type']);
}

describe('the server on malformed messages', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start();
  });
  afterAll(() => session.close());

  it.each([
    ['null', null],
    ['a number', 42],
  ])('keeps serving after a didOpen whose text is %s, and logs what was wrong', async (_, text) => {
    const uri = session.uri(`bad-${String(text)}.specl`);
    await session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'specl', version: 1, text },
    });
    await stillServes(session, `good-after-${String(text)}.specl`);
    expect(session.log).toContain(
      'the Specl language server ignored `textDocument/didOpen`: its parameters must be an object whose `textDocument` is an object whose `text` is a string',
    );
  });

  it('keeps serving after a didChange without its changes', async () => {
    const uri = await session.open('changed.specl', spec);
    await session.diagnosticsFor(uri);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: null }],
    });
    await stillServes(session, 'good-after-change.specl');
    expect(session.log).toContain('ignored `textDocument/didChange`');
  });

  it('answers a request with a malformed position with an InvalidParams error', async () => {
    const uri = await session.open('hover.specl', spec);
    await session.diagnosticsFor(uri);
    const answer = session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 'x', character: -1 } as never,
    });
    await expect(answer).rejects.toMatchObject({
      code: -32602,
      message:
        'the Specl language server ignored `textDocument/hover`: its `position` must be a position `{ line, character }` of whole numbers from 0',
    });
    const fine = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 5 },
    });
    expect(JSON.stringify(fine)).toContain('type T');
  });

  it('answers a request without a textDocument uri with an error', async () => {
    const answer = session.connection.sendRequest(HoverRequest.type, {
      textDocument: {} as never,
      position: { line: 0, character: 0 },
    });
    await expect(answer).rejects.toMatchObject({ code: -32602 });
    await stillServes(session, 'good-after-request.specl');
  });
});
