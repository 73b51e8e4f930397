/**
 * Specl's tokens, found as Chevrotain finds them with the tokens Langium builds from
 * grammar/specl.langium: whitespace skipped, comments kept apart as hidden tokens, a word that is
 * a keyword of the grammar lexed as that keyword (else `ID`), symbols longest first. Positions as
 * Chevrotain gives them: 1-based lines and columns, a line ends at `\n`, `\r\n` or `\r`.
 *
 * It answers `undefined` for any text it does not lex exactly as Chevrotain would (a character
 * no token starts with, an unterminated string or comment, non-ASCII text outside strings and
 * comments), so that such a text goes to Langium's own lexer and its error messages.
 */

/** Tokens in columns: `kind` is the keyword itself, or `ID`, `STATUS_RANGE`, `NUMBER`, `STRING`, `ML_COMMENT`, `SL_COMMENT`. */
export class TokenColumns {
  kind: string[];
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  column: Int32Array;
  endLine: Int32Array;
  endColumn: Int32Array;
  count = 0;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    // Filled in order, so a packed array that grows: `new Array(n)` of a million holes costs
    // about 80 ms to make.
    this.kind = [];
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.line = new Int32Array(size);
    this.column = new Int32Array(size);
    this.endLine = new Int32Array(size);
    this.endColumn = new Int32Array(size);
  }

  add(kind: string, start: number, end: number, line: number, column: number): void {
    const i = this.count;
    if (i === this.start.length) this.grow();
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.line[i] = line;
    this.column[i] = column;
    this.endLine[i] = line;
    this.endColumn[i] = column + end - start - 1;
    this.count = i + 1;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const grown = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.start = grown(this.start);
    this.end = grown(this.end);
    this.line = grown(this.line);
    this.column = grown(this.column);
    this.endLine = grown(this.endLine);
    this.endColumn = grown(this.endColumn);
  }
}

/** The tokens of a text: the parser's, and the hidden ones (comments). */
export interface FastTokens {
  readonly tokens: TokenColumns;
  readonly hidden: TokenColumns;
}

// Symbols, longest first, as Chevrotain tries the keyword tokens (sorted by length).
const SYMBOLS = [
  '...',
  '/{',
  '?.',
  '??',
  '==',
  '!=',
  '<=',
  '>=',
  '{',
  '}',
  ',',
  ':',
  '?',
  '<',
  '>',
  '=',
  '|',
  '(',
  ')',
  '-',
  '.',
  '~',
  '/',
  '+',
  '*',
  '%',
  '[',
  ']',
];

const isWordStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isWordPart = (c: number) => isWordStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** A lexer for the keywords of one grammar. */
export class FastLexer {
  private readonly symbolsByFirst = new Map<number, string[]>();

  /**
   * @param keywords every keyword of the grammar (the names of Langium's keyword tokens); the
   *   symbols among them must be those this lexer knows, else it refuses to be built.
   */
  constructor(private readonly keywords: ReadonlySet<string>) {
    for (const keyword of keywords) {
      if (/^[A-Za-z_]\w*$/.test(keyword)) continue;
      if (!SYMBOLS.includes(keyword)) throw new Error(`the fast lexer does not know '${keyword}'`);
    }
    for (const symbol of SYMBOLS) {
      if (!keywords.has(symbol)) continue;
      const first = symbol.charCodeAt(0);
      const list = this.symbolsByFirst.get(first) ?? [];
      list.push(symbol);
      this.symbolsByFirst.set(first, list);
    }
  }

  /** The tokens of `text`, or `undefined` where Chevrotain's lexer might see it otherwise. */
  tokenize(text: string): FastTokens | undefined {
    const tokens = new TokenColumns(text.length >> 2);
    const hidden = new TokenColumns(64);
    const length = text.length;
    let i = 0;
    let line = 1;
    let lineStart = 0; // offset of the first character of the current line
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 11 || c === 12) {
        i++;
        continue;
      }
      if (c === 10) {
        i++;
        line++;
        lineStart = i;
        continue;
      }
      if (c === 13) {
        i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
        line++;
        lineStart = i;
        continue;
      }
      const start = i;
      const column = i - lineStart + 1;
      if (isWordStart(c)) {
        i++;
        while (i < length && isWordPart(text.charCodeAt(i))) i++;
        const word = text.slice(start, i);
        tokens.add(this.keywords.has(word) ? word : 'ID', start, i, line, column);
      } else if (isDigit(c) && isStatusRange(text, i)) {
        i += 3;
        tokens.add('STATUS_RANGE', start, i, line, column);
      } else if (isDigit(c)) {
        i = numberEnd(text, i);
        tokens.add('NUMBER', start, i, line, column);
      } else if (c === 34) {
        i++;
        for (;;) {
          const d = text.charCodeAt(i);
          if (i >= length || d === 10 || d === 13) return undefined;
          if (d === 34) break;
          if (d === 92) {
            const e = text.charCodeAt(i + 1);
            // `\\.`: the escaped character is any but a line terminator (as `.` reads them).
            if (i + 1 >= length || e === 10 || e === 13 || e === 0x2028 || e === 0x2029) {
              return undefined;
            }
            i += 2;
          } else i++;
        }
        i++;
        tokens.add('STRING', start, i, line, column);
      } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
        while (i < length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        hidden.add('SL_COMMENT', start, i, line, column);
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) return undefined;
        i = close + 2;
        hidden.add('ML_COMMENT', start, i, line, column);
        // Line breaks inside the comment, counted as Chevrotain counts them.
        let breaks = 0;
        let lastBreak = -1;
        for (let j = start; j < i; j++) {
          const d = text.charCodeAt(j);
          if (d === 10 || d === 13) {
            if (d === 13 && text.charCodeAt(j + 1) === 10) j++;
            breaks++;
            lastBreak = j;
          }
        }
        if (breaks > 0) {
          const last = hidden.count - 1;
          line += breaks;
          lineStart = lastBreak + 1;
          hidden.endLine[last] = line;
          hidden.endColumn[last] = i - lineStart;
        }
      } else {
        const symbols = this.symbolsByFirst.get(c);
        const symbol = symbols?.find((s) => text.startsWith(s, i));
        if (symbol === undefined) return undefined;
        i += symbol.length;
        tokens.add(symbol, start, i, line, column);
      }
    }
    return { tokens, hidden };
  }
}

/** Whether `/[0-9][xX][xX](?![\w])/` (a status range, `4XX`) matches at `i`, a digit. */
function isStatusRange(text: string, i: number): boolean {
  const x = (code: number) => code === 120 || code === 88;
  return (
    x(text.charCodeAt(i + 1)) &&
    x(text.charCodeAt(i + 2)) &&
    (i + 3 >= text.length || !isWordPart(text.charCodeAt(i + 3)))
  );
}

/** Where `/[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/` matching at `i` ends. */
function numberEnd(text: string, i: number): number {
  while (isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(text.charCodeAt(j))) {
      while (isDigit(text.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i;
}
