import fc from 'fast-check';
import type { AstNode, LangiumParser } from 'langium';
import { AstUtils, EmptyFileSystem, createLangiumParser } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import type { SpecFile } from '@specl/language';
import { canonicalExpressionText } from '../../packages/language/src/formatting/canonical-text.js';
import { expressionCodeTokens } from '../../packages/language/src/formatting/expression-tokens.js';
import type { FormatToken } from '../../packages/language/src/formatting/format-tokens.js';
import { codeTokens } from '../../packages/language/src/formatting/format-tokens.js';
import { spaceBetween } from '../../packages/language/src/formatting/layout-rules.js';
import { FastSpeclParser } from '../../packages/language/src/parser/fast/fast-specl-parser.js';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { docBlocks, repositorySpecs } from './repository-texts.js';

// An expression's canonical text (what the compiler shows and fingerprints) is read from the
// file's tokens when the batch tools parse without the CST (`expressionCodeTokens`), instead of
// parsing the expression again. Every expression a clause, an item or an argument holds must give
// the tokens its CST gives (text, offsets, keyword) with the same spaces between them, on every
// spec of the repository, the docs' blocks and random specs, with LF and CRLF.
const { Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const langium: LangiumParser = createLangiumParser(Specl);
const lazy = new FastSpeclParser(Specl, { lazyCst: true });

const nodesOf = (root: AstNode) => AstUtils.streamAst(root).toArray();

/** What the layout reads of tokens: each one, and the spaces between each and the next. */
function shape(tokens: readonly FormatToken[]) {
  return {
    tokens: tokens.map((t) => `${t.offset}-${t.end} ${t.keyword ?? '_'} ${t.text}`),
    spaces: tokens.slice(1).map((t, i) => spaceBetween(tokens[i]!, t)),
  };
}

/** Compares every expression of `text` read from tokens with its CST; answers how many. */
function compare(text: string): number {
  const result = lazy.parse<SpecFile>(text);
  if (!result) return 0;
  const eager = langium.parse<SpecFile>(text);
  expect(eager.parserErrors).toEqual([]);
  const mine = nodesOf(result.value);
  const theirs = nodesOf(eager.value);
  expect(mine.map((n) => n.$type)).toEqual(theirs.map((n) => n.$type));
  let compared = 0;
  mine.forEach((node, i) => {
    const tokens = expressionCodeTokens(node);
    if (!tokens) return;
    const cst = theirs[i]!.$cstNode!;
    expect(shape(tokens)).toEqual(shape(codeTokens(cst)));
    compared++;
  });
  // Once the declarations' CSTs are built, the same texts come from the CST.
  const read = mine.filter((n) => expressionCodeTokens(n) !== undefined);
  const texts = read.map(canonicalExpressionText);
  for (const declaration of result.value.declarations) void declaration.$cstNode?.range;
  for (const node of read) void node.$cstNode;
  expect(read.filter((n) => expressionCodeTokens(n) !== undefined)).toEqual([]);
  expect(read.map(canonicalExpressionText)).toEqual(texts);
  return compared;
}

const tricky = `spec Tricky version "1.0.0"

type T {
  a: Int
  b: List<Int>
  s: String
  invariant -a < -(a - 1) and (-a) <= ((-(a))) - -1
  invariant len(b) >= len (b) and (len(b)) > 0 or ((len((b)))) == 0
  invariant a - 1 > 0 /* in */ or -a - -a == 0 // end
  invariant not (a == 1) and [1, -2, (3)] != [] and matches(s, "x(")
}

endpoint getT GET /t/{id: Int} {
  response 200 T
  requires id > -1 and (id) - 1 >= -(id)
  ensures response.a == id and getT(id: -id).a == -(getT(id: (id)).a)
  ensures all x in response.b: -x < 0 implies (x) > -x
}
`;

describe('an expression read from the tokens', () => {
  it('gives the tokens and spaces of its CST on tricky expressions, with LF and CRLF', () => {
    expect(compare(tricky)).toBeGreaterThanOrEqual(9);
    expect(compare(tricky.replace(/\n/g, '\r\n'))).toBeGreaterThanOrEqual(9);
  });

  it.each(repositorySpecs)('%s', (_, text) => {
    compare(text);
    compare(text.replace(/\n/g, '\r\n'));
  });

  it('the docs blocks and random specs', () => {
    let compared = docBlocks.reduce((sum, [, text]) => sum + compare(text), 0);
    fc.assert(
      fc.property(specArbitrary, (project) => {
        compared += compare(printProject(project)[project.root]!);
      }),
      { seed: 1719, numRuns: 40 },
    );
    expect(compared).toBeGreaterThanOrEqual(50);
  });
});
