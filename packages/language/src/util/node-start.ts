import type { AstNode, CstNode, Reference } from 'langium';
import { FIRST_TOKEN, unbuiltDeclarationTokens } from '../parser/fast/lazy-declaration-cst.js';

/** Where a node starts: its offset in the text, and its 0-based line and character. */
export interface NodeStart {
  readonly offset: number;
  readonly line: number;
  readonly character: number;
}

type WithFirstToken = { [FIRST_TOKEN]?: number };

/**
 * Where an AST node starts, as its CST node's `offset` and `range.start` give it (undefined
 * without a CST node), read without building the CST of a declaration parsed without it (the
 * batch tools' lazy CST): from the index of its first token, which the parser kept. Lowering
 * reads every node's start (IR locations, doc comments); this keeps it from building every CST.
 */
export function nodeStart(node: AstNode): NodeStart | undefined {
  return unbuiltStart(node as WithFirstToken, node) ?? cstStart(node.$cstNode);
}

/** Where a reference's text starts (its `$refNode`), read as {@link nodeStart} reads a node's. */
export function referenceStart(owner: AstNode, reference: Reference): NodeStart | undefined {
  return unbuiltStart(reference as WithFirstToken, owner) ?? cstStart(reference.$refNode);
}

// Two functions, not one taking the CST node's getter as a closure: a closure (and its context)
// for every node lowering locates.

/** Where `holder` starts, from its first token, while `owner`'s declaration has no CST. */
function unbuiltStart(holder: WithFirstToken, owner: AstNode): NodeStart | undefined {
  const first = holder[FIRST_TOKEN];
  if (first === undefined || first < 0) return undefined;
  const tokens = unbuiltDeclarationTokens(owner);
  if (!tokens) return undefined;
  return {
    offset: tokens.start[first]!,
    line: tokens.line(first) - 1,
    character: tokens.column(first) - 1,
  };
}

/** Where a CST node starts. */
function cstStart(node: CstNode | undefined): NodeStart | undefined {
  if (!node) return undefined;
  const { line, character } = node.range.start;
  return { offset: node.offset, line, character };
}
