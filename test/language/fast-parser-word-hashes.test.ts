import type { AstNode } from 'langium';
import { AstUtils, EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import { namePlaces } from '../../packages/language/src/parser/fast/fast-ast-builder.js';
import { FastLexer } from '../../packages/language/src/parser/fast/fast-lexer.js';

// The fast lexer tells a keyword from a name by a hash of the word it computes while reading it
// (so that it slices no string), then compares the word with the keywords of that hash. A name
// whose hash is a keyword's must still be a name: for every keyword of the grammar, a word of
// the same hash and length (two neighbouring letters traded: `type` -> `tyqF`), a longer and a
// shorter word, lexed as Chevrotain's lexer (Langium's) lexes them. The parser (with each
// declaration's CST built on demand, as `specl check` parses) reuses a name it has read by its
// hash: two names of one hash and length (`Aa`, `BB`) must each keep their own text.
const { Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const lazy = createSpeclServices(EmptyFileSystem, { indexReferences: false, lazyCst: true }).Specl;
const definition = Specl.parser.Lexer.definition;
const TERMINALS = new Set(['WS', 'ID', 'NUMBER', 'STRING', 'ML_COMMENT', 'SL_COMMENT']);
const keywords = Object.keys(definition).filter((name) => !TERMINALS.has(name));
const words = keywords.filter((keyword) => /^[A-Za-z_]\w*$/.test(keyword));

/** A word of `keyword`'s hash (`hash * 31 + code`) and length, other than it, if one is ASCII. */
/** Each node of `text`'s AST by `parser`: its type, its name and the name it refers to. */
function namesBy(parser: typeof Specl.parser.LangiumParser, text: string): string[] {
  const result = parser.parse(text);
  expect(result.parserErrors).toEqual([]);
  return AstUtils.streamAst(result.value as AstNode)
    .map((node) => {
      const n = node as AstNode & { name?: string; ref?: { $refText: string } };
      return `${node.$type} ${n.name ?? ''} ${n.ref?.$refText ?? ''}`;
    })
    .toArray();
}

/** {@link namesBy} the fast parser, which must have taken its fast path for `text`. */
function fastNames(text: string): string[] {
  const parser = lazy.parser.LangiumParser as typeof lazy.parser.LangiumParser & {
    fastPathTaken: number;
  };
  const taken = parser.fastPathTaken;
  const names = namesBy(parser, text);
  expect(parser.fastPathTaken).toBe(taken + 1);
  return names;
}

const langiumParser = createSpeclServices(EmptyFileSystem, { fastParser: false }).Specl.parser
  .LangiumParser;

function collidingWord(keyword: string): string | undefined {
  for (let i = 0; i + 1 < keyword.length; i++) {
    const a = keyword.charCodeAt(i) + 1;
    const b = keyword.charCodeAt(i + 1) - 31;
    const word = keyword.slice(0, i) + String.fromCharCode(a, b) + keyword.slice(i + 2);
    if (/^[A-Za-z_]\w*$/.test(word)) return word;
  }
  return undefined;
}

function hash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

/** Each token's kind and text, as the fast lexer gives them. */
function fastTokens(text: string): string[] {
  const lexed = new FastLexer(new Set(keywords)).tokenize(text);
  if (!lexed) throw new Error(`the fast lexer refused ${text}`);
  const { tokens } = lexed;
  const out: string[] = [];
  for (let i = 0; i < tokens.count; i++) {
    out.push(`${tokens.kind(i)} ${text.slice(tokens.start[i], tokens.end[i])}`);
  }
  expect(tokens.kind(tokens.count)).toBe('');
  return out;
}

/** Each token's kind and text, as Langium's lexer gives them. */
function langiumTokens(text: string): string[] {
  const result = Specl.parser.Lexer.tokenize(text);
  expect(result.errors).toEqual([]);
  return result.tokens.map((token) => `${token.tokenType.name} ${token.image}`);
}

describe('the fast lexer tells keywords from names by their hash', () => {
  it('has keywords that are words, and finds a word of the same hash for most', () => {
    expect(words.length).toBeGreaterThan(40);
    const colliding = words.map(collidingWord).filter((word) => word !== undefined);
    expect(colliding.length).toBeGreaterThan(words.length / 2);
    for (const keyword of words) {
      const word = collidingWord(keyword);
      if (word !== undefined) expect(hash(word)).toBe(hash(keyword));
    }
  });

  it('lexes each keyword, a word of its hash, a longer and a shorter word as Langium does', () => {
    for (const keyword of words) {
      const variants = [keyword, `${keyword}s`, `${keyword}_1`, keyword.slice(0, -1) || 'x'];
      const word = collidingWord(keyword);
      if (word !== undefined) variants.push(word, `${word}${keyword}`);
      const text = variants.join(' ') + ` x.${keyword} "${keyword}" // ${keyword}\n`;
      expect(fastTokens(text), text).toEqual(langiumTokens(text));
    }
  });

  it('lexes every symbol and a run of them as Langium does', () => {
    const symbols = keywords.filter((keyword) => !words.includes(keyword));
    const text = `${symbols.join(' ')} ${symbols.join('')} 4XX 4xx1 12.5e-3 a_b9`;
    expect(fastTokens(text)).toEqual(langiumTokens(text));
  });

  it('keeps apart names of one hash and length', () => {
    expect(hash('Aa')).toBe(hash('BB'));
    expect(hash('AaAa')).toBe(hash('BBBB'));
    const text = [
      'type Aa { Aa: Int, BB: Int, AaAa: BB, BBBB: Aa, AaBB: List<BB> }',
      'type BB { BB: String, Aa: Bool }',
      'enum AaAa { Aa, BB }',
      'enum BBBB { BB, Aa }',
    ].join('\n');
    const fast = fastNames(text);
    expect(fast).toContain('Field BB ');
    expect(fast).toContain('TypeRef  BB');
    expect(fast).toContain('EnumMember BB ');
    expect(fast).toEqual(namesBy(langiumParser, text));
  });

  it('sizes the list of names read by the text: a power of two, 64 to 16,384 places', () => {
    expect(namePlaces(0)).toBe(64);
    expect(namePlaces(128)).toBe(64);
    expect(namePlaces(130)).toBe(128);
    expect(namePlaces(1000)).toBe(512);
    expect(namePlaces(40_000)).toBe(16_384);
    expect(namePlaces(10_000_000)).toBe(16_384);
  });

  it('keeps apart the names of a small text that share a place of its list', () => {
    // 120 fields in a text of about 480 tokens (256 places), in pairs of names that share a
    // place (their hashes' low eight bits), each the other's type (a name read again).
    const byPlace = new Map<number, string>();
    const pairs: [string, string][] = [];
    for (let i = 0; pairs.length < 60; i++) {
      const name = `q${i}`;
      const place = hash(name) & 255;
      const first = byPlace.get(place);
      if (first === undefined) byPlace.set(place, name);
      else {
        pairs.push([first, name]);
        byPlace.delete(place);
      }
    }
    const fields = pairs.map(([a, b]) => `${a}: ${b}, ${b}: ${a}`).join(', ');
    const text = `type Big { ${fields} }\n`;
    expect(namePlaces(Specl.parser.Lexer.tokenize(text).tokens.length)).toBe(256);
    const fast = fastNames(text);
    for (const [a, b] of pairs) {
      expect(fast).toContain(`Field ${a} `);
      expect(fast).toContain(`TypeRef  ${b}`);
    }
    expect(fast).toEqual(namesBy(langiumParser, text));
  });
});
