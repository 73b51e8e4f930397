import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestType } from 'vscode-languageserver-protocol';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  SignatureHelpRequest,
} from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/run-cli.js';
import { positionAt } from './helpers/cursor.js';
import { LspSession } from './helpers/lsp-session.js';

const example = readFileSync(join(repoRoot, 'examples/vacation/vacation.specl'), 'utf8');
const garbage = [
  '{',
  '}',
  '(',
  ')',
  '.',
  ':',
  '"',
  '/*',
  '//',
  'type',
  'endpoint',
  ' x ',
  '\n',
  '?.',
  '|',
  '$',
  '',
];

/** The example with pieces cut out and garbage put in (a spec half typed, or badly pasted). */
const brokenSpecs = fc
  .array(fc.tuple(fc.nat(999), fc.nat(40), fc.constantFrom(...garbage)), {
    minLength: 1,
    maxLength: 4,
  })
  .map((edits) =>
    edits.reduce((text, [at, cut, put]) => {
      const offset = Math.floor((at / 1000) * text.length);
      return text.slice(0, offset) + put + text.slice(offset + cut);
    }, example),
  );

describe('the server on broken specs', () => {
  let session: LspSession;
  let count = 0;
  beforeAll(async () => {
    session = await LspSession.start();
  });
  afterAll(() => session.close());

  it('answers every request anywhere, without an error', async () => {
    await fc.assert(
      fc.asyncProperty(
        brokenSpecs,
        fc.array(fc.nat(999), { minLength: 3, maxLength: 3 }),
        async (text, places) => {
          // Typed in two steps: the second is checked quickly, then fully.
          const uri = await session.open(`broken${++count}.specl`, example);
          await session.diagnosticsFor(uri);
          const first = session.diagnostics.get(uri);
          await session.change(uri, text);
          await session.diagnosticsFor(uri, (d) => d !== first);
          const textDocument = { uri };
          const positions = places.map((p) =>
            positionAt(text, Math.floor((p / 1000) * text.length)),
          );
          const range = { start: positions[0]!, end: positions[1]! };
          const requests: [RequestType<unknown, unknown, unknown>, unknown][] = [
            [SemanticTokensRequest.type as never, { textDocument }],
            [FoldingRangeRequest.type as never, { textDocument }],
            [DocumentSymbolRequest.type as never, { textDocument }],
            [
              DocumentFormattingRequest.type as never,
              { textDocument, options: { tabSize: 2, insertSpaces: true } },
            ],
            [
              InlayHintRequest.type as never,
              {
                textDocument,
                range: { start: { line: 0, character: 0 }, end: positionAt(text, text.length) },
              },
            ],
            [
              CodeActionRequest.type as never,
              { textDocument, range, context: { diagnostics: session.diagnostics.get(uri) ?? [] } },
            ],
            ...positions.flatMap(
              (position) =>
                [
                  [CompletionRequest.type as never, { textDocument, position }],
                  [HoverRequest.type as never, { textDocument, position }],
                  [SignatureHelpRequest.type as never, { textDocument, position }],
                  [DefinitionRequest.type as never, { textDocument, position }],
                  [
                    ReferencesRequest.type as never,
                    { textDocument, position, context: { includeDeclaration: true } },
                  ],
                ] as [RequestType<unknown, unknown, unknown>, unknown][],
            ),
          ];
          for (const [type, params] of requests) {
            await session.connection.sendRequest(type, params);
          }
          // Prepare-rename may refuse (a built-in, the body) with a message, never with a crash.
          for (const position of positions) {
            await session.connection
              .sendRequest(PrepareRenameRequest.type, { textDocument, position })
              .catch((error: Error) =>
                expect(error.message).toMatch(/cannot be renamed|always named/),
              );
          }
        },
      ),
      { seed: 77, numRuns: 40, interruptAfterTimeLimit: 30_000, markInterruptAsFailure: false },
    );
    expect(session.log).toBe('');
  }, 120_000);
});
