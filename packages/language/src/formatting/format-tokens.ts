import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, GrammarAST, isLeafCstNode } from 'langium';
import type { SpecFile } from '../generated/ast.js';
import { isEndpoint, isRecordDecl, isErrorDecl } from '../generated/ast.js';
import { declarationTypes } from '../util/declaration-types.js';

/** A token of a spec as the formatter sees it: code or a comment, with its grammatical role. */
export interface FormatToken {
  readonly text: string;
  readonly offset: number;
  readonly end: number;
  readonly kind: 'code' | 'line-comment' | 'block-comment';
  /** The AST node the token belongs to. */
  readonly node: AstNode;
  /** The keyword the token is (`{`, `type`, ...), or undefined for names, literals and comments. */
  readonly keyword?: string;
  /** Whether the token starts an item: a declaration, member, clause or statement. */
  readonly itemStart: boolean;
  /**
   * Whether the token is literal text of an endpoint's path (`/`, `items`, `/{`), where
   * spacing is kept as written (a parameter's `{id: Uuid}` is formatted as any code).
   */
  readonly inPath: boolean;
}

/** Nodes whose first token starts an item, which stands on its own line in a broken block. */
const itemTypes = new Set([
  ...declarationTypes,
  'SpecHeader',
  'Import',
  'EnumMember',
  'HeaderParam',
  'QueryParam',
  'BodyClause',
  'ResponseClause',
  'ErrorsClause',
  'RequiresClause',
  'EnsuresClause',
  'Forall',
  'Let',
  'Expect',
  // v0.1: security schemes and tags, the spec header's block and its settings, endpoint clauses.
  'AuthDecl',
  'TagDecl',
  'AuthFlow',
  'AuthScope',
  'Server',
  'ServerVariable',
  'License',
  'Contact',
  'Setting',
  'SecurityClause',
  'TagsClause',
  'DeprecatedClause',
  'LatencyBudget',
  'PaginatedClause',
  'ResponseHeader',
]);
const memberTypes = new Set(['Field', 'Spread', 'OpenFields', 'Invariant']);

/** The tokens of a parsed spec, comments included, in order. */
export function formatTokens(document: LangiumDocument): FormatToken[] {
  const file = document.parseResult.value as SpecFile;
  const root = file.$cstNode;
  if (!root) return [];
  const itemStarts = new Set<number>();
  const paths: { start: number; end: number }[] = [];
  for (const node of AstUtils.streamAst(file)) {
    const isItem =
      itemTypes.has(node.$type) ||
      node.$type === 'JsonEntry' ||
      (node.$containerProperty === 'items' && node.$container?.$type === 'JsonArray') ||
      (memberTypes.has(node.$type) &&
        (isRecordDecl(node.$container) || isErrorDecl(node.$container)));
    if (isItem && node.$cstNode) {
      const first = firstCodeLeaf(node.$cstNode);
      if (first) itemStarts.add(first.offset);
    }
    if (isEndpoint(node) && node.path?.$cstNode) {
      paths.push({ start: node.path.$cstNode.offset, end: node.path.$cstNode.end });
    }
  }
  const tokens: FormatToken[] = [];
  for (const leaf of CstUtils.streamCst(root)) {
    if (!isLeafCstNode(leaf) || leaf.text.trim() === '') continue;
    const inPath =
      (leaf.astNode.$type === 'PathSegment' || leaf.astNode.$type === 'PathText') &&
      paths.some((path) => leaf.offset >= path.start && leaf.end <= path.end);
    tokens.push(formatToken(leaf, itemStarts.has(leaf.offset), inPath));
  }
  return tokens;
}

/**
 * The code tokens of one node (an expression, say), comments left out: what
 * {@link canonicalText} lays out.
 */
export function codeTokens(node: CstNode): FormatToken[] {
  return CstUtils.streamCst(node)
    .filter((leaf) => isLeafCstNode(leaf) && !leaf.hidden && leaf.text.trim() !== '')
    .map((leaf) => formatToken(leaf, false, false))
    .toArray();
}

function formatToken(leaf: CstNode, itemStart: boolean, inPath: boolean): FormatToken {
  const comment = leaf.hidden;
  return {
    text: leaf.text,
    offset: leaf.offset,
    end: leaf.end,
    kind: !comment ? 'code' : leaf.text.startsWith('//') ? 'line-comment' : 'block-comment',
    node: leaf.astNode,
    keyword:
      !comment && GrammarAST.isKeyword(leaf.grammarSource) ? leaf.grammarSource.value : undefined,
    itemStart: !comment && itemStart,
    inPath,
  };
}

function firstCodeLeaf(node: CstNode): CstNode | undefined {
  return CstUtils.streamCst(node).find(
    (leaf) => isLeafCstNode(leaf) && !leaf.hidden && leaf.text.trim() !== '',
  );
}
