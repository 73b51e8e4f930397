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

import { LineStarts } from './line-starts.js';

/**
 * Tokens in columns, each a typed array (outside the JS heap: the garbage collector neither
 * copies nor scans them). A token's kind is a small number, `kindName` its name: the keyword
 * itself, or `ID`, `STATUS_RANGE`, `NUMBER`, `STRING`, `ML_COMMENT`, `SL_COMMENT`; `''` past
 * the last token. Its line and column are read from its offsets and the text's {@link LineStarts}.
 */
export class TokenColumns {
  kinds: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** For a word (an `ID` or a keyword), the hash {@link wordHash} gives of it. */
  hash: Int32Array;
  count = 0;

  /**
   * @param kindNames the name of each kind number (`kindNames[0]` is `''`, the kind past the end)
   * @param lines where the lines of the tokens' text start
   */
  constructor(
    readonly kindNames: readonly string[],
    capacity: number,
    readonly lines: LineStarts,
  ) {
    const size = Math.max(16, capacity);
    this.kinds = new Uint8Array(size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.hash = new Int32Array(size);
  }

  /** The name of token `i`'s kind (`''` past the last token). */
  kind(i: number): string {
    return this.kindNames[this.kinds[i]!] ?? '';
  }

  /** The line of token `i`'s first character (1-based). */
  line(i: number): number {
    return this.lines.line(this.start[i]!);
  }

  /** The column of token `i`'s first character (1-based). */
  column(i: number): number {
    return this.lines.column(this.start[i]!);
  }

  /** The line of token `i`'s last character (1-based). */
  endLine(i: number): number {
    return this.lines.line(this.end[i]! - 1);
  }

  /** The column of token `i`'s last character (1-based). */
  endColumn(i: number): number {
    return this.lines.column(this.end[i]! - 1);
  }

  add(kind: number, start: number, end: number): void {
    const i = this.count;
    // One spare place: the kind after the last token reads as `''`.
    if (i + 1 >= this.start.length) this.grow();
    this.kinds[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.count = i + 1;
  }

  /** How many tokens the columns have room for (one place is kept spare past the last). */
  get capacity(): number {
    return this.start.length;
  }

  /** Doubles the room of every column (their arrays are new: read them again after). */
  grow(): void {
    const size = this.start.length * 2;
    const grown = <A extends Int32Array | Uint8Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(size);
      b.set(a);
      return b;
    };
    this.kinds = grown(this.kinds);
    this.start = grown(this.start);
    this.end = grown(this.end);
    this.hash = grown(this.hash);
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

/** A character that starts a word (`[A-Za-z_]`), in {@link CHARACTER_CLASS}. */
const WORD_START = 1;
/** A character that continues a word (`\w`), in {@link CHARACTER_CLASS}. */
const WORD_PART = 2;

/**
 * The classes of every UTF-16 code ({@link WORD_START}, {@link WORD_PART}), for the lexer's loop
 * to test a character by a read, not a call.
 */
const CHARACTER_CLASS = (() => {
  const classes = new Uint8Array(0x10000);
  for (let c = 0; c < 128; c++) {
    classes[c] = (isWordStart(c) ? WORD_START : 0) | (isWordPart(c) ? WORD_PART : 0);
  }
  return classes;
})();

/** The kinds of the terminals (their numbers in every lexer's `kindNames`). */
const ID = 1;
const STATUS_RANGE = 2;
const NUMBER = 3;
const STRING = 4;
const ML_COMMENT = 5;
const SL_COMMENT = 6;
const TERMINAL_NAMES = ['ID', 'STATUS_RANGE', 'NUMBER', 'STRING', 'ML_COMMENT', 'SL_COMMENT'];

/** The hash of a word the lexer computes as it reads it, one character code at a time. */
const hashStep = (hash: number, code: number) => (Math.imul(hash, 31) + code) | 0;

/** The hash of the word `text` from `start` to `end` (as the lexer keeps it for each word). */
export function wordHash(text: string, start = 0, end = text.length): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

/** A lexer for the keywords of one grammar. */
export class FastLexer {
  /** `''`, the terminals, then the keywords. */
  private readonly kindNames: string[] = ['', ...TERMINAL_NAMES];
  /** For each character code, the symbols starting with it (longest first) and their kinds. */
  private readonly symbolsByFirst: { text: string; kind: number }[][] = [];
  /** The keywords that are words, by their hash: their kinds (a word is looked up unsliced). */
  private readonly wordsByHash = new Map<number, number[]>();

  /**
   * @param keywords every keyword of the grammar (the names of Langium's keyword tokens); the
   *   symbols among them must be those this lexer knows, else it refuses to be built.
   */
  constructor(keywords: ReadonlySet<string>) {
    for (const keyword of keywords) {
      // A terminal's name among them (`STATUS_RANGE`) is no keyword: the word is a name.
      if (TERMINAL_NAMES.includes(keyword)) continue;
      const kind = this.kindNames.push(keyword) - 1;
      if (/^[A-Za-z_]\w*$/.test(keyword)) {
        const hash = wordHash(keyword);
        const same = this.wordsByHash.get(hash);
        if (same) same.push(kind);
        else this.wordsByHash.set(hash, [kind]);
      } else if (!SYMBOLS.includes(keyword)) {
        throw new Error(`the fast lexer does not know '${keyword}'`);
      }
    }
    if (this.kindNames.length > 256) throw new Error('too many keywords for the fast lexer');
    for (const symbol of SYMBOLS) {
      if (!keywords.has(symbol)) continue;
      const first = symbol.charCodeAt(0);
      (this.symbolsByFirst[first] ??= []).push({
        text: symbol,
        kind: this.kindNames.indexOf(symbol),
      });
    }
  }

  /** The tokens of `text`, or `undefined` where Chevrotain's lexer might see it otherwise. */
  tokenize(text: string): FastTokens | undefined {
    // About one token in five characters, one line in 22: room for more, grown if needed.
    const lines = new LineStarts(text.length >> 4);
    const tokens = new TokenColumns(this.kindNames, text.length >> 2, lines);
    const hidden = new TokenColumns(this.kindNames, 64, lines);
    const count = this.lexInto(text, tokens, hidden, lines);
    if (count < 0) return undefined;
    tokens.count = count;
    return { tokens, hidden };
  }

  /**
   * Reads `text` into `tokens` and `hidden`; answers how many tokens it read into `tokens`, or
   * -1 where it could not read the text. The loop is a function of its own, which ends with
   * nothing it had not run before it was compiled (making the answer there threw the compiled
   * loop away as it ended).
   *
   * A token's columns are written here, from arrays held in locals: a large run compiles this
   * loop without inlining, where a call per token (`add`) and per character (a character test
   * as a function) cost more than the work they did.
   */
  private lexInto(
    text: string,
    tokens: TokenColumns,
    hidden: TokenColumns,
    lines: LineStarts,
  ): number {
    const length = text.length;
    let kinds = tokens.kinds;
    let starts = tokens.start;
    let ends = tokens.end;
    let hashes = tokens.hash;
    // One place is kept spare: the kind after the last token reads as `''`.
    let room = tokens.capacity - 1;
    let count = 0;
    let lineStarts = lines.starts;
    let lineCount = lines.count;
    let i = 0;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 11 || c === 12) {
        i++;
        continue;
      }
      if (c === 10 || c === 13) {
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        if (lineCount >= lineStarts.length) {
          lines.count = lineCount;
          lines.grow();
          lineStarts = lines.starts;
        }
        lineStarts[lineCount++] = i;
        continue;
      }
      const start = i;
      let kind: number;
      let hash = 0;
      if ((CHARACTER_CLASS[c]! & WORD_START) !== 0) {
        hash = c;
        i++;
        while (i < length) {
          const d = text.charCodeAt(i);
          if ((CHARACTER_CLASS[d]! & WORD_PART) === 0) break;
          hash = (Math.imul(hash, 31) + d) | 0;
          i++;
        }
        kind = this.wordKind(text, start, i, hash);
      } else if (isDigit(c) && isStatusRange(text, i)) {
        i += 3;
        kind = STATUS_RANGE;
      } else if (isDigit(c)) {
        i = numberEnd(text, i);
        kind = NUMBER;
      } else if (c === 34) {
        i = stringEnd(text, i);
        if (i < 0) return -1;
        kind = STRING;
      } else {
        // The code after a `/` (-1 after any other character), read once for both comments:
        // a `/` symbol (a path's) then runs no test the loop had not run before it was compiled
        // (the first path threw the compiled loop away, and it was compiled again).
        const next = c === 47 ? text.charCodeAt(i + 1) : -1;
        if (next === 47) {
          while (i < length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
          hidden.add(SL_COMMENT, start, i);
          continue;
        }
        if (next === 42) {
          const close = text.indexOf('*/', i + 2);
          if (close < 0) return -1;
          i = close + 2;
          hidden.add(ML_COMMENT, start, i);
          // Line breaks inside the comment, counted as Chevrotain counts them.
          lines.count = lineCount;
          for (let j = start; j < i; j++) {
            const d = text.charCodeAt(j);
            if (d === 10 || d === 13) {
              if (d === 13 && text.charCodeAt(j + 1) === 10) j++;
              lines.add(j + 1);
            }
          }
          lineStarts = lines.starts;
          lineCount = lines.count;
          continue;
        }
        const symbol = this.symbolAt(text, i, c);
        if (symbol === undefined) return -1;
        i += symbol.text.length;
        kind = symbol.kind;
      }
      if (count >= room) {
        tokens.count = count;
        tokens.grow();
        kinds = tokens.kinds;
        starts = tokens.start;
        ends = tokens.end;
        hashes = tokens.hash;
        room = tokens.capacity - 1;
      }
      kinds[count] = kind;
      starts[count] = start;
      ends[count] = i;
      hashes[count] = hash;
      count++;
    }
    lines.count = lineCount;
    return count;
  }

  /** The kind of the word from `start` to `end`, of hash `hash`: a keyword's, or `ID`. */
  private wordKind(text: string, start: number, end: number, hash: number): number {
    const kinds = this.wordsByHash.get(hash);
    if (kinds === undefined) return ID;
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[k]!;
      const keyword = this.kindNames[kind]!;
      if (keyword.length === end - start && text.startsWith(keyword, start)) return kind;
    }
    return ID;
  }

  /** The symbol at `i` (whose code is `c`), the longest first, if any. */
  private symbolAt(text: string, i: number, c: number): { text: string; kind: number } | undefined {
    const symbols = this.symbolsByFirst[c];
    if (symbols === undefined) return undefined;
    for (let k = 0; k < symbols.length; k++) {
      if (text.startsWith(symbols[k]!.text, i)) return symbols[k];
    }
    return undefined;
  }
}

const isX = (code: number) => code === 120 || code === 88;

/**
 * Where the string (`"…"`, escapes `\\.`) starting at `i` ends, past its closing quote; -1 where it
 * does not end on its line (Chevrotain would not read it as a string).
 */
function stringEnd(text: string, i: number): number {
  const length = text.length;
  i++;
  for (;;) {
    const d = text.charCodeAt(i);
    if (i >= length || d === 10 || d === 13) return -1;
    if (d === 34) return i + 1;
    if (d === 92) {
      const e = text.charCodeAt(i + 1);
      // `\\.`: the escaped character is any but a line terminator (as `.` reads them).
      if (i + 1 >= length || e === 10 || e === 13 || e === 0x2028 || e === 0x2029) return -1;
      i += 2;
    } else i++;
  }
}

/** Whether `/[0-9][xX][xX](?![\w])/` (a status range, `4XX`) matches at `i`, a digit. */
function isStatusRange(text: string, i: number): boolean {
  return (
    isX(text.charCodeAt(i + 1)) &&
    isX(text.charCodeAt(i + 2)) &&
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
