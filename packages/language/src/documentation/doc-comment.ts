import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import { nodeStart } from '../util/node-start.js';

/**
 * The doc comment of a declaration, field, enum member or parameter: the `///` lines directly
 * above it (blank lines and other comments end it), without their `///` and the space after
 * it. Undefined when there is none.
 */
export function docComment(node: AstNode): string | undefined {
  // Where the node starts, read without building a CST parsed on demand.
  const start = nodeStart(node);
  const text = start && AstUtils.findRootNode(node).$cstNode?.root.fullText;
  if (!start || text === undefined) return undefined;
  let lineStart = lineStartAt(text, start.offset);
  // Only a node that begins its line can have a doc comment above it.
  if (text.slice(lineStart, start.offset).trim() !== '') return undefined;
  const lines: string[] = [];
  while (lineStart > 0) {
    // The line break before this line: `\n`, `\r\n` or a lone `\r`.
    const previousEnd =
      text.slice(lineStart - 2, lineStart) === '\r\n' ? lineStart - 2 : lineStart - 1;
    const previousStart = lineStartAt(text, previousEnd);
    const line = text.slice(previousStart, previousEnd).trim();
    if (!line.startsWith('///')) break;
    lines.unshift(line.slice(3).replace(/^ /, ''));
    lineStart = previousStart;
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** The offset where the line holding `offset` starts, after any kind of line break. */
function lineStartAt(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}
