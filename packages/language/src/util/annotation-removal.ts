import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, GrammarUtils } from 'langium';
import type { Constraint, JsonEntry } from '../generated/ast.js';
import { isConstraint, isJsonEntry, isJsonObject, isTypeRef } from '../generated/ast.js';

/** A range of offsets in a document's text. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/**
 * One item of a comma-separated list in braces (an annotation among a type's annotations, or
 * an entry of a named `examples`), with what its removal needs to know: where every item of
 * the list stands, and the range whose removal takes the whole list out with its braces.
 */
export interface ListItemPlace {
  /** The item's place in `items`. */
  readonly index: number;
  /** Every item of the list, in order. */
  readonly items: readonly OffsetRange[];
  /** The list's braces, with the blanks before them. */
  readonly braces: OffsetRange;
}

/** An annotation written in a spec, and where it stands, so it can be taken out cleanly. */
export interface AnnotationRemoval {
  /** The annotation's name (`example`, `examples`, `default`). */
  readonly name: string;
  /** The annotation as written: `example: { "id": 1 }`. */
  readonly text: string;
  /** The annotation among the others in its braces. */
  readonly place: ListItemPlace;
  /**
   * When the offset is inside one of several named examples (`examples: { ok: .., bad: .. }`),
   * that example: its key, and its place among the others.
   */
  readonly entry?: { readonly key: string; readonly place: ListItemPlace };
}

/**
 * The annotation of a parsed spec whose text holds `offset` (where a diagnostic points), and
 * where it stands: `specl import` takes out so the examples of a document that do not fit
 * their own types (one named example of several alone).
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
  const text = document.textDocument.getText();
  const place = listPlace(text, ref.$cstNode, ref.constraints, constraint);
  if (!place) return undefined;
  const entry = leaf && namedExample(text, constraint, leaf.astNode);
  return { name: constraint.name, text: own.text, place, ...(entry ? { entry } : {}) };
}

/** The entry of a named `examples` that holds `node`, when there are several. */
function namedExample(
  text: string,
  constraint: Constraint,
  node: AstNode,
): AnnotationRemoval['entry'] {
  const value = constraint.value;
  if (constraint.name !== 'examples' || !isJsonObject(value) || value.entries.length < 2) return;
  let entry: JsonEntry | undefined;
  for (let at: AstNode | undefined = node; at; at = at.$container) {
    if (isJsonEntry(at) && at.$container === value) entry = at;
    if (at === value) break;
  }
  const place = entry && value.$cstNode && listPlace(text, value.$cstNode, value.entries, entry);
  return place ? { key: entry!.key, place } : undefined;
}

function listPlace<T extends { $cstNode?: CstNode }>(
  text: string,
  container: CstNode,
  siblings: readonly T[],
  item: T,
): ListItemPlace | undefined {
  const open = GrammarUtils.findNodeForKeyword(container, '{');
  const close = GrammarUtils.findNodeForKeyword(container, '}');
  const items = siblings.map((s) => s.$cstNode).filter((c) => c !== undefined);
  if (!open || !close || items.length !== siblings.length) return undefined;
  let start = open.offset;
  while (start > 0 && /[ \t]/.test(text[start - 1]!)) start--;
  return {
    index: siblings.indexOf(item),
    items: items.map((c) => ({ start: c.offset, end: c.end })),
    braces: { start, end: close.end },
  };
}

/**
 * The ranges whose removal takes out the items `removed` (indexes into `items`) of one list,
 * leaving it well formed: each run of removed items with the comma after it (or, at the end
 * of the list, the comma before it); every item removed takes the braces too.
 */
export function listItemCuts(
  items: readonly OffsetRange[],
  braces: OffsetRange,
  removed: ReadonlySet<number>,
): OffsetRange[] {
  if (items.every((_, i) => removed.has(i))) return [braces];
  const cuts: OffsetRange[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!removed.has(i)) continue;
    let last = i;
    while (removed.has(last + 1)) last++;
    const next = items[last + 1];
    cuts.push(
      next
        ? { start: items[i]!.start, end: next.start }
        : { start: items[i - 1]!.end, end: items[last]!.end },
    );
    i = last;
  }
  return cuts;
}
