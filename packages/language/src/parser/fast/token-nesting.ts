import type { TokenColumns } from './fast-lexer.js';
import {
  NESTING_BUDGET,
  NestingUnits,
  knownWord,
  statementKeywords,
  wordOperators,
} from '../nesting-guard.js';

/** What the guard's count does at a token, by the token's kind. */
const enum Step {
  Nothing,
  Word,
  Number,
  Open,
  Close,
  Greater,
  GreaterOrEqual,
  Comma,
  Operator,
  PathBrace,
  Spread,
}

/** Bracket tokens and what closes them. */
const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
/** Symbol tokens the nesting guard counts as one operator. */
const OPERATORS = new Set(['<', '<=', '?.', '??', '==', '!=', '.', '+', '-', '*', '/', '%']);

/** For each lexer's kind names, the step of each kind (read by number: no string compared). */
const stepTables = new WeakMap<readonly string[], Uint8Array>();

function stepsOf(kindNames: readonly string[]): Uint8Array {
  let steps = stepTables.get(kindNames);
  if (steps) return steps;
  steps = new Uint8Array(256);
  kindNames.forEach((kind, k) => {
    let step = Step.Nothing;
    if (kind === 'NUMBER' || kind === 'STATUS_RANGE') step = Step.Number;
    else if (kind === 'STRING' || kind === 'ML_COMMENT' || kind === 'SL_COMMENT')
      step = Step.Nothing;
    else if (kind === 'ID' || /^[A-Za-z_]/.test(kind)) step = Step.Word;
    else if (OPENERS[kind] !== undefined) step = Step.Open;
    else if (kind === ')' || kind === ']' || kind === '}') step = Step.Close;
    else if (kind === '>') step = Step.Greater;
    else if (kind === '>=') step = Step.GreaterOrEqual;
    else if (kind === ',') step = Step.Comma;
    else if (OPERATORS.has(kind)) step = Step.Operator;
    else if (kind === '/{') step = Step.PathBrace;
    else if (kind === '...') step = Step.Spread;
    steps![k] = step;
  });
  stepTables.set(kindNames, steps);
  return steps;
}

/**
 * Whether `text` has a line break the guard and the lexer read apart: a CR without an LF. Found
 * by `indexOf`, not a regular expression: V8 runs a regular expression's first matches in its
 * interpreter, and this one reads the whole text once (14 ms for N = 5,000, indexOf 0.1 ms).
 */
function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

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
  if (hasLoneCr(text)) return false;
  const nesting = new NestingUnits();
  const steps = stepsOf(tokens.kindNames);
  const kinds = tokens.kinds;
  const count = tokens.count;
  for (let i = 0; i < count; i++) {
    // What the token adds: operators, then (after them) a bracket it opens. Counted here and
    // done below, each by one call for every kind of token: the loop is compiled while it has
    // read no endpoint yet, and a call it had not made before (a path's `/{`) threw that code
    // away.
    let operators = 0;
    let opener: string | undefined;
    switch (steps[kinds[i]!]) {
      case Step.Word: {
        // A name or a keyword.
        const end = tokens.end[i]!;
        const word = knownWord(text, tokens.start[i]!, end, tokens.hash[i]!);
        if (word === undefined) break;
        if (statementKeywords.has(word)) nesting.resetChain();
        else if (wordOperators.has(word)) operators = 1;
        if ((word === 'List' || word === 'Map') && text.charCodeAt(end) === 60) {
          // `List<`: the `<` opens; the token after the word is `<` (or `<=`: read by the guard).
          if (tokens.kind(i + 1) !== '<') return false;
          opener = '>';
          i++;
        }
        break;
      }
      case Step.Number:
        // The guard reads a number's `.`, `+` and `-` as operators.
        for (let j = tokens.start[i]!; j < tokens.end[i]!; j++) {
          const d = text.charCodeAt(j);
          if (d === 46 || d === 43 || d === 45) operators++;
        }
        break;
      case Step.Open:
        opener = OPENERS[tokens.kind(i)]!;
        break;
      case Step.Close: {
        const kind = tokens.kind(i);
        if (nesting.closers.includes(kind)) nesting.close(kind);
        break;
      }
      case Step.Greater:
        if (nesting.closers.includes('>')) nesting.close('>');
        else operators = 1;
        break;
      case Step.GreaterOrEqual:
        if (nesting.closers.includes('>')) return false;
        operators = 1;
        break;
      case Step.Comma:
        nesting.resetChain();
        break;
      case Step.Operator:
        operators = 1;
        break;
      case Step.PathBrace:
        operators = 1;
        opener = '}';
        break;
      case Step.Spread:
        operators = 3;
        break;
    }
    for (; operators > 0; operators--) nesting.addOperator();
    if (opener !== undefined) nesting.open(opener);
    if (nesting.units > NESTING_BUDGET) return false;
  }
  return true;
}
