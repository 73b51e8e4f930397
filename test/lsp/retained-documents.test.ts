import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_NODES_REQUEST } from '@specl/lsp';
import type { LiveNodes } from '@specl/lsp';
import { LspSession, serverBin } from './helpers/lsp-session.js';

// What edits replace, the language server lets go of: after edits spliced into a document (a
// declaration parsed again) and edits that parse it whole (the header changed), each waiting for
// the full check, the roots and declarations still in memory after garbage collection are
// exactly those the workspace holds (the server's debug request, with `node --expose-gc`).
const types = Array.from(
  { length: 12 },
  (_, i) => `type Thing${i} {\n  id: Uuid\n  count: Int { min: 0 }\n  name: String\n}\n`,
);
const spec = (version: number, broken: boolean) =>
  [
    `spec Retained version "1.0.${version}"\n`,
    ...types.map((t, i) => (i === 6 && broken ? t.replace('count: Int', 'count: Intx') : t)),
    'endpoint getThing GET /things/{id: Uuid} {\n  response 200 Thing6\n}\n',
  ].join('\n');

let session: LspSession;
let uri: string;

beforeAll(async () => {
  session = await LspSession.start({}, ['--expose-gc', serverBin, '--stdio'], {
    env: { ...process.env, SPECL_LSP_DEBUG_LIVE: '1' },
  });
  uri = await session.open('main.specl', spec(0, false));
  await session.diagnosticsFor(uri, (d) => d.length === 0);
}, 60_000);

afterAll(() => session?.close());

/** Waits for the full check of the document: a hover waits for it. */
async function fullCheck(): Promise<void> {
  await session.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 0, character: 1 },
  });
}

const liveNodes = () => session.connection.sendRequest<LiveNodes>(LIVE_NODES_REQUEST);

describe('the language server after edits', () => {
  it('keeps no root or declaration that an edit replaced', async () => {
    await fullCheck();
    const opened = await liveNodes();
    // The root, 12 types and the endpoint.
    expect(opened.current).toBe(14);
    expect(opened.alive).toBe(opened.current);
    for (let i = 1; i <= 8; i++) {
      // Odd edits break and fix a field of a type in the middle (spliced); every fourth one
      // changes the header (parsed whole).
      const version = i % 4 === 0 ? i : 0;
      await session.change(uri, spec(version, i % 2 === 1));
      await fullCheck();
      await session.diagnosticsFor(uri, (d) =>
        i % 2 === 1 ? d.some((x) => x.message.includes('Intx')) : d.length === 0,
      );
    }
    const after = await liveNodes();
    expect(after.current).toBe(14);
    // Replaced nodes were tracked (the edits replaced some), and none of them is in memory.
    expect(after.tracked).toBeGreaterThan(after.current + 8);
    expect(after.alive).toBe(after.current);
  }, 60_000);
});
