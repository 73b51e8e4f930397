import type { Building } from './fast-build-steps.js';
import { DataValue } from './fast-build-steps.js';
import type { TokenColumns } from './fast-lexer.js';
import type { NodeType } from './node-constructors.js';
import { ValueStack } from './value-stack.js';

/** Thrown where the fast parser does not follow the text: Langium's parser takes over. */
export class FastPathDeclined extends Error {}

/**
 * What the two builders the fast parser's rules drive share (`FastCstBuilder`, which builds the
 * CST and the AST, and `FastAstBuilder`, the AST alone): the file's tokens, the position in them,
 * and the stack of the values the open rules are building.
 */
export abstract class FastBuilderBase {
  /**
   * The values the open rules build. A {@link NodeType} is the type of a node not made yet
   * (`FastAstBuilder` makes a node when something is assigned to it, or when its rule ends).
   */
  protected readonly stack = new ValueStack<Building | DataValue | NodeType>();
  /**
   * The data values of the data type rules open, the innermost last, kept to be used again (a
   * data type rule's value lives for one call).
   */
  private readonly dataValues: DataValue[] = Array.from({ length: 4 }, () => new DataValue());
  private dataDepth = 0;

  /**
   * Whether every rule call leaves a trace, even that of a rule handing over the node of the
   * rule it called (the CST builder makes a CST node for each). Where none does (the AST
   * builder), the expression rules skip the levels of the precedence chain that find no operator.
   */
  abstract readonly tracesEveryRule: boolean;

  constructor(
    protected readonly tokens: TokenColumns,
    /** The index of the next token to consume. */
    public position: number,
  ) {}

  /**
   * The kind of the token `k` ahead (`''` past the end). It reads the token columns itself, as
   * {@link take} does: a large run compiles the rules without inlining, where `TokenColumns.kind`
   * was one call more at each of the parse's most frequent steps.
   */
  peek(k = 0): string {
    const tokens = this.tokens;
    return tokens.kindNames[tokens.kinds[this.position + k]!] ?? '';
  }

  /** Whether every token was consumed. */
  get atEnd(): boolean {
    return this.position >= this.tokens.count;
  }

  /** The value the innermost open rule is building. */
  protected get top(): Building | DataValue | NodeType {
    const top = this.stack.top;
    if (top === undefined) throw new FastPathDeclined('no node to build');
    return top;
  }

  /** Empties the stacks (after a parse that was given up). */
  protected clearStacks(): void {
    this.stack.clear();
    this.dataDepth = 0;
  }

  /** Starts a data type rule. */
  beginData(): void {
    // Not read past the end (which threw the compiled code away): four levels are made at once.
    let data =
      this.dataDepth < this.dataValues.length ? this.dataValues[this.dataDepth] : undefined;
    if (data === undefined) this.dataValues.push((data = new DataValue()));
    this.dataDepth++;
    data.value = '';
    this.stack.push(data);
  }

  /** Ends a data type rule: answers the text of its tokens. */
  protected endData(): string {
    const data = this.stack.pop() as DataValue;
    this.dataDepth--;
    return data.value;
  }

  /** Moves past the next token, which must be of `kind`; answers its index. */
  protected take(kind: string): number {
    const i = this.position;
    const tokens = this.tokens;
    if ((tokens.kindNames[tokens.kinds[i]!] ?? '') !== kind)
      throw new FastPathDeclined(`expected ${kind}`);
    this.position = i + 1;
    return i;
  }
}
