import fc from 'fast-check';
import type { CstNode, LangiumDocument } from 'langium';
import { CstUtils, EmptyFileSystem, URI, isLeafCstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import type { SpecFile } from '@specl/language';
import { spliceDeclarations } from '@specl/language/lsp';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { astShape } from '../helpers/ast-shape.js';

const { shared } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const parse = (text: string): LangiumDocument =>
  shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///main.specl'));

/** Every token of a document's CST (comments included): where it is, as text and as a range. */
function tokens(document: LangiumDocument): string[] {
  const root = document.parseResult.value.$cstNode!;
  return CstUtils.streamCst(root)
    .filter((node): node is CstNode => isLeafCstNode(node))
    .map((leaf) => {
      const { start, end } = leaf.range;
      if (leaf.root !== root) throw new Error(`a token of another tree: ${leaf.text}`);
      return `${leaf.offset}-${leaf.end} ${start.line}:${start.character}-${end.line}:${end.character} ${leaf.hidden ? 'hidden ' : ''}${leaf.text}`;
    })
    .toArray();
}

/** An edit of a spec's text: a kind and where (a fraction of the text's length). */
interface Edit {
  kind: number;
  at: number;
}

const insertions = [
  ' ',
  '\n',
  '\n\n',
  ' // note\n',
  ' /* a\n b */ ',
  'x',
  '\ntype Zz = Int { min: 1 }\n',
  '\n/// Doc.\nenum Yy { a, b }\n',
];

/** Applies an edit: an insertion at a place, or the deletion of one character or one line. */
function applyEdit(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * text.length);
  if (edit.kind < insertions.length)
    return text.slice(0, at) + insertions[edit.kind] + text.slice(at);
  if (edit.kind === insertions.length) return text.slice(0, at) + text.slice(at + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  return text.slice(0, lineStart) + text.slice(lineEnd < 0 ? text.length : lineEnd + 1);
}

const edits = fc.array(
  fc.record({
    kind: fc.integer({ min: 0, max: insertions.length + 1 }),
    at: fc.noBias(fc.nat(9999)).map((n) => n / 10_000),
  }),
  { minLength: 1, maxLength: 4 },
);

describe('re-parsing only the declarations an edit touched', () => {
  it('gives the AST and the CST that parsing the whole new text gives', async () => {
    let spliced = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(specArbitrary, edits, async (project, steps) => {
        runs++;
        const document = parse(printProject(project)[project.root]!);
        let text = document.parseResult.value.$cstNode!.root.fullText;
        for (const step of steps) {
          text = applyEdit(text, step);
          if (spliceDeclarations(shared, document, text)) {
            spliced++;
          } else {
            // The full parse a splice falls back to, as the document factory does.
            (document as { parseResult: unknown }).parseResult = parse(text).parseResult;
          }
          const full = parse(text);
          expect(document.parseResult.value.$cstNode!.root.fullText).toBe(text);
          expect(astShape(document.parseResult.value)).toEqual(astShape(full.parseResult.value));
          const [got, want] = [tokens(document), tokens(full)];
          const differs = got.findIndex((token, i) => token !== want[i]);
          expect(got.slice(differs, differs + 3), JSON.stringify(text)).toEqual(
            want.slice(differs, differs + 3),
          );
          expect(got).toEqual(want);
          const declarations = (document.parseResult.value as SpecFile).declarations;
          expect(declarations.map((d) => d.$containerIndex)).toEqual(declarations.map((_, i) => i));
        }
      }),
      { seed: 909, numRuns: 100, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false },
    );
    // Many edits keep the text parsing (half the inserted spaces split a word), and are
    // spliced rather than parsed whole.
    expect(spliced).toBeGreaterThan(runs / 3);
  });

  it('declines edits it cannot splice, changing nothing', () => {
    const text = 'spec A version "1.0.0"\ntype B = Int\ntype C = String\n';
    const document = parse(text);
    const before = tokens(document);
    // The header, the first declaration, and text that does not parse are parsed whole.
    expect(spliceDeclarations(shared, document, text.replace('spec A', 'spec Ab'))).toBe(false);
    expect(spliceDeclarations(shared, document, text.replace('B = Int', 'Bc = Int'))).toBe(false);
    expect(spliceDeclarations(shared, document, text.replace('C = String', 'C = '))).toBe(false);
    expect(tokens(document)).toEqual(before);
    expect(spliceDeclarations(shared, document, text.replace('C = String', 'Cd = String'))).toBe(
      true,
    );
    expect(tokens(document)).toEqual(tokens(parse(text.replace('C = String', 'Cd = String'))));
  });
});
