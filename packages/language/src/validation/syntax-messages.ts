import type { MessageId, MessageOf } from './diagnostic-codes.js';
import type { MessageArguments } from './message-template.js';
import { diagnosticMessage } from './report.js';
import { closestName } from '../util/did-you-mean.js';

const tokenNames: Record<string, string> = {
  ID: 'a name',
  STRING: 'a string',
  NUMBER: 'a number',
  EOF: 'the end of the file',
};

function describeToken(token: string): string {
  const name = token.replace(/^'|'$/g, '');
  return tokenNames[name] ?? `\`${name}\``;
}

function describeFound(found: string): string {
  const text = found.trim();
  return text === '' || text === 'EOF' ? 'the end of the file' : `\`${text}\``;
}

const declarationKeywords = ['type', 'enum', 'error', 'endpoint', 'property'];
const clauseKeywords = ['header', 'query', 'body', 'response', 'errors', 'requires', 'ensures'];
const statementKeywords = ['forall', 'let', 'expect'];

/** What a construct may hold, for messages about text that does not belong in it. */
const contents: Record<string, { what: string; keywords: string[] }> = {
  SpecFile: {
    what: 'a declaration: type, enum, error, endpoint or property',
    keywords: declarationKeywords,
  },
  Endpoint: { what: `an endpoint clause: ${clauseKeywords.join(', ')}`, keywords: clauseKeywords },
  RecordDecl: {
    what: 'a field (`name: Type`), a spread (`...Type`) or an invariant',
    keywords: ['invariant'],
  },
  ErrorDecl: {
    what: 'a field (`name: Type`), a spread (`...Type`) or an invariant',
    keywords: ['invariant'],
  },
  Property: { what: 'a `forall`, `let` or `expect` statement', keywords: statementKeywords },
};

const constructNames: Record<string, string> = {
  SpecFile: 'file',
  Endpoint: 'endpoint',
  RecordDecl: 'record',
  ErrorDecl: 'error',
  Property: 'property',
};

/** Operators from other languages, and what Specl writes instead. */
const foreignOperators: Record<string, string> = {
  '=': 'to compare, write `==`',
  '&': 'write `and` instead of `&&`',
  '|': 'write `or` instead of `||`',
  '!': 'write `not` instead of `!`',
  "'": 'strings use double quotes',
};

const comparisons = new Set(['==', '!=', '<', '<=', '>', '>=', 'in']);

/** One of the syntax error's messages in the table, its parameters filled in. */
function syntax<M extends MessageId<'specl/syntax-error'>>(
  id: M,
  args: MessageArguments<MessageOf<'specl/syntax-error', M>>,
): string {
  return diagnosticMessage('specl/syntax-error', id, args);
}

/** A parser error as Chevrotain reports it: the message, the token found, the rules entered. */
export interface ParserErrorInfo {
  readonly message: string;
  readonly found: string;
  readonly ruleStack: readonly string[];
}

function expectedList(message: string): string[] {
  let match = /^Expecting token of type '([^']+)' but found/.exec(message);
  if (match) return [describeToken(match[1]!)];
  match = /^Expecting: [\s\S]*?sequences:?:?([\s\S]*?)\s*but found/.exec(message);
  if (match)
    return [
      ...new Set([...match[1]!.matchAll(/\[([^\],]+)/g)].map((m) => describeToken(m[1]!.trim()))),
    ];
  return [];
}

/**
 * Rewrites Chevrotain's parser messages in Specl's voice: what was found, what the construct
 * around it may hold or what was expected, and the likely fix (a misspelt keyword, an
 * operator from another language, a statement out of order).
 */
export function friendlyParserMessage(error: ParserErrorInfo): string {
  const found = error.found.trim();
  const foundText = describeFound(found);
  const expected = expectedList(error.message);
  const atTopLevel =
    /expecting (EOF|end of file)/i.test(error.message) ||
    (expected.length === 1 && expected[0] === 'the end of the file');
  // Langium marks its rule names with an invisible suffix; keep the name only.
  const rules = error.ruleStack.map((rule) => rule.replace(/\W/g, ''));
  const context = atTopLevel ? 'SpecFile' : [...rules].reverse().find((rule) => contents[rule]);
  const closesConstruct = expected.length === 1 && expected[0] === '`}`';
  const foreign = foreignOperators[found];
  if (foreign) return syntax('unexpectedWithFix', { found: foundText, fix: foreign });
  if (comparisons.has(found) && closesConstruct) {
    return syntax('chainedComparison', { found: foundText });
  }
  if (atTopLevel && found === 'import') return syntax('importAfterDeclarations', {});
  if (atTopLevel && found === 'spec') return syntax('secondSpecHeader', {});
  // A second `with` (`response 200 A with X with Y`): a keyword nothing else follows.
  if (found === 'with' && (atTopLevel || context !== undefined)) return syntax('withOnce', {});
  if (context && closesConstruct && foundText === 'the end of the file') {
    return syntax('unclosed', { construct: constructNames[context]! });
  }
  if (context && (atTopLevel || closesConstruct)) {
    const { what, keywords } = contents[context]!;
    const keyword = /^[A-Za-z_]\w*$/.test(found) ? closestName(found, keywords) : undefined;
    const fix = keyword ? `did you mean \`${keyword}\`?` : `expected ${what}`;
    return syntax('unexpectedWithFix', { found: foundText, fix });
  }
  if (expected.length > 0) {
    const listed = expected.length > 8 ? [...expected.slice(0, 8), '...'] : expected;
    return syntax('expectedButFound', { expected: listed.join(', '), found: foundText });
  }
  return syntax('parser', { parserMessage: error.message });
}

/** Rewrites Chevrotain's lexer messages: `unexpected character: ->#<- at offset...`. */
export function friendlyLexerMessage(message: string): string {
  const match = /unexpected character: ->([\s\S]*?)<-/.exec(message);
  if (!match) return syntax('parser', { parserMessage: message });
  const char = match[1]!;
  const hint = foreignOperators[char];
  return syntax('unexpectedCharacter', { char, fix: hint ? `; ${hint}` : '' });
}
