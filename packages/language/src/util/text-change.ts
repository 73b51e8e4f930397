/** Where two texts differ: the one span that an edit replaced. */
export interface TextChange {
  /** Where the change starts (the length of the common prefix). */
  readonly start: number;
  /** Where the changed span ends in the old text. */
  readonly oldEnd: number;
  /** Where the changed span ends in the new text. */
  readonly newEnd: number;
}

/** The span an edit changed, from the longest common prefix and suffix of the two texts. */
export function textChange(old: string, text: string): TextChange {
  let start = 0;
  const shortest = Math.min(old.length, text.length);
  while (start < shortest && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  while (
    suffix < shortest - start &&
    old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start, oldEnd: old.length - suffix, newEnd: text.length - suffix };
}
