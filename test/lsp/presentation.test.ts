import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import {
  DocumentSymbolRequest,
  FoldingRangeRequest,
  InlayHintRequest,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { LspSession } from './helpers/lsp-session.js';

const source = `spec Shop version "1.0.0"
import "./a.specl"
import "./b.specl"

/// An item.
/// Sold by the shop.
type Item {
  type: String
  count: Int { min: 0 }
  invariant count >= 0
}

enum Status { active, retired }

endpoint getItem GET /items/{id: Uuid} {
  query verbose?: Bool
  response 200 Item
}

property readsBack {
  let r = try getItem(id: "00000000-0000-4000-8000-000000000000")
  let item = getItem(id: "00000000-0000-4000-8000-000000000000")
  expect r.ok and item.count >= 0 and item.type != ""
}
`;

describe('symbols, semantic tokens, folding and inlay hints over LSP', () => {
  let session: LspSession;
  let uri: string;
  beforeAll(async () => {
    session = await LspSession.start({
      'a.specl': 'type Money = Int\n',
      'b.specl': 'enum Currency { eur }\n',
      'shop.specl': source,
    });
    uri = session.uri('shop.specl');
    expect(await session.diagnosticsFor(uri)).toEqual([]);
  });
  afterAll(() => session.close());

  it('outlines a spec: declarations with their members and signatures', async () => {
    const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    })) as DocumentSymbol[];
    const outline = (list: DocumentSymbol[] = []): unknown[] =>
      list.map((s) => [
        s.name,
        s.kind,
        s.detail ?? '',
        ...(s.children ? [outline(s.children)] : []),
      ]);
    expect(outline(symbols)).toEqual([
      ['spec Shop', 4, ''],
      [
        'Item',
        23,
        '',
        [
          ['type', 8, 'String'],
          ['count', 8, 'Int { min: 0 }'],
        ],
      ],
      [
        'Status',
        10,
        '{ active, retired }',
        [
          ['active', 22, ''],
          ['retired', 22, ''],
        ],
      ],
      [
        'getItem',
        12,
        'GET /items/{id}',
        [
          ['id', 13, 'Uuid'],
          ['verbose', 13, 'optional Bool'],
        ],
      ],
      ['readsBack', 6, ''],
    ]);
  });

  it('finds declarations of the whole workspace by name', async () => {
    const symbols = (await session.connection.sendRequest(WorkspaceSymbolRequest.type, {
      query: 'mon',
    })) as SymbolInformation[];
    expect(symbols.map((s) => [s.name, s.kind, s.location.uri.split('/').pop()])).toEqual([
      ['Money', 26, 'a.specl'],
    ]);
    const items = (await session.connection.sendRequest(WorkspaceSymbolRequest.type, {
      query: 'item',
    })) as SymbolInformation[];
    expect(items.map((s) => s.name).sort()).toEqual(['Item', 'getItem']);
    const all = (await session.connection.sendRequest(WorkspaceSymbolRequest.type, {
      query: '',
    })) as SymbolInformation[];
    expect(all.map((s) => s.name).sort()).toEqual(
      ['Currency', 'Item', 'Money', 'Shop', 'Status', 'getItem', 'readsBack'].sort(),
    );
  });

  it('marks names by what they mean, keywords used as names included', async () => {
    const decoded = (await session.semanticTokens(uri, source)).map(
      (t) => `${t.line + 1}:${t.word}:${t.type}${t.modifiers.map((m) => `.${m}`).join('')}`,
    );
    expect(decoded).toEqual([
      '1:Shop:namespace.declaration',
      '7:Item:struct.declaration',
      '8:type:property.declaration',
      '8:String:type.defaultLibrary',
      '9:count:property.declaration',
      '9:Int:type.defaultLibrary',
      '9:min:property',
      '10:count:property',
      '13:Status:enum.declaration',
      '13:active:enumMember.declaration',
      '13:retired:enumMember.declaration',
      '15:getItem:function.declaration',
      '15:GET:keyword',
      '15:items:string',
      '15:id:parameter.declaration',
      '15:Uuid:type.defaultLibrary',
      '16:verbose:parameter.declaration',
      '16:Bool:type.defaultLibrary',
      '17:Item:struct',
      '20:readsBack:method.declaration',
      '21:r:variable.declaration',
      '21:getItem:function',
      '21:id:parameter',
      '22:item:variable.declaration',
      '22:getItem:function',
      '22:id:parameter',
      '23:r:variable',
      '23:ok:property.defaultLibrary',
      '23:item:variable',
      '23:count:property',
      '23:item:variable',
      '23:type:property',
    ]);
  });

  it('folds declarations, imports and comment runs', async () => {
    const ranges = await session.connection.sendRequest(FoldingRangeRequest.type, {
      textDocument: { uri },
    });
    expect(ranges!.map((r) => [r.startLine + 1, r.endLine + 1, r.kind ?? ''])).toEqual([
      [2, 3, 'imports'],
      [5, 6, 'comment'],
      [7, 10, ''],
      [15, 17, ''],
      [20, 23, ''],
    ]);
  });

  it('shows the inferred type of each `let`', async () => {
    const hints = await session.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
    });
    expect(hints!.map((h) => [h.position.line + 1, h.position.character, h.label, h.kind])).toEqual(
      [
        [21, 7, ': outcome of Item', 1],
        [22, 10, ': Item', 1],
      ],
    );
  });
});
