import type { TokenColumns } from './fast-lexer.js';
import {
  NESTING_BUDGET,
  NestingUnits,
  knownWord,
  statementKeywords,
  wordOperators,
} from '../nesting-guard.js';

/** Each bracket token and what closes it. */
const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
/** Symbol tokens the nesting guard counts as one operator. */
const OPERATORS = new Set(['<', '<=', '?.', '??', '==', '!=', '.', '+', '-', '*', '/', '%']);

/** A line break the guard and the lexer read apart: a CR without an LF. */
const LONE_CR = /\r(?!\n)/;

/**
 * Whether `findExcessiveNesting` (`nesting-guard.ts`) is sure to find nothing in `text`, told from
 * the fast lexer's tokens of it: the guard's count, kept token by token instead of character by
 * character (five times fewer steps on a spec). `false` when the count goes over the budget, or
 * where the two ways of reading could part (a CR alone ends a line, `>=` closing a `List<`,
 * `List<=`): the guard then reads the text itself. The guard reads strings and comments as the
 * lexer does, and a number's `.`, `+` and `-` as operators.
 * test/language/token-nesting.test.ts compares the two.
 */
export function withinNestingBudget(text: string, tokens: TokenColumns): boolean {
  if (LONE_CR.test(text)) return false;
  const nesting = new NestingUnits();
  const count = tokens.count;
  for (let i = 0; i < count; i++) {
    const start = tokens.start[i]!;
    const end = tokens.end[i]!;
    const c = text.charCodeAt(start);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
      // A name or a keyword.
      const word = knownWord(text, start, end, tokens.hash[i]!) ?? '';
      if (statementKeywords.has(word)) nesting.resetChain();
      else if (wordOperators.has(word)) nesting.addOperator();
      if ((word === 'List' || word === 'Map') && text.charCodeAt(end) === 60) {
        // `List<`: the `<` opens; the token after the word is `<` (or `<=`: read by the guard).
        if (tokens.kind(i + 1) !== '<') return false;
        nesting.open('>');
        i++;
      }
    } else if (c >= 48 && c <= 57) {
      // A number (or a status range): the guard reads its `.`, `+` and `-` as operators.
      for (let j = start; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d === 46 || d === 43 || d === 45) nesting.addOperator();
      }
    } else if (c !== 34) {
      const kind = tokens.kind(i);
      const closer = OPENERS[kind];
      if (closer !== undefined) nesting.open(closer);
      else if (kind === ')' || kind === ']' || kind === '}') {
        if (nesting.closers.includes(kind)) nesting.close(kind);
      } else if (kind === '>' || kind === '>=') {
        if (!nesting.closers.includes('>')) nesting.addOperator();
        else if (kind === '>') nesting.close('>');
        else return false;
      } else if (kind === ',') nesting.resetChain();
      else if (OPERATORS.has(kind)) nesting.addOperator();
      else if (kind === '/{') {
        nesting.addOperator();
        nesting.open('}');
      } else if (kind === '...') {
        nesting.addOperator();
        nesting.addOperator();
        nesting.addOperator();
      }
    }
    if (nesting.units > NESTING_BUDGET) return false;
  }
  return true;
}
