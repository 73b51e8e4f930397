import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { checkFiles } from '../helpers/check.js';
import { textIn } from './helpers/cursor.js';
import { LspSession, serverCommands } from './helpers/lsp-session.js';

/** A diagnostic as `specl check` reports it: 1-based `line:col`, the text it covers, code, message. */
function summary(text: string, d: Diagnostic) {
  return {
    at: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
    text: textIn(text, d.range),
    severity: d.severity === 1 ? 'error' : 'warning',
    code: d.code,
    message: d.message,
  };
}

const broken = `spec Shop version "1.0"

type Item {
  name: Strin
  count: Int { min: 0, mx: 3 }
}

endpoint getItem get /items/{id: Uuid} {
  response 200 Item
}
`;

describe('diagnostics over LSP', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start({
      'lib/common.specl': 'type Money = Int { min: 0 }\n',
      'on-disk.specl': 'spec OnDisk version "1.0.0"\ntype A { b: Bogus }\n',
      '../elsewhere/lib.specl': 'type Remote = String\ntype Broken = Strng\n',
    });
  });
  afterAll(() => session.close());

  it('are the same codes, ranges and messages as `specl check`', async () => {
    const uri = await session.open('shop.specl', broken);
    const published = await session.diagnosticsFor(uri, (d) => d.length > 0);
    const fromCheck = await checkFiles({ '/main.specl': broken }, ['/main.specl']);
    expect(published.map((d) => summary(broken, d))).toEqual(
      fromCheck.map(({ at, text, severity, code, message }) => ({
        at,
        text,
        severity,
        code,
        message,
      })),
    );
    expect(published.map((d) => d.code)).toEqual([
      'specl/invalid-semver',
      'specl/unknown-type',
      'specl/unknown-constraint',
      'specl/unknown-method',
    ]);
    expect(published.every((d) => d.source === 'specl')).toBe(true);
  });

  it('follow the text as it is typed', async () => {
    const uri = await session.open('typing.specl', 'spec T version "1.0.0"\ntype A { b: Int }\n');
    expect(await session.diagnosticsFor(uri)).toEqual([]);
    await session.change(uri, 'spec T version "1.0.0"\ntype A { b: In }\n');
    const errors = await session.diagnosticsFor(uri, (d) => d.length > 0);
    expect(errors.map((d) => d.message)).toEqual(['unknown type `In`; did you mean `Int`?']);
    const unclosed = 'spec T version "1.0.0"\ntype A { b: Int\n';
    await session.change(uri, unclosed);
    const syntax = await session.diagnosticsFor(uri, (d) => d[0]?.code === 'specl/syntax-error');
    const fromCheck = await checkFiles({ '/main.specl': unclosed }, ['/main.specl']);
    expect(syntax.map((d) => summary(unclosed, d).at)).toEqual(fromCheck.map((f) => f.at));
  });

  it('of the edited declaration come first, the rest moved; the full check follows', async () => {
    const text =
      'spec T version "1.0.0"\ntype A { b: Strin }\ntype C { d: Gadget }\ntype Gadget = Int\n';
    const uri = await session.open('two-step.specl', text);
    const first = await session.diagnosticsFor(uri, (d) => d.length === 1);
    expect(first.map((d) => [d.range.start.line, d.message])).toEqual([
      [1, 'unknown type `Strin`; did you mean `String`?'],
    ]);
    // Two lines are added above `type A`, and `Gadget` is renamed: the first publication has the
    // error of `type A` moved down two lines, and no word yet of the now unknown `Gadget` (the
    // declaration that uses it was not edited).
    const edited = text
      .replace('type A', '// a\n// b\ntype A')
      .replace('type Gadget', 'type Thing');
    const published: string[][] = [];
    const start = session.diagnostics.get(uri);
    await session.change(uri, edited);
    const quick = await session.diagnosticsFor(uri, (d) => d !== start);
    published.push(quick.map((d) => `${d.range.start.line}: ${d.message}`));
    const full = await session.diagnosticsFor(uri, (d) => d.length === 2);
    expect(published[0]).toEqual(['3: unknown type `Strin`; did you mean `String`?']);
    expect(full.map((d) => `${d.range.start.line}: ${d.message}`)).toEqual([
      '3: unknown type `Strin`; did you mean `String`?',
      '4: unknown type `Gadget`',
    ]);
  });

  it('are published for workspace files that are not open', async () => {
    const onDisk = await session.diagnosticsFor(session.uri('on-disk.specl'));
    expect(onDisk.map((d) => d.code)).toEqual(['specl/unknown-type']);
  });

  it('resolve imported files, and are refreshed when an imported file changes', async () => {
    const uri = await session.open(
      'priced.specl',
      'spec P version "1.0.0"\nimport "./lib/common.specl"\ntype Price { amount: Money, cur: Currency }\n',
    );
    const before = await session.diagnosticsFor(uri, (d) => d.length > 0);
    expect(before.map((d) => d.message)).toEqual(['unknown type `Currency`']);
    // The imported file, open in another editor tab, gains the missing type.
    const lib = await session.open(
      'lib/common.specl',
      'type Money = Int { min: 0 }\nenum Currency { eur, usd }\n',
    );
    expect(await session.diagnosticsFor(uri, (d) => d.length === 0)).toEqual([]);
    // It loses Money: the importer reports it at once.
    await session.change(lib, 'enum Currency { eur, usd }\n');
    const after = await session.diagnosticsFor(uri, (d) => d.length > 0);
    expect(after.map((d) => d.message)).toEqual(['unknown type `Money`']);
  });

  it('load imported files from outside the workspace folder', async () => {
    const uri = await session.open(
      'outside.specl',
      'spec O version "1.0.0"\nimport "../elsewhere/lib.specl"\ntype A { b: Remote }\n',
    );
    expect(await session.diagnosticsFor(uri)).toEqual([]);
    // The imported file's own problems are published too.
    const lib = await session.diagnosticsFor(session.uri('../elsewhere/lib.specl'));
    expect(lib.map((d) => d.message)).toEqual(['unknown type `Strng`; did you mean `String`?']);
  });

  it('report an imported file changed on disk', async () => {
    const uri = await session.open(
      'uses-disk.specl',
      'spec U version "1.0.0"\nimport "./disk-lib.specl"\ntype A { b: Late }\n',
    );
    const missing = await session.diagnosticsFor(uri, (d) => d.length > 0);
    expect(missing.map((d) => d.code)).toEqual(['specl/unresolved-import', 'specl/unknown-type']);
    await session.writeOnDisk('disk-lib.specl', 'type Late = String\n');
    expect(await session.diagnosticsFor(uri, (d) => d.length === 0)).toEqual([]);
  });

  it('come the same from `specl lsp --stdio`', async () => {
    const other = await LspSession.start(
      { 'a.specl': 'spec A version "1.0.0"\ntype A = Strng\n' },
      serverCommands.specl,
    );
    try {
      const diagnostics = await other.diagnosticsFor(other.uri('a.specl'));
      expect(diagnostics.map((d) => d.message)).toEqual([
        'unknown type `Strng`; did you mean `String`?',
      ]);
    } finally {
      await other.close();
    }
  });
});
