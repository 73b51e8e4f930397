import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { CodeActionKind, CodeActionRequest } from 'vscode-languageserver-protocol';
import { applyEdits } from './helpers/cursor.js';
import { LspSession } from './helpers/lsp-session.js';

const header = 'spec Shop version "1.0.0"\n';

describe('quick fixes over LSP', () => {
  let session: LspSession;
  let count = 0;
  beforeAll(async () => {
    session = await LspSession.start({ 'money.specl': 'type Money = Int { min: 0 }\n' });
  });
  afterAll(() => session.close());

  /**
   * Opens a source, asks for the quick fixes of its diagnostic with `code`, and answers each
   * fix's title with the text it leaves, and the diagnostics of that text once fixed.
   */
  async function fix(source: string, code: string) {
    const uri = await session.open(`fix${++count}.specl`, source);
    const diagnostics = await session.diagnosticsFor(uri, (d) => d.some((x) => x.code === code));
    const diagnostic = diagnostics.find((d) => d.code === code)!;
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      // As an editor's quick-fix menu asks (an endpoint also has the agent's source actions).
      context: { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] },
    })) as CodeAction[];
    const results: { title: string; text: string; kind?: string }[] = [];
    for (const action of actions) {
      const text = applyEdits(source, action.edit!.changes![uri]!);
      results.push({ title: action.title, text, kind: action.kind });
    }
    return results;
  }

  /** The codes of the diagnostics of a text, once the server has checked it. */
  async function codesAfter(text: string): Promise<string[]> {
    const uri = await session.open(`fixed${++count}.specl`, text);
    return (await session.diagnosticsFor(uri)).map((d) => String(d.code));
  }

  it('changes an unknown type to the one meant', async () => {
    const source = `${header}type Item { name: Strng }\n`;
    const [only, ...rest] = await fix(source, 'specl/unknown-type');
    expect(rest).toEqual([]);
    expect(only).toEqual({
      title: 'Change to `String`',
      text: `${header}type Item { name: String }\n`,
      kind: 'quickfix',
    });
    expect(await codesAfter(only!.text)).toEqual([]);
  });

  it('adds the import that declares a name', async () => {
    const source = `${header}type Item { price: Money }\n`;
    const fixes = await fix(source, 'specl/unknown-type');
    expect(fixes.map((f) => f.title)).toEqual(['Add `import "./money.specl"`']);
    expect(fixes[0]!.text).toBe(`${header}import "./money.specl"\ntype Item { price: Money }\n`);
    expect(await codesAfter(fixes[0]!.text)).toEqual([]);
  });

  it('changes a misspelt field, enum member, constraint and method', async () => {
    const source = `${header}enum Status { active, retired }
type Item {
  count: Int { minn: 0 }
  status: Status
  invariant status != actve
}
endpoint getItem get /items {
  response 200 Item
  ensures response.cuont >= 0
}
`;
    const member = await fix(source, 'specl/unknown-name');
    expect(member.map((f) => f.title)).toEqual(['Change to `active`']);
    const field = await fix(source, 'specl/unknown-field');
    expect(field.map((f) => f.title)).toEqual(['Change to `count`']);
    const constraint = await fix(source, 'specl/unknown-constraint');
    expect(constraint[0]!.text).toContain('count: Int { min: 0 }');
    const method = await fix(source, 'specl/unknown-method');
    expect(method[0]!.title).toBe('Change to `GET`');
    const all = [member[0]!, field[0]!, constraint[0]!, method[0]!].reduce((current, f) => {
      // Each fix changes one word: replay it on the text fixed so far.
      const [before, after] = diffWord(source, f.text);
      return current.replace(before, after);
    }, source);
    expect(await codesAfter(all)).toEqual([]);
  });

  it('adds the missing path parameter of a call, with a value of its type', async () => {
    const source = `${header}type Item { id: Uuid, count: Int { min: 0 } }
endpoint getItem GET /items/{id: Uuid} {
  body Item
  response 200 Item
}
property p {
  let r = try getItem()
  expect r.ok
}
`;
    const fixes = await fix(source, 'specl/missing-parameter');
    expect(fixes.map((f) => f.title)).toEqual(['Add `id`, `body` to the call']);
    expect(fixes[0]!.text).toContain(
      'let r = try getItem(id: "00000000-0000-4000-8000-000000000000", body: { id: "00000000-0000-4000-8000-000000000000", count: 0 })',
    );
    expect(await codesAfter(fixes[0]!.text)).toEqual(['specl/body-on-get']);
    const partial = source.replace(
      'getItem()',
      'getItem(body: { id: "00000000-0000-4000-8000-000000000000", count: 1 })',
    );
    const more = await fix(partial, 'specl/missing-parameter');
    expect(more[0]!.text).toContain('count: 1 }, id: "00000000-0000-4000-8000-000000000000")');
  });

  it('makes a nullable response header optional', async () => {
    const source = `${header}headers Limits {\n  reset "X-Reset": Int?\n}\n`;
    const fixes = await fix(source, 'specl/invalid-response-header');
    expect(fixes.map((f) => [f.title, f.text])).toEqual([
      ['Make `reset` optional', source.replace('"X-Reset": Int?', '"X-Reset"?: Int')],
    ]);
    expect(await codesAfter(fixes[0]!.text)).toEqual([]);
  });

  it('types an untyped path parameter', async () => {
    const source = `${header}endpoint getItem GET /items/{id} {\n  response 200 String\n}\n`;
    const fixes = await fix(source, 'specl/untyped-path-parameter');
    expect(fixes.map((f) => [f.title, f.text])).toEqual([
      ['Give `id` the type String', source.replace('{id}', '{id: String}')],
    ]);
  });

  it('fixes a spec version that is not semver, and adds a missing header', async () => {
    const fixes = await fix('spec Shop version "1.2"\ntype A = Int\n', 'specl/invalid-semver');
    expect(fixes.map((f) => [f.title, f.text])).toEqual([
      ['Change the version to "1.2.0"', 'spec Shop version "1.2.0"\ntype A = Int\n'],
    ]);
    const header = await fix('type A = Int\n', 'specl/missing-spec');
    expect(header[0]!.text).toMatch(/^spec Fix\d+ version "0\.1\.0"\n\ntype A = Int\n$/);
    expect(await codesAfter(header[0]!.text)).toEqual([]);
  });

  it('offers nothing for a diagnostic without a known fix', async () => {
    const fixes = await fix(
      `${header}type A = Int\ntype A = String\n`,
      'specl/duplicate-declaration',
    );
    expect(fixes).toEqual([]);
  });
});

/** The word that differs between two texts which differ in one place: [old, new]. */
function diffWord(a: string, b: string): [string, string] {
  let start = 0;
  while (a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const line = a.lastIndexOf('\n', start) + 1;
  const lineB = b.lastIndexOf('\n', start) + 1;
  const lineEndA = a.indexOf('\n', endA);
  const lineEndB = b.indexOf('\n', endB);
  return [a.slice(line, lineEndA), b.slice(lineB, lineEndB)];
}
