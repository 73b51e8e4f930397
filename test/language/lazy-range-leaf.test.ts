import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import type { CstNode, LangiumParser } from 'langium';
import { CstUtils, EmptyFileSystem, createLangiumParser, isLeafCstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';

// Specl's parser builds CST leaves whose ranges are computed when first read. Every leaf must
// carry what Langium's own parser gives it (offset, length, range, token type, hidden, grammar
// element) on every spec of the repository, the specl blocks of the docs and random specs, in
// every line-ending style.
const ROOT = join(import.meta.dirname, '..', '..');
const { Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const speclParser = Specl.parser.LangiumParser;
const langiumParser: LangiumParser = createLangiumParser(Specl);

/** Every token of a parse, described by everything a leaf answers. */
function leaves(parser: LangiumParser, text: string): string[] {
  const root = parser.parse(text).value.$cstNode!;
  return CstUtils.streamCst(root)
    .filter((node): node is CstNode => isLeafCstNode(node))
    .map((leaf) => {
      const { start, end } = leaf.range;
      const kind = isLeafCstNode(leaf) ? leaf.tokenType.name : '';
      const element = leaf.grammarSource?.$type ?? '-';
      return `${leaf.offset}+${leaf.length} ${start.line}:${start.character}-${end.line}:${end.character} ${kind} ${element}${leaf.hidden ? ' hidden' : ''} ${leaf.text}`;
    })
    .toArray();
}

function expectSameLeaves(text: string, nonEmpty = true): void {
  for (const variant of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r')]) {
    const expected = leaves(langiumParser, variant);
    if (nonEmpty) expect(expected.length).toBeGreaterThan(0);
    expect(leaves(speclParser, variant)).toEqual(expected);
  }
}

const repositorySpecs = execFileSync('git', ['ls-files', '*.specl'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);

const docBlocks = ['README.md', 'docs/language.md', 'docs/diff.md'].flatMap((file) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/```specl\n([\s\S]*?)```/g)].map(
    (m, i) => [`${file} block ${i + 1}`, m[1]!] as const,
  ),
);

describe('lazily computed CST leaf ranges', () => {
  it('the repository has specs and doc blocks to compare', () => {
    expect(repositorySpecs.length).toBeGreaterThanOrEqual(10);
    expect(docBlocks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(repositorySpecs)('%s: leaves as Langium builds them', (file) => {
    expectSameLeaves(readFileSync(join(ROOT, file), 'utf8'));
  });

  it.each(docBlocks)('%s: leaves as Langium builds them', (_, text) => {
    expectSameLeaves(text);
  });

  it('random specs, and text with errors: leaves as Langium builds them', () => {
    fc.assert(
      fc.property(specArbitrary, fc.nat(), (project, cut) => {
        const text = printProject(project)[project.root]!;
        expectSameLeaves(text);
        // A cut-off text parses with recovery: the leaves it keeps must agree too.
        expectSameLeaves(text.slice(0, cut % (text.length + 1)), false);
      }),
      { seed: 1717, numRuns: 25 },
    );
  });

  it('a range written after parsing (as the incremental re-parse moves a leaf) is kept', () => {
    const root = speclParser.parse('spec S version "1"\ntype A { x: Int }\n').value.$cstNode!;
    const leaf = CstUtils.streamCst(root).find((n) => isLeafCstNode(n) && n.text === 'A')!;
    expect(leaf.range).toEqual({
      start: { line: 1, character: 5 },
      end: { line: 1, character: 6 },
    });
    const moved = { start: { line: 7, character: 1 }, end: { line: 7, character: 2 } };
    (leaf as unknown as { _range: unknown })._range = moved;
    expect(leaf.range).toEqual(moved);
  });
});
