/**
 * Where each line of a text starts (the offset of its first character), in a typed array: the
 * lines and columns of the fast lexer's tokens are read from a token's offset and this table
 * when a CST node or a diagnostic asks, instead of two columns written for every token and kept
 * as long as the lazy CST (8 bytes a token, 4 MB at specl check N = 5,000, for one number a line).
 * A line ends at `\n`, `\r\n` or `\r`, as Chevrotain counts them.
 */
export class LineStarts {
  /** The offset each line starts at, line 1 (at 0) first; `count` of them are set. */
  starts: Int32Array;
  /** How many lines the text has (so far, while the lexer reads it). */
  count = 1;
  /** The index of the line {@link indexOf} found last: reads in text order find it again. */
  private last = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
  }

  /** Doubles the room of {@link starts} (a new array: read it again after). */
  grow(): void {
    const grown = new Int32Array(this.starts.length * 2);
    grown.set(this.starts);
    this.starts = grown;
  }

  /** Adds a line starting at `offset` (after the last one). */
  add(offset: number): void {
    if (this.count >= this.starts.length) this.grow();
    this.starts[this.count++] = offset;
  }

  /** The index (0-based) of the line holding `offset`. */
  indexOf(offset: number): number {
    const starts = this.starts;
    const count = this.count;
    // The line found last, or the one after it: most reads follow the text.
    const last = this.last;
    if (starts[last]! <= offset) {
      if (last + 1 >= count || offset < starts[last + 1]!) return last;
      if (last + 2 >= count || offset < starts[last + 2]!) return (this.last = last + 1);
    }
    // The last line whose start is at or before `offset`.
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return (this.last = low);
  }

  /** The line (1-based) of the character at `offset`. */
  line(offset: number): number {
    return this.indexOf(offset) + 1;
  }

  /** The column (1-based) of the character at `offset`. */
  column(offset: number): number {
    return offset - this.starts[this.indexOf(offset)]! + 1;
  }
}
