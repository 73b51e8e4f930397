import type { CstNodeBuilder } from 'langium';
import { LeafCstNodeImpl } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/** A token as Chevrotain's lexer gives it to Langium's CST builder. */
export type LexedToken = Parameters<CstNodeBuilder['buildLeafNode']>[0];

/**
 * A CST leaf that computes its LSP range when first asked, from the token's 1-based line and
 * column numbers kept in its own fields, instead of building three objects for every token
 * when parsing (most ranges are never read by a batch check). It behaves as Langium's leaf:
 * `range` gives the same positions, and writing `_range` (as the incremental re-parse does
 * when it moves a leaf) replaces them.
 */
export class LazyRangeLeaf extends LeafCstNodeImpl {
  private readonly startLine: number;
  private readonly startColumn: number;
  private readonly endLine: number;
  private readonly endColumn: number;
  /** The range once computed or written; `undefined` until then. */
  declare private storedRange: Range | undefined;

  /**
   * @param startLine 1-based, as Chevrotain's tokens give them; so are the other three
   *   (`endColumn` is the column of the token's last character)
   */
  constructor(
    offset: number,
    length: number,
    tokenType: LexedToken['tokenType'],
    hidden: boolean,
    startLine: number,
    startColumn: number,
    endLine: number,
    endColumn: number,
  ) {
    super(offset, length, undefined as unknown as Range, tokenType, hidden);
    this.startLine = startLine;
    this.startColumn = startColumn;
    this.endLine = endLine;
    this.endColumn = endColumn;
  }

  /** The leaf of a token as Chevrotain's lexer gives it. */
  static ofToken(token: LexedToken, hidden: boolean): LazyRangeLeaf {
    return new LazyRangeLeaf(
      token.startOffset,
      token.image.length,
      token.tokenType,
      hidden,
      token.startLine!,
      token.startColumn!,
      token.endLine!,
      token.endColumn!,
    );
  }

  /** The range in LSP terms (0-based lines and columns, end exclusive), as Langium gives it. */
  computeRange(): Range {
    this.storedRange ??= {
      start: { line: this.startLine - 1, character: this.startColumn - 1 },
      end: { line: this.endLine - 1, character: this.endColumn },
    };
    return this.storedRange;
  }
}

// Langium's leaf keeps its range in `_range`, which its constructor writes and `range` reads:
// here it is an accessor, so the constructor's write (undefined) stores nothing to compute.
Object.defineProperty(LazyRangeLeaf.prototype, '_range', {
  get(this: LazyRangeLeaf): Range {
    return this.computeRange();
  },
  set(this: { storedRange: Range | undefined }, range: Range | undefined) {
    this.storedRange = range;
  },
  configurable: true,
});
