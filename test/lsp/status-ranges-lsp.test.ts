import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspSession } from './helpers/lsp-session.js';

// The editor on errors declared by a range (`4XX`, `5XX`) or `default`: offered in the status
// place, explained on hover, `default` coloured as a keyword there and a name elsewhere.

const HEADER = 'spec Test version "1.0.0"\n';

describe('range and default errors over LSP', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start({});
  });
  afterAll(() => session.close());

  const completions = async (source: string) =>
    (await session.completionsAt(HEADER + source)).map((i) => i.label);

  const hover = (source: string) => session.hoverAt(HEADER + source);

  it('offers 4XX, 5XX and default after an error name, and not after a response', async () => {
    expect(await completions('error Oops $0\n')).toEqual(
      expect.arrayContaining(['4XX', '5XX', 'default']),
    );
    const after = await completions('type A { x: Int }\nendpoint e GET /e { response $0 }\n');
    expect(after).not.toContain('4XX');
    expect(after).not.toContain('default');
  });

  it('explains what a range and default cover on hover', async () => {
    expect(await hover('error C 4$0XX { m: String }\n')).toMatch(
      /^`4XX`: Every 4xx status \(400-499\) that an endpoint listing this error does not declare exactly/,
    );
    expect(await hover('error D def$0ault { m: String }\n')).toMatch(
      /^`default`: Every status that an endpoint listing this error declares neither exactly nor by a range/,
    );
    // A field named `default` is a field, not the status.
    expect(await hover('type T { def$0ault: Int }\n')).toMatch(/^```specl\ndefault: Int/);
  });

  it('colours `default` as a keyword in the status place, and as a field elsewhere', async () => {
    const source = `${HEADER}error D default { default: Int }\n`;
    const { uri } = await session.openWithCursor(`${source}$0`);
    const decoded = (await session.semanticTokens(uri, source)).map((t) => `${t.word}:${t.type}`);
    expect(decoded).toEqual([
      'Test:namespace',
      'D:struct',
      'default:keyword',
      'default:property',
      'Int:type',
    ]);
  });
});
