// docCommentAt reads the lines above a node without copying them when they hold only spaces,
// tabs and ASCII; any other character is judged by String.prototype.trim, as the definition
// does. Differential test against that definition: the lines sliced and trimmed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docCommentAt } from '@specl/language';

/** The definition: each line above sliced, trimmed, and kept while it starts with `///`. */
function definedDocComment(text: string, offset: number): string | undefined {
  const lineStartAt = (at: number) => {
    let start = at;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    return start;
  };
  let lineStart = lineStartAt(offset);
  if (text.slice(lineStart, offset).trim() !== '') return undefined;
  const lines: string[] = [];
  while (lineStart > 0) {
    const previousEnd =
      text.slice(lineStart - 2, lineStart) === '\r\n' ? lineStart - 2 : lineStart - 1;
    const previousStart = lineStartAt(previousEnd);
    const line = text.slice(previousStart, previousEnd).trim();
    if (!line.startsWith('///')) break;
    lines.unshift(line.slice(3).replace(/^ /, ''));
    lineStart = previousStart;
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** Pieces of text: doc and other comments, blanks of every kind, line breaks and code. */
const piece = fc.constantFrom(
  '///',
  '/// a',
  '//',
  '/',
  ' ',
  '\t',
  '\u00a0',
  '\u2028',
  '\v',
  '\ufeff',
  '\n',
  '\r',
  '\r\n',
  'type A',
  'x',
  'é',
  '}',
);

describe('docCommentAt', () => {
  it('reads the doc comment of the definition at every offset of random texts', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.nat(), (pieces, at) => {
        const text = pieces.join('');
        const offset = text.length === 0 ? 0 : at % (text.length + 1);
        expect(docCommentAt(text, offset)).toBe(definedDocComment(text, offset));
      }),
      { seed: 4242, numRuns: 5000 },
    );
  });

  it('reads doc comments over any line breaks and keeps what follows `/// `', () => {
    const text = 'spec A\n/// One.\r\n  ///Two\r/// \n  type B {}';
    expect(docCommentAt(text, text.indexOf('type'))).toBe('One.\nTwo\n');
    expect(docCommentAt(text, text.indexOf('B'))).toBeUndefined();
    expect(docCommentAt('// not\ntype B {}', 7)).toBeUndefined();
    expect(docCommentAt('\u00a0/// nbsp\n\u00a0type B {}', 10)).toBe('nbsp');
  });
});
