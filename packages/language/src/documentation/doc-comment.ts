import type { AstNode } from 'langium';

/**
 * The doc comment of a declaration, field, enum member or parameter: the `///` lines directly
 * above it (blank lines and other comments end it), without their `///` and the space after
 * it. Undefined when there is none.
 */
export function docComment(node: AstNode): string | undefined {
  const cst = node.$cstNode;
  if (!cst) return undefined;
  const text = cst.root.fullText;
  let lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
  // Only a node that begins its line can have a doc comment above it.
  if (text.slice(lineStart, cst.offset).trim() !== '') return undefined;
  const lines: string[] = [];
  while (lineStart > 0) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text
      .slice(previousStart, lineStart - 1)
      .replace(/\r$/, '')
      .trim();
    if (!line.startsWith('///')) break;
    lines.unshift(line.slice(3).replace(/^ /, ''));
    lineStart = previousStart;
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}
