/** The places a stack has from the start (it grows past them when it must). */
const INITIAL_ROOM = 64;

/**
 * A stack kept in an array that only grows: its depth is counted apart, and a value popped
 * leaves its place to the next push. V8 gives back the room of an array emptied by `pop` (or
 * `length = 0`), and makes it again at the next `push`: the parser's stacks go up and down by
 * one at every rule, so that was an allocation at many of them.
 */
export class ValueStack<T> {
  /**
   * Room for the depths a parse reaches, made at once: a store past an array's end, which the
   * compiled code of a rule had not seen (the first rule nested deeper), threw that code away.
   */
  private readonly items: (T | undefined)[] = Array.from({ length: INITIAL_ROOM });
  /** How many values are on the stack. */
  depth = 0;

  push(value: T): void {
    this.items[this.depth++] = value;
  }

  /** Takes the top value off (`undefined` when there is none). */
  pop(): T | undefined {
    if (this.depth === 0) return undefined;
    const value = this.items[--this.depth];
    // Not kept alive by the stack.
    this.items[this.depth] = undefined;
    return value;
  }

  /** The top value (`undefined` when there is none). */
  get top(): T | undefined {
    return this.depth === 0 ? undefined : this.items[this.depth - 1];
  }

  /** Replaces the top value. */
  set top(value: T) {
    if (this.depth === 0) throw new Error('no value on the stack to replace');
    this.items[this.depth - 1] = value;
  }

  /** Empties the stack (its room is kept). */
  clear(): void {
    while (this.depth > 0) this.items[--this.depth] = undefined;
  }
}
