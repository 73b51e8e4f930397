import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import {
  CodeLensRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
} from 'vscode-languageserver-protocol';
import { createConnection } from 'vscode-languageserver/node.js';
import { startSpeclLanguageServer } from '@specl/lsp';
import type { CodeLensContribution } from '@specl/lsp';
import { LspSession } from './helpers/lsp-session.js';

/** Marks every endpoint with a lens, as the verifier's results will be shown. */
const endpointLenses: CodeLensContribution = {
  provideCodeLenses(document) {
    const lines = document.textDocument.getText().split('\n');
    return lines.flatMap((line, index) =>
      line.startsWith('endpoint ')
        ? [
            {
              range: { start: { line: index, character: 0 }, end: { line: index, character: 8 } },
              command: { title: `not run: ${line.split(' ')[1]}`, command: 'specl.verify' },
            },
          ]
        : [],
    );
  },
};

describe('the code-lens hook of @specl/lsp', () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const client = createProtocolConnection(
    new StreamMessageReader(toClient),
    new StreamMessageWriter(toServer),
  );
  client.listen();
  void startSpeclLanguageServer({
    connection: createConnection(
      new StreamMessageReader(toServer),
      new StreamMessageWriter(toClient),
    ),
    codeLenses: [endpointLenses],
  });
  afterAll(() => client.dispose());

  it('serves the lenses of every contribution, sorted by position', async () => {
    const result = await client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: {},
    });
    expect(result.capabilities.codeLensProvider).toEqual({ resolveProvider: false });
    await client.sendNotification(InitializedNotification.type, {});
    const uri = 'file:///lenses/api.specl';
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: 'specl',
        version: 1,
        text: 'spec A version "1.0.0"\nendpoint b GET /b {\n  response 200\n}\nendpoint a GET /a {\n  response 200\n}\n',
      },
    });
    const lenses = await client.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    expect(lenses?.map((l) => [l.range.start.line, l.command?.title])).toEqual([
      [1, 'not run: b'],
      [4, 'not run: a'],
    ]);
  });

  it('announces no code lenses when given no contributions', async () => {
    const toServer2 = new PassThrough();
    const toClient2 = new PassThrough();
    const bare = createProtocolConnection(
      new StreamMessageReader(toClient2),
      new StreamMessageWriter(toServer2),
    );
    bare.listen();
    void startSpeclLanguageServer({
      connection: createConnection(
        new StreamMessageReader(toServer2),
        new StreamMessageWriter(toClient2),
      ),
      codeLenses: [],
    });
    try {
      const result = await bare.sendRequest(InitializeRequest.type, {
        processId: null,
        rootUri: null,
        capabilities: {},
      });
      expect(result.capabilities.codeLensProvider).toBeUndefined();
      // Without the verifier, the only commands are the import's and the agent's.
      expect(result.capabilities.executeCommandProvider?.commands).toEqual([
        'specl.importOpenApi',
        'specl.agent.implement',
        'specl.agent.repair',
      ]);
    } finally {
      bare.dispose();
    }
  });

  it("shows the verifier's lenses by default (the server editors start)", async () => {
    const session = await LspSession.start();
    try {
      expect(session.initializeResult?.capabilities.codeLensProvider).toEqual({
        resolveProvider: false,
      });
      expect(session.initializeResult?.capabilities.executeCommandProvider?.commands).toEqual([
        'specl.verify',
        'specl.importOpenApi',
        'specl.agent.implement',
        'specl.agent.repair',
      ]);
    } finally {
      await session.close();
    }
  });
});
