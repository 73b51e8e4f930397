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

  constructor(token: LexedToken, hidden: boolean) {
    super(
      token.startOffset,
      token.image.length,
      undefined as unknown as Range,
      token.tokenType,
      hidden,
    );
    this.startLine = token.startLine!;
    this.startColumn = token.startColumn!;
    this.endLine = token.endLine!;
    this.endColumn = token.endColumn!;
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
