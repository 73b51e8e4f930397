import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionItemKind } from 'vscode-languageserver-protocol';
import { LspSession } from './helpers/lsp-session.js';

// The editor on response headers: `headers` and `with` completed where they may stand (after
// `with`, only headers declarations), explained on hover, coloured as keywords only where they
// are keywords, and a headers declaration renamed where `with` names it.

const HEADER = 'spec Test version "1.0.0"\n';
const DECLS = `type Item { id: Int, with: Int }
type Limit { n: Int }
headers RateLimit { remaining "X-RateLimit-Remaining": Int { min: 0 } }
headers Where { location "Location": String }
`;

describe('response headers over LSP', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start({});
  });
  afterAll(() => session.close());

  const completions = (source: string) => session.completionsAt(HEADER + source);

  const hover = (source: string) => session.hoverAt(HEADER + source);

  it('offers `headers` among the declarations, with a snippet, and `with` after a response', async () => {
    const top = await completions(`${DECLS}$0\n`);
    expect(top.filter((i) => i.kind === CompletionItemKind.Keyword).map((i) => i.label)).toContain(
      'headers',
    );
    expect(
      top.find((i) => i.label === 'headers' && i.kind === CompletionItemKind.Snippet),
    ).toBeDefined();
    const after = await completions(`${DECLS}endpoint e GET /e {\n  response 200 Item $0\n}\n`);
    expect(after.map((i) => i.label)).toContain('with');
  });

  it('after `with`, offers the headers declarations only', async () => {
    const items = await completions(
      `${DECLS}endpoint e GET /e {\n  response 200 Item with $0\n}\n`,
    );
    const names = items.filter((i) => i.kind !== CompletionItemKind.Keyword).map((i) => i.label);
    expect(names).toEqual(expect.arrayContaining(['RateLimit', 'Where']));
    expect(names).not.toContain('Item');
    expect(names).not.toContain('Limit');
  });

  it('explains `headers` and `with` on hover, and a declaration named after `with`', async () => {
    expect(await hover(`${DECLS.replace('headers RateLimit', 'head$0ers RateLimit')}`)).toMatch(
      /^Declares the headers an answer carries/,
    );
    expect(await hover(`${DECLS}error E 429 w$0ith RateLimit no body\n`)).toMatch(
      /^The headers an answer carries/,
    );
    expect(await hover(`${DECLS}error E 429 with Rate$0Limit no body\n`)).toContain(
      'headers RateLimit { X-RateLimit-Remaining }',
    );
  });

  it('colours `headers` and `with` as keywords where they are, names elsewhere', async () => {
    const source = `${HEADER}${DECLS}endpoint e GET /e {\n  response 200 Item with RateLimit, Where\n}\n`;
    const { uri } = await session.openWithCursor(`${source}$0`);
    const lines = source.split('\n');
    const decoded = (await session.semanticTokens(uri, source)).map(
      (t) => `${t.line}:${t.word}:${t.type}`,
    );
    const at = (n: number) =>
      decoded.filter((d) => d.startsWith(`${n}:`)).map((d) => d.slice(`${n}:`.length));
    expect(at(1)).toEqual(['Item:struct', 'id:property', 'Int:type', 'with:property', 'Int:type']);
    expect(at(3).slice(0, 3)).toEqual([
      'headers:keyword',
      'RateLimit:interface',
      'remaining:property',
    ]);
    const response = lines.findIndex((l) => l.includes('response 200'));
    expect(at(response)).toEqual([
      'Item:struct',
      'with:keyword',
      'RateLimit:interface',
      'Where:interface',
    ]);
  });

  it("in `ensures`: completes `headers` and, after `headers.`, the 2xx answers' headers", async () => {
    const endpoint = (clause: string) =>
      `${DECLS}endpoint e GET /e {\n  response 200 Item with RateLimit\n  response 201 Item with RateLimit, Where\n  ${clause}\n}\n`;
    const bare = await completions(endpoint('ensures hea$0'));
    expect(bare.map((i) => i.label)).toContain('headers');
    const members = await completions(endpoint('ensures headers.$0'));
    expect(members.map((i) => i.label)).toEqual(expect.arrayContaining(['remaining', 'location']));
    expect(members.map((i) => i.label)).not.toContain('id');
    // Not bound in `requires`: the answer is not there yet.
    const before = await completions(endpoint('requires hea$0'));
    expect(before.map((i) => i.label)).not.toContain('headers');
  });

  it('in `ensures`: hover lists what `headers` may name, and types a header as read', async () => {
    const endpoint = (clause: string) =>
      `${DECLS}endpoint e GET /e {\n  response 200 Item with RateLimit\n  response 201 Item with RateLimit, Where\n  ${clause}\n}\n`;
    const whole = await hover(endpoint('ensures head$0ers.remaining >= 0'));
    expect(whole).toContain('remaining "X-RateLimit-Remaining": Int');
    expect(whole).toContain('location "Location": String?');
    expect(whole).toContain("The headers of `e`'s 2xx answer");
    const one = await hover(endpoint('ensures headers.loca$0tion == null'));
    expect(one).toContain('location "Location": String');
    expect(one).toContain('Type: `String?`');
  });

  it('in `ensures`: colours `headers` as a value and the header read as a property', async () => {
    const source = `${HEADER}${DECLS}endpoint e GET /e {\n  response 200 Item with RateLimit\n  ensures headers.remaining >= 0\n}\n`;
    const { uri } = await session.openWithCursor(`${source}$0`);
    const line = source.split('\n').findIndex((l) => l.includes('ensures'));
    const decoded = (await session.semanticTokens(uri, source))
      .filter((t) => t.line === line)
      .map((t) => `${t.word}:${t.type}`);
    expect(decoded).toEqual(['headers:variable', 'remaining:property']);
  });

  it('renaming an endpoint leaves `headers` in its `ensures` alone', async () => {
    const renamed = await session.renameAt(
      `${HEADER}${DECLS}endpoint ge$0tItem GET /e {\n  response 200 Item with RateLimit\n  ensures headers.remaining >= 0\n}\nproperty p {\n  let x = getItem()\n  expect x.id >= 0\n}\n`,
      'fetchItem',
    );
    expect(renamed).toContain('endpoint fetchItem GET /e');
    expect(renamed).toContain('let x = fetchItem()');
    expect(renamed).toContain('ensures headers.remaining >= 0');
    const header = await session.renameAt(
      `${HEADER}${DECLS.replace('{ remaining', '{ remain$0ing')}endpoint e GET /e {\n  response 200 Item with RateLimit\n  ensures headers.remaining >= 0\n}\n`,
      'left',
    );
    expect(header).toContain('headers RateLimit { left "X-RateLimit-Remaining"');
    expect(header).toContain('ensures headers.left >= 0');
  });

  it('renames a headers declaration where `with` names it', async () => {
    const renamed = await session.renameAt(
      `${HEADER}${DECLS.replace('headers RateLimit', 'headers Rate$0Limit')}error E 429 with RateLimit no body\n`,
      'Limits',
    );
    expect(renamed).toContain('headers Limits {');
    expect(renamed).toContain('error E 429 with Limits no body');
  });
});
