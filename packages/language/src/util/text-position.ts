/** A 0-based line and character, as LSP and Langium count them. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

/**
 * The position of an offset in a text. Lines end at `\n`, `\r\n` or a lone `\r`, as
 * Langium's lexer and LSP count them.
 */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}
