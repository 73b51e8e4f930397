import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignatureHelp } from 'vscode-languageserver-protocol';
import { SignatureHelpRequest } from 'vscode-languageserver-protocol';
import { LspSession } from './helpers/lsp-session.js';

const library = `type Item { name: String }

/// Creates an item.
endpoint createItem POST /items/{shop: Uuid} {
  /// Only check, do not create.
  query dryRun?: Bool
  header key "Idempotency-Key": String
  body Item
  response 201 Item
}
`;

describe('signature help over LSP', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start({ 'lib.specl': library });
  });
  afterAll(() => session.close());

  /** The signature help at the cursor: its label and the active parameter's label. */
  async function help(
    source: string,
  ): Promise<{ label: string; active: string; doc?: unknown } | null> {
    const { uri, position } = await session.openWithCursor(
      `spec T version "1.0.0"\nimport "./lib.specl"\nproperty p {\n${source}\n}\n`,
    );
    const result = (await session.connection.sendRequest(SignatureHelpRequest.type, {
      textDocument: { uri },
      position,
    })) as SignatureHelp | null;
    if (!result) return null;
    const signature = result.signatures[result.activeSignature ?? 0]!;
    const [from, to] = signature.parameters![result.activeParameter ?? 0]!.label as [
      number,
      number,
    ];
    return {
      label: signature.label,
      active: signature.label.slice(from, to),
      doc: signature.documentation,
    };
  }

  it('shows the endpoint parameters, the first one not passed active', async () => {
    expect(await help('  let r = try createItem($0')).toEqual({
      label: 'createItem(shop: Uuid, dryRun?: Bool, key: String, body: Item)',
      active: 'shop: Uuid',
      doc: { kind: 'markdown', value: 'Creates an item.' },
    });
    expect((await help('  let r = try createItem(shop: "x", $0'))?.active).toBe('dryRun?: Bool');
  });

  it('follows the name of the argument being written, in any order', async () => {
    expect((await help('  let r = try createItem(shop: "x", body: { name: "a$0" })'))?.active).toBe(
      'body: Item',
    );
    expect((await help('  let r = try createItem(key: $0)'))?.active).toBe('key: String');
  });

  it('shows nothing outside a call, or in the call of a built-in', async () => {
    expect(await help('  expect 1 > 0$0')).toBeNull();
    expect(await help('  forall s: String\n  expect len(s$0) > 0')).toBeNull();
  });
});
