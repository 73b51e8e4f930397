/**
 * The Specl string literal holding `value`, as the grammar's `STRING` reads it back: quoted,
 * with backslashes, quotes, line breaks and tabs escaped (the parser turns `\n`, `\r`, `\t`
 * back, and any other escaped character into itself). The one escaper of the project: the
 * compiler writes conditions with it and `specl import` writes specs.
 */
export function stringLiteral(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `"${escaped}"`;
}
