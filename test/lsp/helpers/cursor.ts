/** A position in a text, 0-based as LSP counts. */
export interface Position {
  line: number;
  character: number;
}

/** The cursor marker of inline sources: `$0` stands where the editor's cursor is. */
export const CURSOR = '$0';

/** Removes the cursor marker from a source and answers the text and where the marker stood. */
export function withCursor(source: string): { text: string; position: Position } {
  const offset = source.indexOf(CURSOR);
  if (offset < 0) throw new Error(`the source has no cursor marker ${CURSOR}`);
  if (source.includes(CURSOR, offset + 1)) throw new Error(`the source has two ${CURSOR} markers`);
  const text = source.slice(0, offset) + source.slice(offset + CURSOR.length);
  return { text, position: positionAt(text, offset) };
}

/** The position of an offset in a text. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The offset of a position in a text. */
export function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i]!.length + 1;
  return offset + position.character;
}

/** The text a range covers. */
export function textIn(text: string, range: { start: Position; end: Position }): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Applies text edits (non-overlapping, in any order) to a text. */
export function applyEdits(
  text: string,
  edits: readonly { range: { start: Position; end: Position }; newText: string }[],
): string {
  const sorted = [...edits].sort(
    (a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start),
  );
  let result = text;
  for (const edit of sorted) {
    result =
      result.slice(0, offsetAt(result, edit.range.start)) +
      edit.newText +
      result.slice(offsetAt(result, edit.range.end));
  }
  return result;
}
