import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspSession } from './helpers/lsp-session.js';

// The editor on structured examples: a hover shows a field's example as JSON, the keys of an
// example's objects are coloured as properties (a key named `type` or `null` too), and the
// checker's diagnostic points into the value.

const HEADER = 'spec Test version "1.0.0"\n';
const DECLS = `type Item {
  sku: String { minLength: 1 }
  tags: List<String> { maxItems: 3, example: ["a", "b"] }
}
type Box {
  item: Item { example: { sku: "x", tags: [], } }
}
`;

describe('structured examples over LSP', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start({});
  });
  afterAll(() => session.close());

  it('shows an example as JSON on hover, apart from the constraints', async () => {
    const text = await session.hoverAt(HEADER + DECLS.replace('  tags:', '  ta$0gs:'));
    expect(text).toContain('Constraints: `maxItems: 3`');
    expect(text).toContain('Example:\n\n```json\n[\n  "a",\n  "b"\n]\n```');
    const box = await session.hoverAt(HEADER + DECLS.replace('  item:', '  it$0em:'));
    expect(box).toContain('```json\n{\n  "sku": "x",\n  "tags": []\n}\n```');
    expect(box).not.toContain('Constraints:');
  });

  it('colours the keys of an example as properties, keywords among them', async () => {
    const source = `${HEADER}type T { type: String, null: Int }\ntype U = T { example: { type: "a", "null": 1 } }\n`;
    const { uri } = await session.openWithCursor(`${source}$0`);
    const decoded = (await session.semanticTokens(uri, source)).map(
      (t) => `${t.line}:${t.word}:${t.type}`,
    );
    expect(decoded.filter((d) => d.startsWith('2:'))).toEqual([
      '2:U:type',
      '2:T:struct',
      '2:example:property',
      '2:type:property',
      '2:"null":property',
    ]);
  });
});
