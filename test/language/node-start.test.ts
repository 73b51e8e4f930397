import fc from 'fast-check';
import type { AstNode, Reference } from 'langium';
import { AstUtils, EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import type { SpecFile } from '@specl/language';
import {
  canonicalExpressionText,
  canonicalText,
  createSpeclServices,
  nodeStart,
  referenceStart,
} from '@specl/language';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { docBlocks, repositorySpecs } from './repository-texts.js';

// Where nodes and references start, and the canonical text of the expressions clauses hold,
// read from a parse with each declaration's CST built on demand (what lowering reads for the
// IR's locations and conditions) must be what the eager CST gives, and reading them must build
// no declaration's CST.
const parserOf = (lazyCst: boolean) =>
  createSpeclServices(EmptyFileSystem, { indexReferences: false, lazyCst }).Specl.parser
    .LangiumParser;
const lazy = parserOf(true);
const eager = parserOf(false);

/** Whether the CST of a declaration (its composite node) is built. */
const built = (declaration: AstNode) =>
  Object.getOwnPropertyDescriptor(declaration.$cstNode, 'content') !== undefined;

/** The expressions a clause holds as an `Expression` rule call (what lowering lays out). */
const CONDITION_PROPERTIES = new Set(['expr', 'where']);
const isCondition = (node: AstNode) =>
  node.$containerProperty !== undefined &&
  CONDITION_PROPERTIES.has(node.$containerProperty) &&
  ['Invariant', 'RequiresClause', 'EnsuresClause', 'Expect', 'Forall'].includes(
    node.$container?.$type ?? '',
  );

interface Read {
  starts: unknown[];
  references: unknown[];
  conditions: string[];
}

/** Reads every node's and reference's start, and every condition's text, with `read`. */
function readAll(root: AstNode, lazyRead: boolean): Read {
  const result: Read = { starts: [], references: [], conditions: [] };
  for (const node of AstUtils.streamAst(root)) {
    result.starts.push(lazyRead ? nodeStart(node) : startOfCst(node));
    for (const { reference } of AstUtils.streamReferences(node).toArray()) {
      const ref = reference as Reference;
      const start = lazyRead
        ? referenceStart(node, ref)
        : ref.$refNode && {
            offset: ref.$refNode.offset,
            line: ref.$refNode.range.start.line,
            character: ref.$refNode.range.start.character,
          };
      result.references.push(start);
    }
    if (isCondition(node))
      result.conditions.push(lazyRead ? canonicalExpressionText(node) : canonicalText(node));
  }
  return result;
}

function startOfCst(node: AstNode): unknown {
  const cst = node.$cstNode;
  return (
    cst && {
      offset: cst.offset,
      line: cst.range.start.line,
      character: cst.range.start.character,
    }
  );
}

/** Compares the lazy reading with the eager CST's on `text`; false if the fast path declines. */
function compare(text: string): boolean {
  const lazyResult = lazy.parse<SpecFile>(text);
  const eagerResult = eager.parse<SpecFile>(text);
  // A text with syntax errors is parsed by Langium's parser, with its CST.
  if (lazyResult.parserErrors.length + lazyResult.lexerErrors.length > 0) return false;
  // Taken by the fast path: declarations' CSTs built on demand.
  const first = lazyResult.value.declarations[0];
  if (!first || !('lazyFirstToken' in (first.$cstNode ?? {}))) return false;
  const read = readAll(lazyResult.value, true);
  for (const declaration of lazyResult.value.declarations) expect(built(declaration)).toBe(false);
  expect(read).toEqual(readAll(eagerResult.value, false));
  // Once the CSTs are built, the same answers from them.
  for (const declaration of lazyResult.value.declarations)
    void (declaration.$cstNode as { content?: unknown }).content;
  expect(lazyResult.value.declarations.every(built)).toBe(true);
  expect(readAll(lazyResult.value, false)).toEqual(read);
  return true;
}

describe('where nodes start, read without building the CST', () => {
  it.each(repositorySpecs)('%s, and with CRLF', (_, text) => {
    expect(compare(text)).toBe(true);
    expect(compare(text.replace(/\n/g, '\r\n'))).toBe(true);
  });

  it('the doc blocks', () => {
    let taken = 0;
    for (const [, text] of docBlocks) if (compare(text)) taken++;
    expect(taken).toBeGreaterThanOrEqual(10);
  });

  it('random specs', () => {
    fc.assert(
      fc.property(specArbitrary, (project) => {
        expect(compare(printProject(project)[project.root]!)).toBe(true);
      }),
      { seed: 1719, numRuns: 30 },
    );
  });

  it('conditions with comments, parentheses and calls lay out as the eager CST does', () => {
    const text = [
      'type A {',
      '  x: Int, y: Int',
      '  invariant (x + /* c */ y) > -1 // after',
      '    and x >= 0',
      '}',
      'endpoint getA GET /a/{id: Uuid} {',
      '  response 200 A',
      '  ensures response.x == len("ab") and response.y?.z == null',
      '}',
    ].join('\n');
    expect(compare(text)).toBe(true);
    const { value } = lazy.parse<SpecFile>(text)!;
    const texts = AstUtils.streamAst(value).filter(isCondition).map(canonicalExpressionText);
    expect(texts.toArray()).toEqual([
      '(x + y) > -1 and x >= 0',
      'response.x == len("ab") and response.y?.z == null',
    ]);
  });
});
