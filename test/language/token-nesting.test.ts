import { EmptyFileSystem } from 'langium';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import { FastLexer } from '../../packages/language/src/parser/fast/fast-lexer.js';
import { withinNestingBudget } from '../../packages/language/src/parser/fast/token-nesting.js';
import { findExcessiveNesting } from '../../packages/language/src/parser/nesting-guard.js';
import { docBlocks, repositorySpecs } from './repository-texts.js';

// The parser keeps the nesting guard's count over the fast lexer's tokens, and reads the text
// with the guard itself only when that count goes over the budget (or where the two readings
// could part). The token count must never say "within the budget" of a text the guard finds too
// deep, and must say it of every text the guard passes (but those it leaves to the guard: a
// lone CR, `>=` or `<=`): on every repository spec, the docs' blocks, each shape of the guard's
// test near its limit, and random texts of brackets, operators, numbers, strings and comments
// near the budget.
const { Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const TERMINALS = new Set(['WS', 'ID', 'NUMBER', 'STRING', 'ML_COMMENT', 'SL_COMMENT']);
const lexer = new FastLexer(
  new Set(Object.keys(Specl.parser.Lexer.definition).filter((name) => !TERMINALS.has(name))),
);
const LEFT_TO_GUARD = /\r(?!\n)|>=|<=/;

/** Compares the two counts on `text`; answers whether the token count was used. */
function agree(text: string): boolean {
  const lexed = lexer.tokenize(text);
  if (!lexed) return false;
  const within = withinNestingBudget(text, lexed.tokens);
  const excessive = findExcessiveNesting(text);
  if (within) expect(excessive, text.slice(0, 200)).toBeUndefined();
  if (!excessive && !LEFT_TO_GUARD.test(text)) expect(within, text.slice(0, 200)).toBe(true);
  return within;
}

const shapes: [string, (n: number) => string, number][] = [
  ['parentheses', (n) => `type T { x: Int\n invariant ${'('.repeat(n)}x > 1${')'.repeat(n)} }`, 42],
  ['list types', (n) => `type T { x: ${'List<'.repeat(n)}Int${'>'.repeat(n)} }`, 42],
  ['map types', (n) => `type T { x: ${'Map<String, '.repeat(n)}Int${'>'.repeat(n)} }`, 42],
  ['and', (n) => `type T { x: Int\n invariant ${Array(n).fill('x > 1').join(' and ')} }`, 300],
  ['not', (n) => `type T { x: Bool\n invariant ${'not '.repeat(n)}x }`, 600],
  ['?.', (n) => `type T { x: T?\n invariant x${'?.x'.repeat(n)} == null }`, 600],
  ['decimals', (n) => `type T { x: Int\n invariant x > ${Array(n).fill('1.5').join(' + ')} }`, 300],
  [
    'exponents',
    (n) => `type T { x: Int\n invariant x > ${Array(n).fill('1e-3').join(' * ')} }`,
    300,
  ],
  ['spreads', (n) => `type T { ${'...A '.repeat(n)} }`, 200],
  ['path braces', (n) => `type T { x: Int }\ninvariant ${'/{'.repeat(n)}x`, 40],
  ['commas', (n) => `type T { x: Int\n invariant f${'(a.b, c.d.e'.repeat(n)} }`, 36],
];

describe('the nesting guard kept over tokens', () => {
  it('agrees with the guard on every repository spec and doc block, which it reads', () => {
    let used = 0;
    for (const [, text] of [...repositorySpecs, ...docBlocks]) if (agree(text)) used++;
    expect(used).toBeGreaterThan((repositorySpecs.length + docBlocks.length) / 2);
  });

  it.each(shapes)('agrees with the guard on %s around its limit', (_, shape, limit) => {
    const results = new Set<boolean>();
    for (let n = Math.floor(limit * 0.8); n <= Math.ceil(limit * 1.2) + 2; n++) {
      results.add(agree(shape(n)));
      results.add(agree(shape(n).replaceAll('\n', '\r\n')));
    }
    // Both sides of the limit were seen.
    expect([...results].sort()).toEqual([false, true]);
  });

  it('leaves a text with a CR alone (not before an LF) to the guard, wherever the CR is', () => {
    const text = 'type T { x: Int }\ntype U { y: Int }\n';
    const within = (t: string) => withinNestingBudget(t, lexer.tokenize(t)!.tokens);
    expect(within(text)).toBe(true);
    expect(within(text.replaceAll('\n', '\r\n'))).toBe(true);
    expect(within(`\r${text}`)).toBe(false);
    expect(within(`${text}\r`)).toBe(false);
    expect(within(text.replace('\n', '\r\n').replace('\n', '\r'))).toBe(false);
  });

  it('agrees with the guard on random texts near the budget', () => {
    const pieces = [
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      'List<',
      'Map<',
      'List <',
      '>',
      '>=',
      '<',
      '<=',
      ',',
      ' and ',
      ' or ',
      ' not ',
      ' implies ',
      ' in ',
      'x',
      'x.y',
      '?.z',
      ' ?? ',
      ' == ',
      ' != ',
      '+',
      '-',
      '*',
      '/',
      '%',
      '1.5e-3',
      '12',
      '4XX',
      '...',
      '/{',
      '"a(b[{"',
      '"q\\"("',
      '// c(((\n',
      '/* ([{ */',
      '\r\n',
      '\n',
      '\r',
      ' ',
      'type ',
      'invariant ',
      'requires ',
      'where ',
      '?',
      ':',
      '|',
      '=',
      '~',
      'Listy<',
      'Mapping<',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 1, max: 40 })), {
          maxLength: 60,
        }),
        (runs) => {
          agree(runs.map(([piece, times]) => piece.repeat(times)).join(''));
        },
      ),
      { seed: 1717, numRuns: 400 },
    );
  });
});
