import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import { FastLexer, wordHash } from '../../packages/language/src/parser/fast/fast-lexer.js';

// The fast lexer writes each token's columns (kind, offsets, line, column, a word's hash) from
// its own loop, into arrays it grows when a text has more tokens than it made room for (about
// one in four characters). Every column of every token must be what Langium's lexer
// (Chevrotain's) gives, however often the arrays grew, and comments stay apart.
const { Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const definition = Specl.parser.Lexer.definition;
const TERMINALS = new Set(['WS', 'ID', 'NUMBER', 'STRING', 'ML_COMMENT', 'SL_COMMENT']);
const keywords = Object.keys(definition).filter((name) => !TERMINALS.has(name));
const COMMENTS = new Set(['ML_COMMENT', 'SL_COMMENT']);

/** Each token as `kind offset-end line:column hash` (hash of words only, else 0). */
function fastTokens(text: string): { tokens: string[]; hidden: string[] } {
  const lexed = new FastLexer(new Set(keywords)).tokenize(text);
  if (!lexed) throw new Error(`the fast lexer refused ${text}`);
  const { tokens: t, hidden: h } = lexed;
  const tokens: string[] = [];
  for (let i = 0; i < t.count; i++) {
    const start = t.start[i]!;
    const end = t.end[i]!;
    const word = /^[A-Za-z_]\w*$/.test(text.slice(start, end));
    expect(t.hash[i]).toBe(word ? wordHash(text, start, end) : 0);
    tokens.push(
      `${t.kind(i)} ${start}-${end} ${t.line(i)}:${t.column(i)}-${t.endLine(i)}:${t.endColumn(i)}`,
    );
  }
  expect(t.kind(t.count)).toBe('');
  const hidden: string[] = [];
  for (let i = 0; i < h.count; i++) {
    hidden.push(
      `${h.kind(i)} ${h.start[i]}-${h.end[i]} ${h.line(i)}:${h.column(i)}-${h.endLine(i)}:${h.endColumn(i)}`,
    );
  }
  return { tokens, hidden };
}

/** The same, from Langium's lexer. */
function langiumTokens(text: string): { tokens: string[]; hidden: string[] } {
  const result = Specl.parser.Lexer.tokenize(text);
  expect(result.errors).toEqual([]);
  const show = (token: (typeof result.tokens)[number]) =>
    `${token.tokenType.name} ${token.startOffset}-${token.endOffset! + 1} ` +
    `${token.startLine}:${token.startColumn}-${token.endLine}:${token.endColumn}`;
  const all = [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset);
  return {
    tokens: all.filter((token) => !COMMENTS.has(token.tokenType.name)).map(show),
    hidden: all.filter((token) => COMMENTS.has(token.tokenType.name)).map(show),
  };
}

describe('the fast lexer fills its token columns as Langium lexes', () => {
  it('keeps every column of a text of one-character tokens, grown many times', () => {
    // Two characters a token (799 characters, 400 tokens): about twice the room first made (a
    // quarter of the text's length), so the columns grow twice.
    const text = Array.from({ length: 400 }, (_, i) => 'a{}(),:x?'[i % 9]).join(' ');
    const fast = fastTokens(text);
    expect(fast.tokens.length).toBe(400);
    expect(fast).toEqual(langiumTokens(text));
  });

  it('keeps the columns of words, numbers, strings, status ranges and comments across lines', () => {
    const line =
      'type Name_1 { n: Int, s: String? } 4XX 12.5e3 "a \\" b" // note\r\n' +
      '/* one\n two */ a.b?.c ?? -1 /{id} ...x\n';
    const text = line.repeat(60);
    const fast = fastTokens(text);
    expect(fast.hidden.length).toBe(120);
    expect(fast).toEqual(langiumTokens(text));
  });

  it('reads lines and columns from the line table in any order, however often it grew', () => {
    // Lines of two to four characters (about one in three: the table is made for one in 16, and
    // grows), ended by `\n`, `\r` and `\r\n`, and comments of several lines.
    const text = 'a\nb\rc\r\n/* x\r\ny\rz\n */ d // e\r\n'.repeat(120);
    const fast = fastTokens(text);
    expect(fast).toEqual(langiumTokens(text));
    const lexed = new FastLexer(new Set(keywords)).tokenize(text)!;
    expect(lexed.tokens.lines.count).toBe(text.split(/\r\n|\r|\n/).length);
    const t = lexed.tokens;
    const backwards: string[] = [];
    for (let i = t.count - 1; i >= 0; i--) {
      backwards.unshift(`${t.line(i)}:${t.column(i)}-${t.endLine(i)}:${t.endColumn(i)}`);
    }
    expect(backwards).toEqual(fast.tokens.map((token) => token.split(' ')[2]));
  });

  it('reads tabs, characters of two UTF-16 units and a last line without its end, in shuffled order', () => {
    // Columns count UTF-16 units, as Chevrotain's do: a tab is one, an emoji two.
    const text =
      'type\tA {\n\tn: String { description: "😀 é\tx" }\r\n} /* 😀\n😀 */ b\t"😀"\r'.repeat(40) +
      'last // 😀';
    const fast = fastTokens(text);
    expect(fast).toEqual(langiumTokens(text));
    const t = new FastLexer(new Set(keywords)).tokenize(text)!.tokens;
    // A fixed shuffle (a linear congruential sequence): reads jump back and forth between lines,
    // so the line table's search starts from a line found last that is far from the one asked.
    const order = Array.from({ length: t.count }, (_, i) => i);
    let seed = 12345;
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const shuffled: string[] = [];
    for (const i of order) {
      shuffled[i] = `${t.line(i)}:${t.column(i)}-${t.endLine(i)}:${t.endColumn(i)}`;
    }
    expect(shuffled).toEqual(fast.tokens.map((token) => token.split(' ')[2]));
  });

  it('refuses a string that does not end on its line, and a character no token starts with', () => {
    const lexer = new FastLexer(new Set(keywords));
    expect(lexer.tokenize('a "open\n"')).toBeUndefined();
    expect(lexer.tokenize('a "escaped \\\n"')).toBeUndefined();
    expect(lexer.tokenize('a # b')).toBeUndefined();
    expect(lexer.tokenize('a é')).toBeUndefined();
  });
});
