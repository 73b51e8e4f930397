import type { AstNode, AstReflection, CstNode, GrammarAST, Linker } from 'langium';
import { CompositeCstNodeImpl, RootCstNodeImpl } from 'langium';
import type { ActionStep, Building } from './fast-build-steps.js';
import { DataValue, assignDefaults, assignProperty, mergeProperties } from './fast-build-steps.js';
import type { LexedToken } from '../lazy-range-leaf.js';
import { LazyRangeLeaf } from '../lazy-range-leaf.js';
import type { DefaultsTable } from './node-constructors.js';
import { NodeType, defaultsTable, nodeMaker } from './node-constructors.js';
import type { FastTokens, TokenColumns } from './fast-lexer.js';
import type { FastValueConverter } from './fast-value-converter.js';
import type { DeclarationCstSource, LazyDeclarationNode } from './lazy-declaration-cst.js';
import { lazyDeclarationNode } from './lazy-declaration-cst.js';

/** What the rules drive: the CST builder, or `FastAstBuilder` (the AST alone). */
export type RuleBuilder = Pick<
  FastCstBuilder,
  | 'peek'
  | 'atEnd'
  | 'position'
  | 'begin'
  | 'beginData'
  | 'consume'
  | 'subrule'
  | 'action'
  | 'construct'
  | 'constructData'
  | 'tracesEveryRule'
>;

import { FastBuilderBase, FastPathDeclined } from './fast-builder-base.js';

export { FastPathDeclined };

/** A grammar element the parser consumes a token or calls a rule for, and what it assigns. */
export interface Feature {
  readonly element: GrammarAST.AbstractElement;
  readonly operator: '=' | '+=' | '?=' | undefined;
  readonly property: string;
  readonly crossRef: boolean;
  readonly keyword: boolean;
  /** Whether it is an assigned call of the rule `Expression` (a clause's condition, an item). */
  readonly expression?: boolean;
}

type TokenType = LexedToken['tokenType'];

// Langium's composite nodes keep their children in an array subclass that sets each child's
// `container` when pushed. While a composite node is open its children are gathered in a
// scratch list here; when it closes they become its `content`, an array of exactly their number
// with that subclass's prototype (an array grown by `push` keeps room for 17).
const containerPrototype = Object.getPrototypeOf(new CompositeCstNodeImpl().content) as object;

/**
 * Makes composite nodes of Langium's class with all their fields set at once (so that each is
 * one object of one shape), without the array its constructor would make.
 */
const FastComposite = function (
  this: Record<string, unknown>,
  grammarSource: GrammarAST.AbstractElement,
  root: RootCstNodeImpl,
) {
  this.content = undefined;
  this.grammarSource = grammarSource;
  this.root = root;
  this.container = undefined;
  this._astNode = undefined;
} as unknown as new (
  grammarSource: GrammarAST.AbstractElement,
  root: RootCstNodeImpl,
) => CompositeCstNodeImpl;
FastComposite.prototype = CompositeCstNodeImpl.prototype;

/** Gives `node` the children gathered in `children` as its `content`. */
function close(node: CompositeCstNodeImpl, children: CstNode[]): void {
  // An array holding exactly the children (`slice` makes no spare room), of the container class.
  const content = children.slice() as unknown as { parent: CompositeCstNodeImpl };
  Object.setPrototypeOf(content, containerPrototype);
  content.parent = node;
  (node as { content: unknown }).content = content;
}

/**
 * Builds the AST and CST exactly as Langium 4.2's `LangiumParser` and `CstNodeBuilder` do for a
 * text without syntax errors, step for step (the same node objects, the same order of
 * properties, comments placed where Langium places them), driven by a recursive-descent parser
 * instead of Chevrotain. Checked against Langium's own parser by
 * test/language/fast-parser-differential.test.ts.
 */
export class FastCstBuilder extends FastBuilderBase {
  readonly tracesEveryRule: boolean = true;
  readonly root: RootCstNodeImpl;
  /** The composite nodes open, the root first; `lists` holds the children of each. */
  private readonly nodeStack: CompositeCstNodeImpl[];
  private readonly lists: CstNode[][] = [[]];
  private readonly pool: CstNode[][] = [];
  private readonly hidden: TokenColumns;
  private hiddenIndex = 0;
  private readonly defaults: DefaultsTable;

  constructor(
    text: string,
    lexed: FastTokens,
    private readonly tokenTypes: Readonly<Record<string, TokenType>>,
    private readonly linker: Linker,
    private readonly converter: FastValueConverter,
    reflection: AstReflection,
    /** The root of the file's CST, when this builder builds a declaration's CST later. */
    root?: RootCstNodeImpl,
  ) {
    super(lexed.tokens, 0);
    if (root) {
      this.root = root;
    } else {
      this.root = new RootCstNodeImpl(text);
      this.root.root = this.root;
    }
    this.nodeStack = [this.root];
    this.hidden = lexed.hidden;
    this.defaults = defaultsTable(reflection);
  }

  /** The file's tokens (comments apart). */
  get tokenColumns(): TokenColumns {
    return this.tokens;
  }

  private get current(): CompositeCstNodeImpl {
    return this.nodeStack[this.nodeStack.length - 1] ?? this.root;
  }

  /** Starts a rule that builds an AST node of `type` (Langium's `startImplementation`). */
  begin(type: NodeType): void {
    this.stack.push(plainNode(type));
  }

  /** Consumes the next token, which must be of `kind`, as `feature`. */
  consume(feature: Feature, kind: string): void {
    const t = this.tokens;
    const i = this.take(kind);
    const start = t.start[i]!;
    this.addHiddenBefore(start);
    const tokenType = this.tokenTypes[kind];
    if (!tokenType) throw new FastPathDeclined(`no token type ${kind}`);
    const leaf = new LazyRangeLeaf(
      start,
      t.end[i]! - start,
      tokenType,
      false,
      t.line(i),
      t.column(i),
      t.line(i),
      t.endColumn(i),
    );
    leaf.grammarSource = feature.element;
    leaf.root = this.root;
    this.append(leaf);
    if (feature.operator !== undefined) {
      const image = feature.keyword ? kind : this.root.fullText.substring(start, t.end[i]!);
      const value = feature.keyword ? image : this.converter.convert(image, leaf);
      this.assign(feature, value, leaf);
    } else {
      const current = this.top;
      if (current instanceof DataValue) {
        const image = feature.keyword ? kind : this.root.fullText.substring(start, t.end[i]!);
        current.value += feature.keyword ? image : String(this.converter.convert(image, leaf));
      }
    }
  }

  /** Calls a rule as `feature` (Langium's `subrule` for a rule that is not a fragment). */
  subrule(feature: Feature, rule: () => unknown): void {
    const node = this.open(feature.element);
    const result = rule();
    if (result !== undefined && node.content.length > 0) {
      if (feature.operator !== undefined) {
        this.assign(feature, result, node);
      } else {
        const current = this.top;
        if (current instanceof DataValue) {
          current.value += String(result);
        } else if (typeof result === 'object' && result !== null) {
          const replacement = assignWithoutOverride(result as Building, current as Building);
          this.stack.top = replacement;
        }
      }
    }
  }

  /** An action: `{infer T}` (no feature) or `{infer T.feature=current}`. */
  action(action: ActionStep): void {
    if (action.assignment !== undefined) {
      const last = this.construct() as Building;
      const lastCst = last.$cstNode as CompositeCstNodeImpl;
      this.removeNode(lastCst);
      this.open(action.element);
      this.append(lastCst);
      this.stack.push(plainNode(action.type));
      this.assign(action.assignment, last, lastCst);
    } else {
      (this.top as Building).$type = action.type.name;
    }
  }

  /** Ends a rule that builds an AST node, and answers the node. */
  construct(): AstNode {
    const obj = this.stack.pop() as Building;
    const current = this.current;
    current.astNode = obj as unknown as AstNode;
    obj.$cstNode = current;
    this.popNode();
    assignDefaults(this.defaults.of(NodeType.named(obj.$type)), obj);
    return obj as unknown as AstNode;
  }

  /** Ends a data type rule, and answers its value. */
  constructData(): unknown {
    const value = this.endData();
    const current = this.current;
    this.popNode();
    return this.converter.convert(value, current);
  }

  /**
   * Opens the composite node of a declaration (called as `feature`) whose children are built
   * when first read, and places the comments before its first token as consuming it would.
   */
  openLazy(feature: Feature, source: DeclarationCstSource): LazyDeclarationNode {
    const first = this.position;
    const node = lazyDeclarationNode(feature.element, this.root, source, first);
    this.append(node);
    this.nodeStack.push(node);
    this.lists.push(this.pool.pop() ?? []);
    this.addHiddenBefore(this.tokens.start[first]!);
    // The CST built later places the comments from here on (those before were placed now).
    node.lazyFirstHidden = this.hiddenIndex;
    return node;
  }

  /**
   * Closes a node {@link openLazy} opened, whose declaration `result` (its AST, built without
   * CST) ends before token `end`, and assigns it as the rule call would. The comments among the
   * declaration's tokens are its own: they are placed when its CST is built.
   */
  closeLazy(node: LazyDeclarationNode, feature: Feature, result: AstNode, end: number): void {
    node.lazyLastToken = end - 1;
    this.nodeStack.pop();
    const children = this.lists.pop()!;
    children.length = 0;
    this.pool.push(children);
    node.astNode = result;
    (result as { $cstNode?: CstNode }).$cstNode = node;
    this.position = end;
    const lastStart = this.tokens.start[end - 1]!;
    const h = this.hidden;
    while (this.hiddenIndex < h.count && h.start[this.hiddenIndex]! < lastStart) this.hiddenIndex++;
    // A lazy node works out its place in the file: none of its own (its setters defined one).
    this.assign(feature, result, node, false);
  }

  /** Prepares this builder to build again, into `node`, the declaration from token `first`. */
  resumeAt(node: CompositeCstNodeImpl, first: number, firstHidden: number): void {
    this.nodeStack.length = 0;
    this.nodeStack.push(node);
    this.position = first;
    this.hiddenIndex = firstHidden;
  }

  /** Places the comments left at the end, as Langium does after parsing. */
  finish(): void {
    this.addHiddenBefore(Number.POSITIVE_INFINITY);
  }

  /** Appends `child` to the open node's children. */
  private append(child: CstNode): void {
    const top = this.nodeStack.length - 1;
    (child as { container?: CompositeCstNodeImpl }).container = this.nodeStack[top];
    this.lists[top]!.push(child);
  }

  /** Opens a composite node as the open node's last child. */
  private open(grammarSource: GrammarAST.AbstractElement): CompositeCstNodeImpl {
    const node = new FastComposite(grammarSource, this.root);
    this.append(node);
    this.nodeStack.push(node);
    this.lists.push(this.pool.pop() ?? []);
    return node;
  }

  /** Closes the open node; an empty one leaves its parent, as in Langium. */
  private popNode(): void {
    const node = this.nodeStack.pop();
    const children = this.lists.pop();
    if (!node || !children) return;
    close(node, children);
    children.length = 0;
    this.pool.push(children);
    if (node.content.length === 0) this.removeNode(node);
  }

  /** Removes `node`, a child of the open node, from its children. */
  private removeNode(node: CstNode): void {
    const list = this.lists[this.lists.length - 1];
    if (!list || node.container !== this.nodeStack[this.nodeStack.length - 1]) return;
    if (list[list.length - 1] === node) {
      list.pop();
      return;
    }
    const index = list.lastIndexOf(node);
    if (index >= 0) list.splice(index, 1);
  }

  private assign(
    feature: Feature,
    value: unknown,
    cstNode: CstNode,
    ownContainerPlace = true,
  ): void {
    const obj = this.top as Building;
    const item =
      feature.crossRef && typeof value === 'string'
        ? this.linker.buildReference(obj as unknown as AstNode, feature.property, cstNode, value)
        : value;
    assignProperty(obj, feature.operator, feature.property, item, ownContainerPlace);
  }

  /** The comments before `offset` not yet placed, placed as Langium's `addHiddenNodes` does. */
  private addHiddenBefore(offset: number): void {
    const h = this.hidden;
    if (this.hiddenIndex >= h.count || h.start[this.hiddenIndex]! > offset) return;
    const nodes: LazyRangeLeaf[] = [];
    while (this.hiddenIndex < h.count && h.start[this.hiddenIndex]! <= offset) {
      const i = this.hiddenIndex++;
      const kind = h.kind(i);
      const tokenType = this.tokenTypes[kind];
      if (!tokenType) throw new FastPathDeclined(`no token type ${kind}`);
      const leaf = new LazyRangeLeaf(
        h.start[i]!,
        h.end[i]! - h.start[i]!,
        tokenType,
        true,
        h.line(i),
        h.column(i),
        h.endLine(i),
        h.endColumn(i),
      );
      leaf.root = this.root;
      nodes.push(leaf);
    }
    const stack = this.nodeStack;
    if (stack.length === 0) {
      // After the entry rule: the root's children are its content.
      const root = this.root;
      if (root.content.length > 0) root.content.push(...nodes);
      else root.content.unshift(...nodes);
      return;
    }
    let top = stack.length - 1;
    if (this.lists[top]!.length > 0) {
      for (const node of nodes) node.container = stack[top];
      this.lists[top]!.push(...nodes);
      return;
    }
    // A node just opened: the comments go before the nearest ancestor that is not a first child.
    for (; top > 0; top--) {
      const list = this.lists[top - 1]!;
      const index = list.lastIndexOf(stack[top]!);
      if (index > 0) {
        for (const node of nodes) node.container = stack[top - 1];
        list.splice(index, 0, ...nodes);
        return;
      }
    }
    for (const node of nodes) node.container = stack[0];
    this.lists[0]!.unshift(...nodes);
  }
}

/** A node of `type` as Langium's parser makes it (`{ $type }`, of prototype `Object.prototype`). */
const plainNode = nodeMaker(Object.prototype);

/** Langium's `assignWithoutOverride`: the node a rule called without assignment gives. */
function assignWithoutOverride(target: Building, source: Building | DataValue): Building {
  mergeProperties(target, source);
  const targetCstNode = target.$cstNode;
  if (targetCstNode) {
    (targetCstNode as unknown as { astNode: unknown }).astNode = undefined;
    target.$cstNode = undefined;
  }
  return target;
}
