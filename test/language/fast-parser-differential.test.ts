import fc from 'fast-check';
import type { LangiumParser } from 'langium';
import { EmptyFileSystem, createLangiumParser } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import { FastSpeclParser } from '../../packages/language/src/parser/fast/fast-specl-parser.js';
import type { GuardedParser } from '../../packages/language/src/parser/guarded-parser.js';
import {
  FAST_PARSER_GRAMMARS,
  grammarFingerprint,
} from '../../packages/language/src/parser/fast/grammar-fingerprint.js';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { canonicalParse } from './canonical-parse.js';
import { docBlocks, repositorySpecs } from './repository-texts.js';

// The fast parse path must either decline a text (Langium's parser then parses it) or build
// exactly what Langium's parser builds: the same AST (types, properties in their order,
// references, containers) and the same CST (nodes, offsets, ranges, token types, hidden
// comments, grammar elements). Compared on every spec of the repository, the specl blocks of
// the docs, random specs, and cut-off and mutated versions of all of them.
const { Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const langium: LangiumParser = createLangiumParser(Specl);
const fast = new FastSpeclParser(Specl);

/** Compares the two parsers on `text`; answers whether the fast path took it. */
function compare(text: string): boolean {
  const fastResult = fast.parse(text);
  if (!fastResult) return false;
  const expected = langium.parse(text);
  const clean = expected.lexerErrors.length === 0 && expected.parserErrors.length === 0;
  // The fast path never takes a text Langium finds an error in.
  expect(clean, `the fast path took a text with errors:\n${text}`).toBe(true);
  expect(canonicalParse(fastResult, Specl.Grammar)).toBe(canonicalParse(expected, Specl.Grammar));
  return true;
}

/** The text, with CRLF and CR line endings too. */
const lineEndings = (text: string) => [
  text,
  text.replace(/\n/g, '\r\n'),
  text.replace(/\n/g, '\r'),
];

// Edits that keep most of a text well-formed but move it near the grammar's corners.
const MUTATIONS: ((text: string, at: number) => string)[] = [
  (t, at) => t.slice(0, at) + t.slice(at + 1),
  (t, at) => `${t.slice(0, at)} /* c */ ${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}\n// note\n${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)},${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}?${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}-${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}.${t.slice(at)}`,
  (t, at) => {
    // swap a word for a keyword of the grammar
    const words = [
      'type',
      'in',
      'by',
      'try',
      'invariant',
      'body',
      'response',
      'none',
      'Map',
      'tags',
    ];
    const m = /[A-Za-z_]\w*/.exec(t.slice(at));
    if (!m) return t;
    const start = at + m.index;
    return t.slice(0, start) + words[at % words.length]! + t.slice(start + m[0].length);
  },
];

describe('the fast parse path builds what Langium builds', () => {
  it('the fast path is on: its rules were written for this grammar', () => {
    // After a change of grammar/specl.langium: update the fast parser's rules to it, make this
    // test file pass, then add this fingerprint to FAST_PARSER_GRAMMARS.
    expect([...FAST_PARSER_GRAMMARS]).toContain(grammarFingerprint(Specl.Grammar));
    const parser = Specl.parser.LangiumParser as GuardedParser;
    const before = parser.fastPathTaken;
    parser.parse('type A { x: Int }');
    expect(parser.fastPathTaken).toBe(before + 1);
    parser.parse('type A { x: }');
    expect(parser.fastPathTaken).toBe(before + 1);
  });

  it('the repository has specs and doc blocks to compare', () => {
    expect(repositorySpecs.length).toBeGreaterThanOrEqual(10);
    expect(docBlocks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(repositorySpecs)('%s, with every line ending', (_, text) => {
    for (const variant of lineEndings(text)) expect(compare(variant)).toBe(true);
  });

  it.each(docBlocks)('%s', (_, text) => {
    compare(text);
  });

  it('every doc block the fast path declines has a syntax error in Langium', () => {
    const declined = docBlocks.filter(([, text]) => !fast.parse(text));
    for (const [name, text] of declined) {
      const result = langium.parse(text);
      expect(result.lexerErrors.length + result.parserErrors.length, name).toBeGreaterThan(0);
    }
  });

  it('cut-off and mutated repository specs', () => {
    let taken = 0;
    let declined = 0;
    for (const [, text] of repositorySpecs) {
      for (let i = 0; i < 6; i++) {
        const at = Math.floor(((i + 1) * text.length) / 7);
        const mutate = MUTATIONS[(i + text.length) % MUTATIONS.length]!;
        for (const variant of [text.slice(0, at), mutate(text, at)]) {
          if (compare(variant)) taken++;
          else declined++;
        }
      }
    }
    // Both paths are exercised: many edits keep the text valid, many do not.
    expect(taken).toBeGreaterThan(20);
    expect(declined).toBeGreaterThan(20);
  });

  it('random specs, cut off and mutated', () => {
    fc.assert(
      fc.property(specArbitrary, fc.nat(), fc.nat(), (project, cut, m) => {
        const text = printProject(project)[project.root]!;
        // Each line-ending style in turn (every repository spec above gets all three).
        expect(compare(lineEndings(text)[m % 3]!)).toBe(true);
        const at = cut % (text.length + 1);
        compare(text.slice(0, at));
        compare(MUTATIONS[m % MUTATIONS.length]!(text, at));
      }),
      { seed: 1717, numRuns: 30 },
    );
  });

  it('texts at the edges: empty, only comments, comments everywhere, odd characters', () => {
    const texts = [
      '',
      '// only a comment',
      '/* a\n block */\n// and a line',
      '/** doc */ spec S version "1" /* after */',
      'spec S version "1"\n/** A */\ntype A { /* in */ x: Int /* t */, // end\n y?: String }\n// last',
      'type A = B | C? { min: 1 } by kind',
      'endpoint e GET /a/{id: Uuid}/b.c-d~e:f/2024 { response 200 }',
      'property p { forall x: Int where x > 0 expect -x < 0 and not (x == 1) implies x in [1, 2,] }',
      'property p { let y = try e(a: 1, body: {f: 1,},) expect y?.a.b ?? 2 == len("x") }',
      'type A { x: Int }\u00a0',
      'type A { x: Int } @',
      'type A { s: String { pattern: "\\"" } }',
      'type A { s: String { pattern: "a\u2028b" } }',
      'type A { s: String { pattern: "a\\\u2028b" } }',
      '/* unterminated',
      '"unterminated',
    ];
    for (const text of texts) compare(text);
    // An escaped line separator is no escape to Langium's STRING (`\\.`): an error, declined.
    expect(compare('type A { s: String { pattern: "a\\\u2028b" } }')).toBe(false);
    expect(compare('type A { s: String { pattern: "a\u2028b" } }')).toBe(true);
  });
});
