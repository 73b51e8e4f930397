import { describe, expect, it } from 'vitest';
import { sameTokens } from '../../packages/language/src/formatting/format-spec.js';
import { createSpeclServices } from '../../packages/language/src/specl-module.js';
import { EmptyFileSystem } from 'langium';

// The formatter's safety net: a formatted text must have the very tokens and comments of the
// original, whitespace aside; otherwise the formatter refuses to answer.
const lexer = createSpeclServices(EmptyFileSystem).Specl.parser.Lexer;
const base = 'type A { x: Int } // the A\n/* more */ type B { y: String }\n';

describe('the formatter keeps every token', () => {
  const cases: [string, string, boolean][] = [
    ['the same text', base, true],
    [
      'other whitespace',
      'type A {\n  x: Int\n} // the A\n/* more */\ntype B {\n  y: String\n}\n',
      true,
    ],
    ['a name changed, same length', base.replace('x: Int', 'z: Int'), false],
    ['a keyword changed', base.replace('type B', 'enum B'), false],
    ['a token missing', base.replace('x: Int', 'x Int'), false],
    ['a comment changed', base.replace('// the A', '// the B'), false],
    ['a comment missing', base.replace('/* more */ ', ''), false],
    ['a comment added', `// new\n${base}`, false],
    ['tokens split differently', base.replace('String', 'Str ing'), false],
  ];
  it.each(cases)('%s', (_name, other, same) => {
    expect(sameTokens(lexer, base, other)).toBe(same);
  });

  it("compares texts the fast lexer declines the same way (through Langium's lexer)", () => {
    const odd = 'type A { x: Int } ÿ\n';
    expect(sameTokens(lexer, odd, odd.replace('{ x', '{\n  x'))).toBe(true);
    expect(sameTokens(lexer, odd, odd.replace('x:', 'y:'))).toBe(false);
  });
});
