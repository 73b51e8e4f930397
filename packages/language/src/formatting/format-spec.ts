import type { LangiumDocument, Lexer } from 'langium';
import { FastLexer } from '../parser/fast/fast-lexer.js';
import type { FormatToken } from './format-tokens.js';
import { formatTokens } from './format-tokens.js';
import {
  isBlockBrace,
  isCloser,
  isJsonBracket,
  isOpener,
  joinsPrevious,
  spaceBetween,
} from './layout-rules.js';

/** One replacement of the whitespace between two tokens (offsets in the original text). */
export interface WhitespaceEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** What formatting a spec gives: the new text and the whitespace edits that make it. */
export type FormatResult =
  | { readonly ok: true; readonly text: string; readonly edits: readonly WhitespaceEdit[] }
  | { readonly ok: false; readonly reason: string };

const INDENT = '  ';
/** The widest line a JSON value is written on; a wider one is broken, an entry a line. */
const WIDTH = 100;
const LINE_BREAK = /\r\n|\r|\n/g;

interface OpenBracket {
  readonly token: FormatToken;
  readonly index: number;
  readonly line: number;
  /** For a declaration's block: whether its items stand one a line. */
  readonly broken: boolean;
}

/**
 * Formats a parsed spec. Only the whitespace between tokens changes (the tokens, comments
 * included, stay as they are, and a path keeps its spacing), so formatting never changes
 * what a spec means; the result is checked by lexing it again. The layout:
 *
 * - two spaces of indentation a level; one space between tokens, none inside brackets, before
 *   `,` `:` `?` and after `.`, a space inside `{ }` written on one line;
 * - a declaration's block (record, error, enum, endpoint, property) written on one line stays
 *   on one line (a JSON value in it too, however wide); one that spans lines has each member,
 *   clause or statement on its own line;
 * - line breaks inside expressions are kept, the continuation indented one level (a closing
 *   bracket lines up with the line that opened it); at most one blank line is kept between
 *   items, none inside them;
 * - comments stay where they are: at the end of their line (with the spaces before them, so
 *   aligned comments stay aligned), or on their own line indented as the code they precede.
 *
 * The same layout comes out of formatting its own output (formatting is idempotent).
 * Documents with syntax errors are not formatted.
 */
export function formatSpec(document: LangiumDocument, lexer: Lexer): FormatResult {
  const parse = document.parseResult;
  if (parse.lexerErrors.length > 0 || parse.parserErrors.length > 0) {
    return { ok: false, reason: 'the file has syntax errors; fix them first' };
  }
  const text = document.textDocument.getText();
  const tokens = formatTokens(document);
  const gaps = layout(text, tokens);
  const edits: WhitespaceEdit[] = [];
  let formatted = '';
  let cursor = 0;
  tokens.forEach((token, i) => {
    const start = i === 0 ? 0 : tokens[i - 1]!.end;
    if (text.slice(start, token.offset) !== gaps[i]) {
      edits.push({ start, end: token.offset, newText: gaps[i]! });
    }
    formatted += gaps[i]! + token.text;
    cursor = token.end;
  });
  const tail = tokens.length > 0 ? '\n' : '';
  if (text.slice(cursor) !== tail) edits.push({ start: cursor, end: text.length, newText: tail });
  formatted += tail;
  if (!sameTokens(lexer, text, formatted)) {
    return {
      ok: false,
      reason: 'internal error: formatting would change the tokens; please report it',
    };
  }
  return { ok: true, text: formatted, edits };
}

/** The whitespace to put before each token. */
function layout(text: string, tokens: readonly FormatToken[]): string[] {
  const gaps: string[] = [];
  const stack: OpenBracket[] = [];
  const lineIndents: number[] = [0];
  let itemIndex = 0;
  let itemIndent = 0;
  // The length of the formatted line so far (for JSON values too wide for one line).
  let column = 0;
  const advance = (written: string) => {
    const lastBreak = Math.max(written.lastIndexOf('\n'), written.lastIndexOf('\r'));
    column = lastBreak < 0 ? column + written.length : written.length - lastBreak - 1;
  };
  tokens.forEach((token, i) => {
    const prev = tokens[i - 1];
    if (!prev) {
      gaps.push('');
    } else {
      const original = text.slice(prev.end, token.offset);
      // Line breaks of any kind: `\n`, `\r\n`, and the lone `\r` of old Mac files.
      const newlines = original.match(LINE_BREAK)?.length ?? 0;
      const newline = breaksBefore(prev, token, newlines, stack);
      if (newline === 'verbatim') {
        gaps.push(original);
      } else if (newline) {
        const blank = newlines >= 2 && mayHaveBlankLine(prev, token) ? '\n' : '';
        const indent = indentOf(tokens, i, stack, lineIndents, itemIndex, itemIndent);
        lineIndents.push(indent);
        gaps.push(`${blank}\n${INDENT.repeat(indent)}`);
      } else if (token.kind !== 'code' && /^ +$/.test(original) && !original.includes('\n')) {
        // A comment at the end of a line keeps its spacing (comments are often aligned).
        gaps.push(original);
      } else {
        gaps.push(spaceBetween(prev, token));
      }
    }
    advance(gaps[gaps.length - 1]!);
    const start = column;
    advance(token.text);
    const line = lineIndents.length - 1;
    if (token.itemStart) {
      itemIndex = i;
      itemIndent = lineIndents[line]!;
    }
    if (isCloser(token)) stack.pop();
    if (isOpener(token)) {
      // A JSON value too wide breaks, unless a declaration's block holding it stays on one
      // line: breaking the value would break that block the next time (not idempotent).
      const declaration = enclosingDeclaration(stack);
      const broken =
        isBlockBrace(token) &&
        (/[\r\n]/.test(text.slice(token.end, matchingEnd(tokens, i))) ||
          (isJsonBracket(token) &&
            declaration?.broken !== false &&
            start + inlineWidth(tokens, i) > WIDTH));
      stack.push({ token, index: i, line, broken });
    }
  });
  return gaps;
}

/** Whether a line break goes before a token: true, false, or `verbatim` (inside a path). */
function breaksBefore(
  prev: FormatToken,
  token: FormatToken,
  newlines: number,
  stack: readonly OpenBracket[],
): boolean | 'verbatim' {
  // Spaces in a path's literal text are an error the checker reports: keep them as written.
  const paramClose = prev.keyword === '}' && prev.node.$type === 'PathParam';
  if (token.inPath && (prev.inPath || paramClose)) return 'verbatim';
  if (prev.kind === 'line-comment') return true;
  if (token.kind !== 'code') return newlines > 0;
  const block = innermostBlock(stack);
  const inBrokenBlock = block === undefined || block.broken;
  if (token.itemStart && inBrokenBlock) return true;
  if (isBlockBrace(token) && isCloser(token) && block?.broken) return true;
  if (isBlockBrace(prev) && prev.keyword === '{' && block?.broken && block.token === prev) {
    return true;
  }
  if (joinsPrevious(token)) return false;
  return newlines > 0;
}

/** The innermost open declaration block that is not a JSON value's, or undefined. */
function enclosingDeclaration(stack: readonly OpenBracket[]): OpenBracket | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i]!;
    if (isBlockBrace(open.token) && !isJsonBracket(open.token)) return open;
  }
  return undefined;
}

/** The innermost open declaration block, or undefined at the top level. */
function innermostBlock(stack: readonly OpenBracket[]): OpenBracket | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    if (isBlockBrace(stack[i]!.token)) return stack[i];
  }
  return undefined;
}

/** Blank lines are kept only between items and comments, not after `{` or before `}`. */
function mayHaveBlankLine(prev: FormatToken, token: FormatToken): boolean {
  if (isOpener(prev) || isCloser(token)) return false;
  return token.itemStart || token.kind !== 'code';
}

/** The indentation (in levels) of a token that starts a line. */
function indentOf(
  tokens: readonly FormatToken[],
  i: number,
  stack: readonly OpenBracket[],
  lineIndents: readonly number[],
  itemIndex: number,
  itemIndent: number,
): number {
  let token = tokens[i]!;
  if (token.kind !== 'code') {
    // A comment on its own line is indented as the code it precedes; before a closing
    // bracket, as the lines inside the brackets.
    // (Searched in place: copying the rest of the tokens for each comment made formatting
    // quadratic in a file with many comments, as imported specs have.)
    let next: FormatToken | undefined;
    for (let j = i + 1; j < tokens.length && !next; j++)
      if (tokens[j]!.kind === 'code') next = tokens[j];
    if (!next || isCloser(next)) {
      const open = stack[stack.length - 1];
      return open ? lineIndents[open.line]! + 1 : 0;
    }
    token = next;
  }
  if (isCloser(token)) {
    const open = stack[stack.length - 1];
    return open ? lineIndents[open.line]! : 0;
  }
  const open = stack[stack.length - 1];
  if (token.itemStart || (open && open.index >= itemIndex)) {
    return open ? lineIndents[open.line]! + 1 : 0;
  }
  return itemIndent + 1;
}

/** The width of the brackets opened at index `i` and what they hold, written on one line. */
function inlineWidth(tokens: readonly FormatToken[], i: number): number {
  let width = 0;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const token = tokens[j]!;
    if (token.kind === 'line-comment') return Infinity;
    width += (j > i ? spaceBetween(tokens[j - 1]!, token).length : 0) + token.text.length;
    if (isOpener(token)) depth++;
    else if (isCloser(token) && --depth === 0) break;
  }
  return width;
}

/** The offset of the bracket that closes the one opened at index `i`. */
function matchingEnd(tokens: readonly FormatToken[], i: number): number {
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const token = tokens[j]!;
    if (isOpener(token)) depth++;
    else if (isCloser(token) && --depth === 0) return token.offset;
  }
  return tokens[tokens.length - 1]?.end ?? 0;
}

const fastLexers = new WeakMap<Lexer, FastLexer | undefined>();

/** The fast lexer for the keywords of Langium's `lexer`, or undefined if it cannot be built. */
function fastLexerOf(lexer: Lexer): FastLexer | undefined {
  if (fastLexers.has(lexer)) return fastLexers.get(lexer);
  let fast: FastLexer | undefined;
  try {
    const names = Object.keys(lexer.definition as Record<string, unknown>);
    fast = new FastLexer(new Set(names.filter((name) => !TERMINAL_TOKENS.has(name))));
  } catch {
    fast = undefined;
  }
  fastLexers.set(lexer, fast);
  return fast;
}

const TERMINAL_TOKENS = new Set(['WS', 'ID', 'NUMBER', 'STRING', 'ML_COMMENT', 'SL_COMMENT']);

/** The images of a text's tokens and comments, in order, by the fast lexer; undefined if it declines. */
/**
 * Where every token and comment of a text lies, in order (start and end of each, by the fast
 * lexer), or `undefined` where the fast lexer declines the text.
 */
function fastSpans(fast: FastLexer, text: string): Int32Array | undefined {
  const lexed = fast.tokenize(text);
  if (!lexed) return undefined;
  const { tokens, hidden } = lexed;
  const spans = new Int32Array(2 * (tokens.count + hidden.count));
  let h = 0;
  let k = 0;
  for (let t = 0; t <= tokens.count; t++) {
    const next = t < tokens.count ? tokens.start[t]! : Infinity;
    for (; h < hidden.count && hidden.start[h]! < next; h++) {
      spans[k++] = hidden.start[h]!;
      spans[k++] = hidden.end[h]!;
    }
    if (t < tokens.count) {
      spans[k++] = tokens.start[t]!;
      spans[k++] = tokens.end[t]!;
    }
  }
  return spans;
}

/** Whether two texts' spans hold the same characters, one by one (no string is made). */
function sameSpanTexts(a: string, x: Int32Array, b: string, y: Int32Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i += 2) {
    const from = x[i]!;
    const to = y[i]!;
    const length = x[i + 1]! - from;
    if (length !== y[i + 1]! - to) return false;
    for (let j = 0; j < length; j++)
      if (a.charCodeAt(from + j) !== b.charCodeAt(to + j)) return false;
  }
  return true;
}

/**
 * Whether two texts have the same tokens and comments, in the same order (whitespace aside):
 * the formatter's guarantee, checked on every result.
 */
export function sameTokens(lexer: Lexer, a: string, b: string): boolean {
  const fast = fastLexerOf(lexer);
  const x0 = fast && fastSpans(fast, a);
  const y0 = x0 && fast && fastSpans(fast, b);
  if (x0 && y0) return sameSpanTexts(a, x0, b, y0);
  const images = (text: string) => {
    const result = lexer.tokenize(text);
    const hidden = (result.hidden ?? []).filter((t) => t.image.trim() !== '');
    return [...result.tokens, ...hidden]
      .sort((x, y) => x.startOffset - y.startOffset)
      .map((t) => t.image);
  };
  const x = images(a);
  const y = images(b);
  return x.length === y.length && x.every((image, i) => image === y[i]);
}
