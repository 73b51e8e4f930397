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
  return docCommentAt(text, start.offset);
}

/**
 * The doc comment of what starts at `offset` in `text` (see {@link docComment}): the `///`
 * lines directly above its line, when only blanks stand before it on that line. Most nodes
 * have none: their lines are read without copying them (space, tab and ASCII answered here,
 * any other character as `String.prototype.trim` has it).
 */
export function docCommentAt(text: string, offset: number): string | undefined {
  let lineStart = lineStartAt(text, offset);
  // Only a node that begins its line can have a doc comment above it.
  if (!isBlank(text, lineStart, offset)) return undefined;
  let lines: string[] | undefined;
  while (lineStart > 0) {
    // The line break before this line: `\n`, `\r\n` or a lone `\r`.
    const previousEnd =
      lineStart >= 2 &&
      text.charCodeAt(lineStart - 1) === LF &&
      text.charCodeAt(lineStart - 2) === CR
        ? lineStart - 2
        : lineStart - 1;
    const previousStart = lineStartAt(text, previousEnd);
    if (!isDocLine(text, previousStart, previousEnd)) break;
    const line = text.slice(previousStart, previousEnd).trim();
    (lines ??= []).unshift(line.slice(3).replace(/^ /, ''));
    lineStart = previousStart;
  }
  return lines === undefined ? undefined : lines.join('\n');
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const SLASH = 47;

/** Whether a code unit is printable ASCII, which `trim` never removes. */
function isPrintableAscii(unit: number): boolean {
  return unit > SPACE && unit < 127;
}

/** `text.slice(from, to).trim() === ''`, without the copy for spaces, tabs and ASCII. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit === SPACE || unit === TAB) continue;
    if (isPrintableAscii(unit)) return false;
    return text.slice(from, to).trim() === '';
  }
  return true;
}

/** `text.slice(from, to).trim().startsWith('///')`, without the copy for spaces, tabs and ASCII. */
function isDocLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit === SPACE || unit === TAB) continue;
    if (unit === SLASH) {
      return i + 3 <= to && text.charCodeAt(i + 1) === SLASH && text.charCodeAt(i + 2) === SLASH;
    }
    if (isPrintableAscii(unit)) return false;
    return text.slice(from, to).trim().startsWith('///');
  }
  return false;
}

/** The offset where the line holding `offset` starts, after any kind of line break. */
function lineStartAt(text: string, offset: number): number {
  let start = offset;
  while (start > 0) {
    const unit = text.charCodeAt(start - 1);
    if (unit === LF || unit === CR) break;
    start--;
  }
  return start;
}
