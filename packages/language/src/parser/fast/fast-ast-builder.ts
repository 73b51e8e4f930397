import type { AstNode, AstReflection, GrammarAST, Linker } from 'langium';
import type { Feature } from './fast-cst-builder.js';
import { FastBuilderBase, FastPathDeclined } from './fast-builder-base.js';
import type { ActionStep, Building } from './fast-build-steps.js';
import { DataValue, assignDefaults, assignProperty, mergeProperties } from './fast-build-steps.js';
import { SpeclReference } from '../../scoping/specl-reference.js';
import type { TokenColumns } from './fast-lexer.js';
import { ValueStack } from './value-stack.js';
import type { DefaultsTable } from './node-constructors.js';
import { DefaultsPrototypes, NodeType, defaultsTable, nodeMaker } from './node-constructors.js';
import type { FastValueConverter } from './fast-value-converter.js';
import {
  FIRST_TOKEN,
  LAST_TOKEN,
  ensureDeclarationCst,
  lazyAstNodePrototype,
  setOwn,
} from './lazy-declaration-cst.js';

/**
 * Builds the AST of a declaration without its CST: the same nodes, properties and references
 * {@link FastCstBuilder} builds, step for step, but no CST node. Each node's `$cstNode`, and each
 * reference's `$refNode`, builds the declaration's CST when first read (see
 * `lazy-declaration-cst.ts`). The interface is the CST builder's, so the same rules drive both.
 */
export class FastAstBuilder extends FastBuilderBase {
  readonly tracesEveryRule: boolean = false;
  /**
   * The grammar element of the innermost rule call open (a data type rule's value is converted
   * by it); each call keeps its caller's on the JS stack, which costs less than a stack of ours.
   */
  private call: GrammarAST.AbstractElement | undefined;
  /**
   * For each rule open (the CST builder's composite nodes: the declaration's first), the index
   * of the first token it consumed, or -1 before it consumed one: where its CST node would start.
   */
  private readonly firsts: number[] = Array.from({ length: 64 }, () => -1);
  /**
   * How many rules are open: the first `firstCount` places of {@link firsts} (which only grows,
   * and has room from the start for the depths of a parse, as a `ValueStack`).
   */
  private firstCount = 1;
  /** The first token of the rule closed last (a reference's `$refNode` of a rule call). */
  private closedFirst = -1;
  /**
   * The type of each node the open rules build (those of {@link stack} that are not a data
   * type rule's value), as it is now: an action or a rule call's node may change it.
   */
  private readonly types = new ValueStack<NodeType>();
  /** The type of the node the rule closed last made (`undefined`: a data type rule's value). */
  private closedType: NodeType | undefined;
  /**
   * The node {@link construct} gave its defaults last, while nothing was assigned to it since:
   * a rule that hands over the node of the rule it called (most rules of an expression's
   * precedence chain) has nothing to add to it, and its lists are already of their length.
   */
  private defaulted: Building | undefined;
  private readonly defaults: DefaultsTable;
  /** The maker of nodes, of a prototype per type that holds its defaults. */
  private readonly newNode: (type: NodeType) => Building;

  /**
   * The names read last, in the place their hash gives (the low bits): a name that comes again
   * (a field's name, a type's) is the same string, not a copy of it sliced from the text again.
   * A list of a fixed length, not a map, which grew by rehashing every name it held; its
   * length ({@link namePlaces}) follows the text's tokens, so a small text fills a small list.
   */
  private readonly names: (string | undefined)[];
  /** The places of {@link names} less one (their number is a power of two). */
  private readonly nameMask: number;

  constructor(
    private readonly text: string,
    tokens: TokenColumns,
    position: number,
    private readonly linker: Linker,
    private readonly converter: FastValueConverter,
    reflection: AstReflection,
  ) {
    super(tokens, position);
    this.defaults = defaultsTable(reflection);
    this.newNode = lazyNodeMaker(this.defaults);
    const places = namePlaces(tokens.count);
    this.names = new Array<string | undefined>(places).fill(undefined);
    this.nameMask = places - 1;
  }

  /** Prepares this builder to build the AST of another declaration, from token `position`. */
  restartAt(position: number): void {
    this.position = position;
    this.clearStacks();
    this.call = undefined;
    this.types.clear();
    this.defaulted = undefined;
    this.firsts[0] = -1;
    this.firstCount = 1;
    this.closedFirst = -1;
  }

  /** The text of token `i`. */
  private image(i: number): string {
    return this.text.substring(this.tokens.start[i]!, this.tokens.end[i]!);
  }

  /** The text of token `i`, an `ID`, from {@link names}. */
  private name(i: number): string {
    const t = this.tokens;
    const start = t.start[i]!;
    const end = t.end[i]!;
    const hash = t.hash[i]!;
    const place = hash & this.nameMask;
    const known = this.names[place];
    if (known !== undefined && known.length === end - start && this.text.startsWith(known, start))
      return known;
    const name = this.text.substring(start, end);
    this.names[place] = name;
    return name;
  }

  /** Starts a node of `type`, made when something is assigned to it or its rule ends. */
  begin(type: NodeType): void {
    // Most rules of an expression's precedence chain hand over the node of the rule they call,
    // and a node made for each of them would be thrown away.
    this.stack.push(type);
    this.types.push(type);
  }

  /** The node the innermost open rule builds, made now if it is not yet. */
  private node(): Building {
    const top = this.top;
    if (!(top instanceof NodeType)) return top as Building;
    const node = this.newNode(top);
    this.stack.top = node;
    return node;
  }

  consume(feature: Feature, kind: string): void {
    const i = this.take(kind);
    const firsts = this.firsts;
    for (let k = this.firstCount - 1; k >= 0 && firsts[k]! < 0; k--) firsts[k] = i;
    const image = feature.keyword ? kind : kind === 'ID' ? this.name(i) : this.image(i);
    if (feature.operator !== undefined) {
      this.assign(
        feature,
        feature.keyword ? image : this.converter.convertFor(image, feature.element),
        i,
      );
    } else {
      const current = this.top;
      if (current instanceof DataValue) {
        current.value += feature.keyword
          ? image
          : String(this.converter.convertFor(image, feature.element));
      }
    }
  }

  subrule(feature: Feature, rule: () => unknown): void {
    const start = this.position;
    const caller = this.call;
    this.call = feature.element;
    // The rule's `construct` or `constructData` closes it.
    this.firsts[this.firstCount++] = -1;
    const result = rule();
    this.call = caller;
    // A rule that consumed no token leaves no CST node, and assigns nothing (as in Langium).
    if (result === undefined || this.position === start) return;
    if (feature.operator !== undefined) {
      // An expression's last token: its canonical text is read from its tokens.
      if (feature.expression && typeof result === 'object' && result !== null)
        (result as Record<symbol, number>)[LAST_TOKEN] = this.position - 1;
      this.assign(feature, result, this.closedFirst);
      return;
    }
    const current = this.top;
    if (current instanceof DataValue) {
      current.value += String(result);
    } else if (typeof result === 'object' && result !== null) {
      // A node not made yet has no property but its type, which `result` keeps.
      if (!(current instanceof NodeType)) {
        mergeProperties(result as Building, current);
        this.defaulted = undefined;
      }
      this.stack.top = result as Building;
      this.types.top = this.closedType ?? NodeType.named(String((result as Building).$type));
    }
  }

  action(action: ActionStep): void {
    const type = action.type;
    if (action.assignment !== undefined) {
      const last = this.construct();
      // The action's node holds `last`'s: it starts where `last` does.
      this.firsts[this.firstCount++] = this.closedFirst;
      this.stack.push(type);
      this.types.push(type);
      this.assign(action.assignment, last, this.closedFirst);
    } else {
      const top = this.top;
      // Specl's actions open their alternatives, before anything is assigned: a node already
      // made would hold the defaults of its type's prototype, not those of `type`.
      if (!(top instanceof NodeType)) throw new FastPathDeclined('an action after an assignment');
      this.stack.top = type;
      this.types.top = type;
      this.defaulted = undefined;
    }
  }

  construct(): AstNode {
    // Made by `node()`, as for an assignment: a node first made here (a type whose rule assigns
    // nothing, met after this code was compiled) then calls nothing it has not called before.
    const obj = this.node();
    this.stack.pop();
    const type = this.types.pop()!;
    // Where the node's CST node would start (the rule's, which replaces a merged rule call's).
    (obj as Record<symbol, number>)[FIRST_TOKEN] = this.closeRule();
    if (obj !== this.defaulted) {
      assignDefaults(this.defaults.of(type), obj);
      this.defaulted = obj;
    }
    this.closedType = type;
    return obj as unknown as AstNode;
  }

  constructData(): unknown {
    const value = this.endData();
    this.closeRule();
    this.closedType = undefined;
    const element = this.call;
    if (element === undefined) throw new FastPathDeclined('a data type rule outside a rule call');
    return this.converter.convertFor(value, element);
  }

  /** Closes the rule open last; answers its first token (-1: none). */
  private closeRule(): number {
    this.closedFirst = this.firstCount > 0 ? this.firsts[--this.firstCount]! : -1;
    return this.closedFirst;
  }

  /** Assigns `value`, whose tokens start at token `first`, to the node being built. */
  private assign(feature: Feature, value: unknown, first: number): void {
    const obj = this.node();
    this.defaulted = undefined;
    let item = value;
    if (feature.crossRef && typeof value === 'string') {
      const owner = obj as unknown as AstNode;
      item = this.linker.buildReference(owner, feature.property, undefined, value);
      if (item instanceof SpeclReference) item.refNodeOnDemand(owner);
      else lazyRefNode(item as object, owner);
      (item as Record<symbol, number>)[FIRST_TOKEN] = first;
    }
    // The node's `$containerProperty` and `$containerIndex` are worked out when read.
    assignProperty(obj, feature.operator, feature.property, item, false);
  }
}

/** The most places of `FastAstBuilder.names` (a power of two). */
const NAME_PLACES = 1 << 14;

/**
 * The places of `FastAstBuilder.names` for a text of `tokenCount` tokens: a power of two, at
 * least half the token count (about one token in four is a name), from 64 to
 * {@link NAME_PLACES}. Filling 16,384 places cost a one-endpoint check more than its parse.
 */
export function namePlaces(tokenCount: number): number {
  let places = 64;
  while (places < NAME_PLACES && places < tokenCount >> 1) places <<= 1;
  return places;
}

const makers = new WeakMap<DefaultsTable, (type: NodeType) => Building>();

/**
 * The one maker of nodes of `table` (of a reflection), of a prototype per type (of prototype
 * {@link lazyAstNodePrototype}) holding the type's defaults: every parse makes its nodes with the
 * same constructors, so that the code reading them sees the same shapes.
 */
function lazyNodeMaker(table: DefaultsTable): (type: NodeType) => Building {
  let maker = makers.get(table);
  if (!maker) {
    const prototypes = new DefaultsPrototypes(lazyAstNodePrototype, table);
    maker = nodeMaker((type) => prototypes.of(type));
    makers.set(table, maker);
  }
  return maker;
}

/** The AST node holding a reference whose `$refNode` is built when first read. */
const REF_OWNER: unique symbol = Symbol('refOwner');

type LazyReference = { [REF_OWNER]: AstNode; $refNode?: unknown };

// One accessor for every reference (no closures of its own): references keep one shape.
const lazyRefNodeProperty: PropertyDescriptor = {
  get(this: LazyReference) {
    ensureDeclarationCst(this[REF_OWNER]);
    const own = Object.getOwnPropertyDescriptor(this, '$refNode');
    if (own && 'value' in own) return own.value;
    setOwn(this, '$refNode', undefined);
    return undefined;
  },
  set(this: LazyReference, value: unknown) {
    setOwn(this, '$refNode', value);
  },
  enumerable: true,
  configurable: true,
};

/**
 * Makes `reference.$refNode` build the CST of its owner's declaration when first read (a
 * reference of another linker than Specl's; Specl's has this built in).
 */
function lazyRefNode(reference: object, owner: AstNode): void {
  (reference as LazyReference)[REF_OWNER] = owner;
  Object.defineProperty(reference, '$refNode', lazyRefNodeProperty);
}
