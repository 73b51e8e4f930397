import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionItemKind } from 'vscode-languageserver-protocol';
import { LspSession } from './helpers/lsp-session.js';

// The editor on pagination: `paginated`, `pages` and `one` completed where they may stand,
// explained on hover, and coloured as keywords only where they are keywords (elsewhere they
// may be names).

const HEADER = 'spec Test version "1.0.0"\n';
const PAGE = `type Item { id: Int, one: Int }
type Page { items: List<Item>, next: String? }
`;
const LIST = `endpoint list GET /items {
  query cursor?: String
  response 200 Page
  paginated cursor = response.next, items = response.items
}
`;

describe('pagination over LSP', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start({});
  });
  afterAll(() => session.close());

  const completions = (source: string) => session.completionsAt(HEADER + source);
  const keywords = async (source: string) =>
    (await completions(source))
      .filter((i) => i.kind === CompletionItemKind.Keyword)
      .map((i) => i.label);

  const hover = (source: string) => session.hoverAt(HEADER + source);

  it('offers `paginated` among the clauses, with a snippet, and `pages` after `let x =`', async () => {
    const clause = await completions(
      `${PAGE}endpoint list GET /items {\n  response 200 Page\n  $0\n}\n`,
    );
    expect(
      clause.filter((i) => i.kind === CompletionItemKind.Keyword).map((i) => i.label),
    ).toContain('paginated');
    expect(
      clause.find((i) => i.label === 'paginated' && i.kind === CompletionItemKind.Snippet),
    ).toMatchObject({
      textEdit: expect.objectContaining({
        newText: 'paginated ${1:cursor} = response.${2:nextCursor}, items = response.${3:items}',
      }),
    });
    expect(await keywords(`${PAGE}${LIST}property p {\n  let all = $0\n}\n`)).toContain('pages');
    expect(
      await keywords(`${PAGE}${LIST}property p {\n  let all = pages list()\n  expect $0\n}\n`),
    ).toContain('one');
  });

  it('explains `paginated`, `pages` and `one` on hover', async () => {
    expect(await hover(`${PAGE}${LIST.replace('paginated', 'pagin$0ated')}`)).toMatch(
      /^The endpoint answers in pages/,
    );
    expect(await hover(`${PAGE}${LIST}property p {\n  let all = pa$0ges list()\n}\n`)).toMatch(
      /walks every page of a paginated endpoint/,
    );
    expect(
      await hover(
        `${PAGE}${LIST}property p {\n  let all = pages list()\n  expect all x in all: o$0ne y in all: y == x\n}\n`,
      ),
    ).toMatch(/exactly one element/);
  });

  it('colours the words as keywords where they are keywords, and as names elsewhere', async () => {
    const source = `${HEADER}${PAGE}${LIST}property p {\n  let pages = pages list()\n  expect all x in pages: one y in pages: y.one == x.one\n}\n`;
    const { uri } = await session.openWithCursor(`${source}$0`);
    const lines = source.split('\n');
    const decoded = (await session.semanticTokens(uri, source)).map(
      (t) => `${t.line}:${t.word}:${t.type}`,
    );
    const at = (n: number) =>
      decoded.filter((d) => d.startsWith(`${n}:`)).map((d) => d.slice(`${n}:`.length));
    const paginated = lines.findIndex((l) => l.includes('paginated'));
    expect(at(paginated)).toEqual(
      expect.arrayContaining([
        'paginated:keyword',
        'cursor:parameter',
        'items:keyword',
        'items:property',
      ]),
    );
    const walk = lines.findIndex((l) => l.includes('let pages'));
    expect(at(walk)).toEqual(['pages:variable', 'pages:keyword', 'list:function']);
    const expectLine = walk + 1;
    expect(at(expectLine)).toEqual(
      expect.arrayContaining(['one:keyword', 'one:property', 'pages:variable']),
    );
  });

  it('`paginated by link`: colours `by` and `link` as keywords, a cursor named `by` as a parameter', async () => {
    const linked = `${HEADER}${PAGE}endpoint list GET /items {\n  response 200 Page\n  paginated by link, items = response.items\n}\n`;
    const { uri } = await session.openWithCursor(`${linked}$0`);
    const line = linked.split('\n').findIndex((l) => l.includes('paginated'));
    const words = (await session.semanticTokens(uri, linked))
      .filter((t) => t.line === line)
      .map((t) => `${t.word}:${t.type}`);
    expect(words).toEqual(
      expect.arrayContaining(['paginated:keyword', 'by:keyword', 'link:keyword', 'items:keyword']),
    );
    const cursor = `${HEADER}${PAGE}endpoint list GET /items {\n  query by?: String\n  response 200 Page\n  paginated by = response.next, items = response.items\n}\n`;
    const opened = await session.openWithCursor(`${cursor}$0`);
    const at = cursor.split('\n').findIndex((l) => l.includes('paginated'));
    const named = (await session.semanticTokens(opened.uri, cursor))
      .filter((t) => t.line === at)
      .map((t) => `${t.word}:${t.type}`);
    expect(named).toContain('by:parameter');
    expect(named).not.toContain('by:keyword');
    expect(
      await hover(linked.slice(HEADER.length).replace('paginated by', 'paginated b$0y')),
    ).toMatch(/Link/);
  });

  it('renames the cursor parameter in the `paginated` clause too', async () => {
    const renamed = await session.renameAt(
      `${HEADER}${PAGE}${LIST.replace('query cursor?', 'query cur$0sor?')}`,
      'after',
    );
    expect(renamed).toContain('query after?: String');
    expect(renamed).toContain('paginated after = response.next, items = response.items');
  });
});
