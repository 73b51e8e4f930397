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
  private startLine: number;
  private startColumn: number;
  private endLine: number;
  private endColumn: number;
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

  /**
   * Moves the leaf by an edit before it (the incremental re-parse): its offset by `by`, and
   * positions as an edit that took position `from` to `to` (0-based) moves them: on `from`'s
   * line by the columns and lines the edit added, on later lines by the lines only. A range not
   * yet computed stays uncomputed (no object is made).
   */
  moveBy(by: number, from: Range['start'], to: Range['start']): void {
    (this as unknown as { _offset: number })._offset += by;
    const range = this.storedRange;
    if (range) {
      this.storedRange = {
        start: shifted(range.start, from, to),
        end: shifted(range.end, from, to),
      };
      return;
    }
    // The fields are 1-based; the end column is the last character's (the range's end, 0-based).
    const lines = to.line - from.line;
    if (this.startLine - 1 === from.line) this.startColumn += to.character - from.character;
    if (this.endLine - 1 === from.line) this.endColumn += to.character - from.character;
    this.startLine += lines;
    this.endLine += lines;
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

/** A position moved by an edit that took `from` to `to` (see `LazyRangeLeaf.moveBy`). */
export function shifted(
  position: Range['start'],
  from: Range['start'],
  to: Range['start'],
): Range['start'] {
  if (position.line === from.line) {
    return { line: to.line, character: position.character - from.character + to.character };
  }
  return { line: position.line - from.line + to.line, character: position.character };
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
