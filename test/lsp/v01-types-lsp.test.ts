import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionItemKind } from 'vscode-languageserver-protocol';
import { LspSession } from './helpers/lsp-session.js';

// The editor on the v0.1 types: the built-in types are completed, hovered and coloured as
// the library's; `by` is explained.

const HEADER = 'spec Test version "1.0.0"\n';

describe('the v0.1 types over LSP', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start({});
  });
  afterAll(() => session.close());

  const hover = (source: string) => session.hoverAt(HEADER + source);

  it('offers the built-in types in a type position, unless a declaration shadows one', async () => {
    const items = await session.completionsAt(
      `${HEADER}type Decimal = Float\ntype T {\n  a: $0\n}\n`,
    );
    const builtins = items.filter((i) => i.detail?.startsWith('built-in type'));
    expect(builtins.map((i) => i.label).sort()).toEqual([
      'Bytes',
      'Int32',
      'Int64',
      'Json',
      'UriTemplate',
    ]);
    expect(builtins.every((i) => i.kind === CompletionItemKind.Class)).toBe(true);
    // The spec's own Decimal is offered as the declaration it is.
    expect(items.filter((i) => i.label === 'Decimal').map((i) => i.detail)).toEqual([
      'type Decimal = Float',
    ]);
  });

  it('offers `by` after a union, and not after another alias', async () => {
    const keywords = async (source: string) => {
      const items = await session.completionsAt(HEADER + source);
      return items.filter((i) => i.kind === CompletionItemKind.Keyword).map((i) => i.label);
    };
    expect(await keywords('type A { k: "a" }\ntype B { k: "b" }\ntype U = A | B $0\n')).toContain(
      'by',
    );
    expect(await keywords('type U = Int $0\n')).not.toContain('by');
  });

  it('explains a built-in type and `by` on hover', async () => {
    expect(await hover('type T { a: Js$0on }\n')).toBe(
      '```specl\ntype Json\n```\n\nAny JSON value: null, a boolean, a number, a string, a list or an object (OpenAPI: the empty schema).',
    );
    expect(await hover('type A { k: "a" }\ntype B { k: "b" }\ntype U = A | B b$0y k\n')).toMatch(
      /^Tells the options of a union apart by a constant field/,
    );
  });

  it('colours a built-in type as the library’s', async () => {
    const source = `${HEADER}type T { a: Decimal, b: Int64 }\n`;
    const { uri } = await session.openWithCursor(`${source}$0`);
    const decoded = (await session.semanticTokens(uri, source)).map(
      (t) => `${t.word}:${t.type}${t.modifiers.map((m) => `.${m}`).join('')}`,
    );
    expect(decoded).toContain('Decimal:type.defaultLibrary');
    expect(decoded).toContain('Int64:type.defaultLibrary');
  });
});
