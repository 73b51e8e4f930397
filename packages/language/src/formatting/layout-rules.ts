import type { FormatToken } from './format-tokens.js';

/** Declarations whose braces hold items: one item a line when the braces span lines. */
const blockOwners = new Set([
  'RecordDecl',
  'ErrorDecl',
  'EnumDecl',
  'Endpoint',
  'Property',
  'SpecHeader',
  'AuthDecl',
  'AuthFlow',
  'HeadersDecl',
  'Server',
  'License',
  'Contact',
]);

/**
 * Whether a token is a `{` or `}` of a declaration's block, or a bracket of a JSON value (an
 * example's object or list), whose entries and items stand one a line when it is broken.
 */
export function isBlockBrace(token: FormatToken): boolean {
  const k = token.keyword;
  if (k === '[' || k === ']') return token.node.$type === 'JsonArray';
  if (k !== '{' && k !== '}') return false;
  return blockOwners.has(token.node.$type) || token.node.$type === 'JsonObject';
}

/** Whether a token is a bracket of a JSON value, broken over lines when it is too long. */
export function isJsonBracket(token: FormatToken): boolean {
  return (
    isBlockBrace(token) && (token.node.$type === 'JsonObject' || token.node.$type === 'JsonArray')
  );
}

/** The nodes whose `<` and `>` are angle brackets: `List<T>`, and `...Map<T>` (v0.1). */
const angleOwners = new Set(['TypeRef', 'OpenFields']);

/** Whether a token opens a bracket pair: `(`, `[`, `{`, or the `<` of `List<...>`. */
export function isOpener(token: FormatToken): boolean {
  if (token.inPath) return false;
  const k = token.keyword;
  return k === '(' || k === '[' || k === '{' || (k === '<' && angleOwners.has(token.node.$type));
}

/** Whether a token closes a bracket pair. */
export function isCloser(token: FormatToken): boolean {
  if (token.inPath || token.node.$type === 'PathParam') return false;
  const k = token.keyword;
  return k === ')' || k === ']' || k === '}' || (k === '>' && angleOwners.has(token.node.$type));
}

/**
 * Whether a token belongs on the line of the token before it even when the source broke the
 * line there: a declaration's `{`, and `,`, `:` and `?`, which read as the end of what
 * precedes them.
 */
export function joinsPrevious(token: FormatToken): boolean {
  if (token.kind !== 'code') return false;
  if (isBlockBrace(token) && token.keyword === '{') return true;
  return token.keyword === ',' || token.keyword === ':' || token.keyword === '?';
}

/** The spaces between two tokens on one line. */
export function spaceBetween(prev: FormatToken, next: FormatToken): string {
  if (next.kind !== 'code' || prev.kind !== 'code') return ' ';
  const p = prev.keyword;
  const n = next.keyword;
  if (p === '/{' || (n === '}' && next.node.$type === 'PathParam')) return '';
  if (p === '{' && n === '}') return '';
  if (p === '{' || n === '}') return ' ';
  if (isOpener(prev) || isCloser(next)) return '';
  if (n === ',' || n === ':' || n === '?' || n === '.' || n === '?.') return '';
  if (p === '.' || p === '?.' || p === '...') return '';
  if (n === '<' && angleOwners.has(next.node.$type)) return '';
  const calls = ['EndpointCall', 'BuiltinCall', 'SecurityOption'];
  if (n === '(' && calls.includes(next.node.$type)) {
    return '';
  }
  if (p === '-' && (prev.node.$type === 'UnaryExpr' || prev.node.$type === 'ConstNumber'))
    return '';
  return ' ';
}
