const declarationStart = /^(type|enum|error|endpoint|property|spec|import)\b/;

/**
 * The lines of the top-level declarations that hold the offsets `from` to `to` of a spec's
 * text: from the line that starts the first one (a line beginning with a declaration keyword)
 * to the line before the next declaration (or the end of the text). Found from the text alone,
 * so it works on text that does not parse. The start is at a line start; the end just after a
 * line end (or at the end of the text).
 */
export function declarationSpan(
  text: string,
  from: number,
  to = from,
): { start: number; end: number } {
  let start = text.lastIndexOf('\n', from - 1) + 1;
  while (start > 0 && !declarationStart.test(text.slice(start, start + 10))) {
    start = text.lastIndexOf('\n', start - 2) + 1;
  }
  let end = text.indexOf('\n', to);
  while (end >= 0 && !declarationStart.test(text.slice(end + 1, end + 11))) {
    end = text.indexOf('\n', end + 1);
  }
  return { start, end: end < 0 ? text.length : end + 1 };
}
