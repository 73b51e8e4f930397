import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { CompletionRequest, CompletionItemKind } from 'vscode-languageserver-protocol';
import { LspSession } from './helpers/lsp-session.js';

const library = `/// Things the shop sells.
type Item {
  /// The item's name, as shown.
  name: String { minLength: 1 }
  count: Int
  status: Status
}

enum Status { active, retired }
enum Color { red, green }

error NotFound 404 { message: String }

endpoint getItem GET /items/{id: Uuid} {
  query verbose?: Bool
  response 200 Item
  errors NotFound
}

endpoint createItem POST /items {
  body Item
  response 201 Item
}
`;

describe('completion over LSP', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start({ 'lib.specl': library });
  });
  afterAll(() => session.close());

  /** The completion items at the cursor of a source that imports the library. */
  async function complete(source: string): Promise<CompletionItem[]> {
    const { uri, position } = await session.openWithCursor(
      `spec Test version "1.0.0"\nimport "./lib.specl"\n${source}`,
    );
    const result = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
    });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    return [...items].sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1));
  }
  const labels = (items: CompletionItem[], kind?: CompletionItemKind) =>
    items.filter((i) => kind === undefined || i.kind === kind).map((i) => i.label);

  it('offers types, and only types, in a type position', async () => {
    const items = await complete('type Order {\n  item: $0\n}\n');
    expect(labels(items, CompletionItemKind.Struct)).toEqual(['Item', 'NotFound', 'Order']);
    expect(labels(items, CompletionItemKind.Enum)).toEqual(['Color', 'Status']);
    expect(labels(items, CompletionItemKind.Keyword)).toEqual([
      'Bool',
      'Date',
      'DateTime',
      'Email',
      'Float',
      'Int',
      'List',
      'Map',
      'String',
      'Url',
      'Uuid',
    ]);
    expect(labels(items)).not.toContain('getItem');
  });

  it('offers the fields of the receiver after `.`, with their types and docs', async () => {
    const items = await complete(
      'endpoint other GET /other {\n  response 200 Item\n  ensures response.$0\n}\n',
    );
    expect(labels(items)).toEqual(['count', 'name', 'status']);
    const name = items.find((i) => i.label === 'name')!;
    expect(name.kind).toBe(CompletionItemKind.Field);
    expect(name.detail).toBe('name: String { minLength: 1 }');
    expect(name.documentation).toEqual({ kind: 'markdown', value: "The item's name, as shown." });
  });

  it('replaces the word being typed', async () => {
    const items = await complete(
      'endpoint other GET /other {\n  response 200 Item\n  ensures response.na$0\n}\n',
    );
    const name = items.find((i) => i.label === 'name')!;
    expect(name.textEdit).toEqual({
      range: { start: { line: 4, character: 19 }, end: { line: 4, character: 21 } },
      newText: 'name',
    });
  });

  it('offers the members of the enum the context expects, first', async () => {
    const items = await complete(
      'endpoint other GET /other {\n  response 200 Item\n  ensures response.status == $0\n}\n',
    );
    expect(labels(items).slice(0, 2)).toEqual(['active', 'retired']);
    expect(items[0]!.kind).toBe(CompletionItemKind.EnumMember);
    expect(labels(items)).not.toContain('red');
  });

  it('offers endpoints as calls with their required parameters in a `let`', async () => {
    const items = await complete('property p {\n  let r = try get$0\n}\n');
    const call = items.find((i) => i.label === 'getItem')!;
    expect(call.kind).toBe(CompletionItemKind.Function);
    expect(call.detail).toBe('endpoint getItem GET /items/{id}');
    expect(call.textEdit?.newText).toBe('getItem(id: ${1})$0');
    expect(call.insertTextFormat).toBe(2);
    expect(items.find((i) => i.label === 'createItem')!.textEdit?.newText).toBe(
      'createItem(body: ${1})$0',
    );
  });

  it('offers the parameters of the endpoint called', async () => {
    const items = await complete('property p {\n  let r = try getItem($0\n}\n');
    expect(labels(items)).toEqual(['id', 'verbose']);
    expect(items[0]!.textEdit?.newText).toBe('id: ');
    const next = await complete('property p {\n  let r = try getItem(id: "x", $0)\n}\n');
    expect(labels(next)).toEqual(['id', 'verbose']);
  });

  it('offers locals and qualified enums in expressions, not types', async () => {
    const items = await complete('property p {\n  forall item: Item\n  expect $0\n}\n');
    expect(labels(items, CompletionItemKind.Variable)).toEqual(['item']);
    expect(labels(items, CompletionItemKind.Enum)).toEqual(['Color', 'Status']);
    expect(labels(items)).not.toContain('Item');
    expect(labels(items, CompletionItemKind.Keyword)).toEqual(
      expect.arrayContaining(['all', 'any', 'not', 'len', 'true', 'null']),
    );
  });

  it('offers errors in `errors`', async () => {
    const items = await complete(
      'endpoint other GET /other {\n  response 200 Item\n  errors $0\n}\n',
    );
    expect(labels(items)).toEqual(['NotFound']);
  });

  it('offers clause keywords and snippets in an endpoint', async () => {
    const items = await complete('endpoint other GET /other {\n  $0\n}\n');
    expect(labels(items, CompletionItemKind.Keyword)).toEqual([
      'body',
      'deprecated',
      'ensures',
      'errors',
      'header',
      'latency',
      'paginated',
      'query',
      'requires',
      'response',
      'security',
      'tags',
    ]);
    const response = items.find(
      (i) => i.label === 'response' && i.kind === CompletionItemKind.Snippet,
    )!;
    expect(response.textEdit?.newText).toBe('response ${1:200} ${2:Type}');
  });

  it('offers declaration keywords and snippets at the top level', async () => {
    const items = await complete('type A = Int\n$0\n');
    expect(labels(items, CompletionItemKind.Keyword)).toEqual([
      'auth',
      'endpoint',
      'enum',
      'error',
      'headers',
      'property',
      'tag',
      'type',
    ]);
    expect(labels(items, CompletionItemKind.Snippet)).toEqual([
      'endpoint',
      'enum',
      'error',
      'headers',
      'property',
      'type alias',
      'type record',
    ]);
  });

  it('offers nothing in a comment or a string', async () => {
    expect(await complete('type A = Int // the $0\n')).toEqual([]);
    expect(await complete('type A = String { pattern: "ab$0" }\n')).toEqual([]);
  });
});
