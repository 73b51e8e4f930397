import type { AstNode, CstNode, GrammarAST, RootCstNodeImpl } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { CompositeCstNodeImpl, isReference } from 'langium';
import type { Building } from './fast-build-steps.js';
import { isBuilding } from './fast-build-steps.js';
import type { TokenColumns } from './fast-lexer.js';

// A CST built on demand, per top-level declaration (the batch check reads few CST nodes: the
// ranges of what it reports, the text of some paths). The fast parser builds the file's own CST
// (header, imports, the comments between declarations) and, for each declaration, only its AST
// and a composite node whose `content` is built when first read: the declaration is parsed again
// from its first token with the CST builder, and the CST nodes and references' `$refNode`s of
// that second AST are given to the first one (the same rules over the same tokens build the
// same tree). An AST node of a declaration finds its CST through its prototype's `$cstNode`,
// which builds its declaration's first. After that, nodes, CST and references are exactly what
// the eager parse builds (test/language/fast-parser-differential.test.ts).

/**
 * The property of an AST node (and of a reference) of a declaration parsed without its CST that
 * holds the index of the first token of its CST node (-1: none), so that where it starts can be
 * read without building the CST (see `util/node-start.ts`).
 */
export const FIRST_TOKEN: unique symbol = Symbol('firstToken');

/**
 * The property of an expression parsed without its CST, assigned where an `Expression` rule is
 * called (a clause's condition, a list's item, an argument), that holds the index of its last
 * token (see `formatting/expression-tokens.ts`).
 */
export const LAST_TOKEN: unique symbol = Symbol('lastToken');

/**
 * The tokens of the declaration holding `node` (its top-level declaration), while its CST is not
 * built; undefined once it is, or for a node parsed with its CST.
 */
export function unbuiltDeclarationTokens(node: AstNode): TokenColumns | undefined {
  let top = node;
  while (top.$container?.$container !== undefined) top = top.$container;
  const own = ownCstNode(top);
  return own?.lazySource !== undefined ? own.lazyTokens : undefined;
}

/**
 * The tokens and the text of the file of the declaration holding `node`, while the
 * declaration's CST is not built (as {@link unbuiltDeclarationTokens}).
 */
export function unbuiltDeclarationText(
  node: AstNode,
): { readonly tokens: TokenColumns; readonly text: string } | undefined {
  let top = node;
  while (top.$container?.$container !== undefined) top = top.$container;
  const own = ownCstNode(top);
  return own?.lazySource !== undefined
    ? { tokens: own.lazyTokens, text: own.root.fullText }
    : undefined;
}

/**
 * The CST of an expression that a clause holds (an `Expression` rule call: `requires`,
 * `invariant`, a `where`), built alone, without its declaration's, while its declaration's CST
 * is not built: the code tokens of a second parse of it, whose leaves belong to that second
 * parse's AST nodes (of the same types). Undefined once the declaration's CST is built (then
 * the expression's own `$cstNode` is at hand).
 */
export function unbuiltExpressionCst(expression: AstNode): CstNode | undefined {
  const first = (expression as { [FIRST_TOKEN]?: number })[FIRST_TOKEN];
  if (first === undefined || first < 0) return undefined;
  let top = expression;
  while (top.$container?.$container !== undefined) top = top.$container;
  const own = ownCstNode(top);
  const source = own?.lazySource;
  if (!source) return undefined;
  const twin = source.expression(first);
  return twin.$type === expression.$type ? twin.$cstNode : undefined;
}

/**
 * A declaration's own `$cstNode` (always a plain value when it has one: see {@link setOwn}),
 * read past the prototype's accessor without `Object.getOwnPropertyDescriptor`, which made a
 * descriptor object at every call (lowering asks it of every node it locates: 2.9 MB of them,
 * compile N = 1,000).
 */
function ownCstNode(top: AstNode): LazyComposite | undefined {
  return Object.prototype.hasOwnProperty.call(top, '$cstNode')
    ? ((top as { $cstNode?: unknown }).$cstNode as LazyComposite | undefined)
    : undefined;
}

/**
 * The descriptor {@link setOwn} gives `Object.defineProperty`, one for every call (its value set
 * just before, cleared just after): a descriptor made per call was one more object for each
 * declaration of a parse (its `$cstNode`), and for each node whose CST is built.
 */
const ownValue: PropertyDescriptor = {
  value: undefined,
  writable: true,
  enumerable: true,
  configurable: true,
};

/** Gives `target` a plain own property `key` (replacing an accessor). */
export function setOwn(target: object, key: string, value: unknown): void {
  ownValue.value = value;
  Object.defineProperty(target, key, ownValue);
  ownValue.value = undefined;
}

/** Where a declaration's CST comes from: its parse from its first token, into `node`. */
export interface DeclarationCstSource {
  /** The file's tokens. */
  readonly tokens: TokenColumns;
  /** Parses the declaration again into `node`; answers the AST node that parse built. */
  build(node: CompositeCstNodeImpl, firstToken: number, firstHidden: number): AstNode;
  /**
   * Parses an `Expression` again from its first token, alone, with its CST (comments left
   * out); answers that second AST node, whose `$cstNode` holds the expression's code tokens.
   */
  expression(firstToken: number): AstNode;
}

interface LazyFields {
  /** Set until the CST is built. */
  lazySource: DeclarationCstSource | undefined;
  readonly lazyTokens: TokenColumns;
  readonly lazyFirstToken: number;
  lazyLastToken: number;
  lazyFirstHidden: number;
  lazyRange: Range | undefined;
}

type LazyComposite = CompositeCstNodeImpl & LazyFields;

/** A declaration's composite node, whose children are built when first read. */
export type LazyDeclarationNode = CompositeCstNodeImpl & {
  lazyLastToken: number;
  lazyFirstHidden: number;
};

/** Builds a declaration's CST (once) and gives its nodes to the declaration's AST. */
function expand(node: LazyComposite): CstNode[] {
  const source = node.lazySource;
  if (!source) throw new Error('a declaration CST read while it is built');
  node.lazySource = undefined;
  const declaration = node.astNode as unknown as Building;
  const fresh = source.build(node, node.lazyFirstToken, node.lazyFirstHidden);
  graft(fresh as unknown as Building, declaration);
  node.astNode = declaration as unknown as AstNode;
  return node.content;
}

// Where the node is, from its first and last tokens, without building its children: the values
// Langium's composite node computes from its first and last leaves (which are those tokens').
const lazyCompositePrototype = Object.create(CompositeCstNodeImpl.prototype, {
  content: {
    get(this: LazyComposite) {
      return expand(this);
    },
    set(this: LazyComposite, value: CstNode[]) {
      setOwn(this, 'content', value);
    },
    configurable: true,
  },
  offset: {
    get(this: LazyComposite) {
      return this.lazyTokens.start[this.lazyFirstToken]!;
    },
    configurable: true,
  },
  end: {
    get(this: LazyComposite) {
      return this.lazyTokens.end[this.lazyLastToken]!;
    },
    configurable: true,
  },
  length: {
    get(this: LazyComposite) {
      return this.end - this.offset;
    },
    configurable: true,
  },
  text: {
    get(this: LazyComposite) {
      return this.root.fullText.substring(this.offset, this.end);
    },
    configurable: true,
  },
  range: {
    get(this: LazyComposite) {
      this.lazyRange ??= rangeOfTokens(this.lazyTokens, this.lazyFirstToken, this.lazyLastToken);
      return this.lazyRange;
    },
    configurable: true,
  },
}) as object;

/** The range from token `first` to token `last`, as Langium's composite node gives it. */
function rangeOfTokens(t: TokenColumns, first: number, last: number): Range {
  // 1-based lines and columns, as Chevrotain's; the end column is the last character's.
  const start = { line: t.line(first) - 1, character: t.column(first) - 1 };
  const end = { line: t.endLine(last) - 1, character: t.endColumn(last) };
  return { start, end: end.line < start.line ? start : end };
}

/**
 * The composite node of a declaration (its rule call as `grammarSource`), whose children are
 * built when first read.
 */
export function lazyDeclarationNode(
  grammarSource: GrammarAST.AbstractElement,
  root: RootCstNodeImpl,
  source: DeclarationCstSource,
  firstToken: number,
): LazyDeclarationNode {
  return new LazyCompositeNode(grammarSource, root, source, firstToken);
}

type LazyCompositeFields = Record<'grammarSource' | 'root' | 'container' | '_astNode', unknown> &
  Record<keyof LazyFields, unknown>;

/**
 * The constructor of the declarations' composite nodes, of prototype `lazyCompositePrototype`:
 * V8 gives the objects of a constructor room for their fields in the object itself, where an
 * `Object.create` object holds four and keeps the rest in an array of its own (138 -> 104 bytes
 * a declaration, one object instead of two).
 */
const LazyCompositeNode = function (
  this: LazyCompositeFields,
  grammarSource: GrammarAST.AbstractElement,
  root: RootCstNodeImpl,
  source: DeclarationCstSource,
  firstToken: number,
) {
  this.grammarSource = grammarSource;
  this.root = root;
  this.container = undefined;
  this._astNode = undefined;
  this.lazySource = source;
  this.lazyTokens = source.tokens;
  this.lazyFirstToken = firstToken;
  this.lazyLastToken = firstToken;
  this.lazyFirstHidden = 0;
  this.lazyRange = undefined;
} as unknown as new (
  grammarSource: GrammarAST.AbstractElement,
  root: RootCstNodeImpl,
  source: DeclarationCstSource,
  firstToken: number,
) => LazyComposite;
LazyCompositeNode.prototype = lazyCompositePrototype as LazyComposite;

/** Builds the CST of the top-level declaration holding `node`, unless it is built. */
export function ensureDeclarationCst(node: AstNode): void {
  let top = node;
  while (top.$container?.$container !== undefined) top = top.$container;
  const own = ownCstNode(top);
  if (own?.lazySource !== undefined) void own.content;
}

/** Where {@link findPlace} found a node last: the property holding it, its index in that list. */
let placeProperty: string | undefined;
let placeIndex: number | undefined;

/**
 * Finds where `node` is in its container (into {@link placeProperty} and {@link placeIndex}): the
 * property holding it, or the list holding it, whose index is found by a binary search of the
 * items' first tokens (a list's nodes are in the order of their tokens): no list is read whole.
 */
function findPlace(node: AstNode): void {
  placeProperty = placeIndex = undefined;
  const container = node.$container as Record<string, unknown> | undefined;
  if (container === undefined) return;
  const first = (node as { [FIRST_TOKEN]?: number })[FIRST_TOKEN] ?? -1;
  for (const key of Object.keys(container)) {
    if (key.charCodeAt(0) === 36 /* $ */) continue;
    const value = container[key];
    if (value === node) {
      placeProperty = key;
      return;
    }
    if (!Array.isArray(value)) continue;
    const index = indexByFirstToken(value, node, first);
    if (index >= 0) {
      placeProperty = key;
      placeIndex = index;
      return;
    }
  }
}

/** The index of `node`, whose first token is `first`, in `list` (-1: not in it). */
function indexByFirstToken(list: unknown[], node: AstNode, first: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const item = list[middle];
    if (item === node) return middle;
    const at = (item as { [FIRST_TOKEN]?: number } | undefined)?.[FIRST_TOKEN];
    // Not a list of nodes in the order of their tokens (names, values): `node` is not in it.
    if (typeof at !== 'number') return -1;
    if (at < first) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * The prototype of the AST nodes of a declaration parsed without its CST. A node's `$cstNode` is
 * built when first read; its `$containerProperty` and `$containerIndex` are worked out from its
 * container when read (two properties less on each of 281,000 nodes, specl check N = 5,000),
 * and are own properties once assigned (as Langium's `linkContentToContainer` or a splice
 * assigns them).
 */
export const lazyAstNodePrototype = Object.create(Object.prototype, {
  $containerProperty: {
    get(this: AstNode) {
      findPlace(this);
      return placeProperty;
    },
    set(this: AstNode, value: string | undefined) {
      setOwn(this, '$containerProperty', value);
    },
    configurable: true,
  },
  $containerIndex: {
    get(this: AstNode) {
      findPlace(this);
      return placeIndex;
    },
    set(this: AstNode, value: number | undefined) {
      setOwn(this, '$containerIndex', value);
    },
    configurable: true,
  },
  $cstNode: {
    get(this: AstNode) {
      ensureDeclarationCst(this);
      const own = Object.getOwnPropertyDescriptor(this, '$cstNode');
      if (own && 'value' in own) return own.value as CstNode | undefined;
      // A node outside the file's tree has none.
      setOwn(this, '$cstNode', undefined);
      return undefined;
    },
    set(this: AstNode, value: CstNode | undefined) {
      setOwn(this, '$cstNode', value);
    },
    configurable: true,
  },
}) as object;

/** Gives `old` (and its descendants) the CST nodes and reference nodes of `fresh`, its twin. */
function graft(fresh: Building, old: Building): void {
  const cst = fresh.$cstNode as CompositeCstNodeImpl | undefined;
  if (cst) cst.astNode = old as unknown as AstNode;
  old.$cstNode = cst;
  for (const key of Object.keys(fresh)) {
    if (key.charCodeAt(0) === 36 /* $ */) continue;
    const value = fresh[key];
    const twin = old[key];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) graftValue(value[i], (twin as unknown[])[i]);
    } else {
      graftValue(value, twin);
    }
  }
}

function graftValue(fresh: unknown, old: unknown): void {
  if (isBuilding(fresh)) graft(fresh, old as Building);
  else if (isReference(fresh)) (old as { $refNode?: CstNode }).$refNode = fresh.$refNode;
}
