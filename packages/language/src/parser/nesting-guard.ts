import { diagnosticMessage } from '../validation/report.js';

/** Where a text nests too deeply to be parsed safely, and why. */
export interface ExcessiveNesting {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/**
 * The nesting budget of one expression, in units of about one parser stack frame chain: a
 * bracket (`(`, `[`, `{`, `List<`, `Map<`) costs `BRACKET_COST` (a parenthesised expression
 * recurses through every precedence level), an operator 1 (`a and b and ...`, `not not ...`,
 * `a.b.c...`). Node's default stack overflows near 800; no real spec comes near 100.
 */
export const NESTING_BUDGET = 600;
/** What one level of brackets costs of the budget. */
export const BRACKET_COST = 14;

// Keywords that start a new clause or statement: an operator chain ends before them.
export const statementKeywords: ReadonlySet<string> = new Set([
  'spec',
  'import',
  'type',
  'enum',
  'error',
  'endpoint',
  'property',
  'invariant',
  'header',
  'query',
  'body',
  'response',
  'errors',
  'requires',
  'ensures',
  'forall',
  'where',
  'let',
  'expect',
]);
export const wordOperators: ReadonlySet<string> = new Set(['and', 'or', 'implies', 'not', 'in']);

/** The hash of a word, one character code at a time (as the scan computes it). */
const hashStep = (hash: number, code: number) => (Math.imul(hash, 31) + code) | 0;
const hashOf = (word: string) => [...word].reduce((h, c) => hashStep(h, c.charCodeAt(0)), 0);

/** The words the scan looks for, by their hash (a word is looked up without slicing it). */
const wordsByHash = new Map<number, string[]>();
for (const word of [...statementKeywords, ...wordOperators, 'List', 'Map']) {
  const hash = hashOf(word);
  wordsByHash.set(hash, [...(wordsByHash.get(hash) ?? []), word]);
}

/** The symbol operator at `i`, if any (the first of {@link symbolOperators} found there). */
function operatorAt(text: string, i: number): string | undefined {
  for (let k = 0; k < symbolOperators.length; k++) {
    if (text.startsWith(symbolOperators[k]!, i)) return symbolOperators[k];
  }
  return undefined;
}

/**
 * The word from `start` to `end` of hash `hash` (`hash * 31 + code` over its characters, as the
 * fast lexer's), if it is one the scan looks for.
 */
export function knownWord(
  text: string,
  start: number,
  end: number,
  hash: number,
): string | undefined {
  const words = wordsByHash.get(hash);
  if (words === undefined) return undefined;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (word.length === end - start && text.startsWith(word, start)) return word;
  }
  return undefined;
}
const symbolOperators = [
  '?.',
  '??',
  '==',
  '!=',
  '<=',
  '>=',
  '.',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
];
const openers: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const operatorStarts = new Set(symbolOperators.map((op) => op[0]!));

/**
 * The nesting units of a scan: the closing brackets expected, the operators of the expression
 * at each bracket level, and their sum.
 */
export class NestingUnits {
  /**
   * The closing brackets expected, above a bottom `''` that stays (an array emptied by `pop`
   * gives back its room, made again at the next `push`: at every top-level bracket).
   */
  readonly closers: string[] = [''];
  private readonly chains: number[] = [0];
  units = 0;

  open(closer: string): void {
    this.closers.push(closer);
    this.chains.push(0);
    this.units += BRACKET_COST;
  }

  /** An expression ends (a comma, a statement keyword). */
  resetChain(): void {
    const chains = this.chains;
    this.units -= chains[chains.length - 1]!;
    chains[chains.length - 1] = 0;
  }

  addOperator(): void {
    this.chains[this.chains.length - 1]! += 1;
    this.units += 1;
  }

  /**
   * Closes up to the bracket `closer` closes: brackets left open inside it (a typo) end with
   * it, so one mistake cannot use up the budget of the rest of the file.
   */
  close(closer: string): void {
    while (this.closers.length > 1) {
      this.units -= BRACKET_COST + this.chains.pop()!;
      if (this.closers.pop() === closer) break;
    }
  }
}

const isWordStart = (code: number) =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isWordPart = (code: number) => isWordStart(code) || (code >= 48 && code <= 57);

/**
 * Finds nesting deep enough to exhaust the parser's stack (the parser is recursive), so that
 * such a file gets one clear diagnostic instead of a crash. The limits are far beyond what a
 * spec needs. A light scan: strings and comments are skipped, brackets counted, and operators
 * counted per expression (a comma, a closing bracket or a statement keyword ends one).
 */
export function findExcessiveNesting(text: string): ExcessiveNesting | undefined {
  const nesting = new NestingUnits();
  const closers = nesting.closers;
  let i = 0;
  const message = diagnosticMessage('specl/syntax-error', 'tooDeep', {});
  while (i < text.length) {
    const start = i;
    const code = text.charCodeAt(i);
    // Whitespace, most of a text, first and cheaply.
    if (code === 32 || code === 10 || code === 13 || code === 9) {
      i++;
      continue;
    }
    if (code === 34) {
      // A string: to its closing quote or the end of its line, escapes skipped.
      i++;
      for (
        let q = text.charCodeAt(i);
        i < text.length && q !== 34 && q !== 10;
        q = text.charCodeAt(i)
      ) {
        i += q === 92 ? 2 : 1;
      }
      i++;
      continue;
    }
    if (code === 47 && text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (code === 47 && text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    const c = text[i]!;
    if (isWordStart(code)) {
      let hash = 0;
      for (let d = code; i < text.length && isWordPart(d); d = text.charCodeAt(i)) {
        hash = hashStep(hash, d);
        i++;
      }
      const word = knownWord(text, start, i, hash) ?? '';
      if (statementKeywords.has(word)) nesting.resetChain();
      else if (wordOperators.has(word)) nesting.addOperator();
      if ((word === 'List' || word === 'Map') && text[i] === '<') {
        nesting.open('>');
        i++;
      }
    } else if (openers[c]) {
      nesting.open(openers[c]!);
      i++;
    } else if (closers.includes(c)) {
      nesting.close(c);
      i++;
    } else if (c === ',') {
      nesting.resetChain();
      i++;
    } else if (operatorStarts.has(c)) {
      const op = operatorAt(text, i);
      if (op) nesting.addOperator();
      i += op?.length ?? 1;
    } else {
      i++;
    }
    if (nesting.units > NESTING_BUDGET) return { offset: start, length: i - start, message };
  }
  return undefined;
}
