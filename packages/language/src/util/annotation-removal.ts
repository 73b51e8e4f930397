import type { LangiumDocument } from 'langium';
import { AstUtils, CstUtils, GrammarUtils } from 'langium';
import { isConstraint, isTypeRef } from '../generated/ast.js';

/** An annotation written in a spec, and the range of text whose removal takes it out cleanly. */
export interface AnnotationRemoval {
  /** The annotation's name (`example`, `examples`, `default`). */
  readonly name: string;
  /** The annotation as written: `example: { "id": 1 }`. */
  readonly text: string;
  /** The range to remove (offsets): with its comma, or its braces when it is alone in them. */
  readonly start: number;
  readonly end: number;
}

/**
 * The annotation of a parsed spec whose text holds `offset` (where a diagnostic points), and
 * how to remove it: `specl import` takes out so the examples of a document that do not fit
 * their own types.
 */
export function annotationRemoval(
  document: LangiumDocument,
  offset: number,
): AnnotationRemoval | undefined {
  const root = document.parseResult.value.$cstNode;
  const leaf = root && CstUtils.findLeafNodeAtOffset(root, offset);
  const constraint = leaf && AstUtils.getContainerOfType(leaf.astNode, isConstraint);
  const ref = constraint?.$container;
  const own = constraint?.$cstNode;
  if (!constraint || !own || !isTypeRef(ref) || !ref.$cstNode) return undefined;
  const base = { name: constraint.name, text: own.text };
  const siblings = ref.constraints;
  const index = siblings.indexOf(constraint);
  if (siblings.length === 1) {
    const open = GrammarUtils.findNodeForKeyword(ref.$cstNode, '{');
    const close = GrammarUtils.findNodeForKeyword(ref.$cstNode, '}');
    if (!open || !close) return undefined;
    const text = document.textDocument.getText();
    let start = open.offset;
    while (start > 0 && /[ \t]/.test(text[start - 1]!)) start--;
    return { ...base, start, end: close.end };
  }
  const next = siblings[index + 1]?.$cstNode;
  if (next) return { ...base, start: own.offset, end: next.offset };
  const previous = siblings[index - 1]?.$cstNode;
  return previous ? { ...base, start: previous.end, end: own.end } : undefined;
}
