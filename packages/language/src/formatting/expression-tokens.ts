import type { AstNode } from 'langium';
import {
  FIRST_TOKEN,
  LAST_TOKEN,
  unbuiltDeclarationText,
} from '../parser/fast/lazy-declaration-cst.js';
import { pushChildren } from '../util/ast-children.js';
import type { FormatToken } from './format-tokens.js';

/** The token kinds of the grammar's terminals that are not hidden; every other kind is a keyword. */
const TERMINAL_KINDS = new Set(['ID', 'STATUS_RANGE', 'NUMBER', 'STRING']);

/** What a token of an expression belongs to where the layout does not ask (see below). */
const ANY_NODE = { $type: 'Expression' } as AstNode;

type WithTokens = { [FIRST_TOKEN]?: number; [LAST_TOKEN]?: number };

/**
 * The code tokens of an expression assigned from an `Expression` rule call, read from the
 * file's tokens while its declaration's CST is not built (the batch tools' lazy CST), without
 * parsing it again: what `codeTokens` gives of its CST node, for `canonicalText`'s layout.
 * Undefined for an expression parsed with its CST, or once its declaration's CST is built.
 *
 * The layout reads a code token's node for a few keywords only, and in an expression only two
 * of them can belong to a node it asks about: a unary `-` (a `UnaryExpr`) and a `(` of a call
 * (`BuiltinCall`, `EndpointCall`): the one after its name, and those of parentheses around it,
 * which its CST node takes in, as Langium's does. Those are given their node, found from the
 * node's first token; every other token is given a node of no type the layout asks about.
 * test/language/expression-tokens.test.ts compares the result with the CST's.
 */
export function expressionCodeTokens(expression: AstNode): FormatToken[] | undefined {
  const first = (expression as WithTokens)[FIRST_TOKEN];
  const last = (expression as WithTokens)[LAST_TOKEN];
  if (first === undefined || last === undefined || first < 0 || last < first) return undefined;
  const source = unbuiltDeclarationText(expression);
  if (!source) return undefined;
  const { tokens, text } = source;
  const owners = new Map<number, AstNode>();
  const stack: AstNode[] = [expression];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const type = node.$type;
    const unary = type === 'UnaryExpr' && (node as { op?: string }).op === '-';
    if (unary || type === 'BuiltinCall' || type === 'EndpointCall') {
      let own = (node as WithTokens)[FIRST_TOKEN] ?? -1;
      if (own >= 0) {
        // The parentheses around a node belong to it (its CST node takes them in).
        for (; own < last && tokens.kind(own) === '('; own++) owners.set(own, node);
        // The `-` of a unary minus is its first token; a call's `(` follows its name.
        owners.set(unary ? own : own + 1, node);
      }
    }
    pushChildren(node, stack);
  }
  const result: FormatToken[] = [];
  for (let i = first; i <= last; i++) {
    const kind = tokens.kind(i);
    const start = tokens.start[i]!;
    const end = tokens.end[i]!;
    result.push({
      text: text.substring(start, end),
      offset: start,
      end,
      kind: 'code',
      node: owners.get(i) ?? ANY_NODE,
      keyword: TERMINAL_KINDS.has(kind) ? undefined : kind,
      itemStart: false,
      inPath: false,
    });
  }
  return result;
}
