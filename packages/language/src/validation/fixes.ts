import type { AstNode } from 'langium';
import { GrammarUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/** A text edit in the file of the diagnostic it fixes. */
export interface FixEdit {
  readonly range: Range;
  readonly newText: string;
}

/**
 * A known fix for a diagnostic: a title for the editor's quick-fix menu and the edits that
 * make it. Diagnostics carry their fixes in `data.fixes`, so that editors (and later
 * `specl check --fix`) apply exactly what the checker meant.
 */
export interface DiagnosticFix {
  readonly title: string;
  readonly edits: readonly FixEdit[];
}

/** The range of a node's property as written (or of the whole node), if it has one. */
export function rangeOf(node: AstNode, property?: string, index?: number): Range | undefined {
  const cst = node.$cstNode;
  if (!cst) return undefined;
  if (!property) return cst.range;
  return GrammarUtils.findNodeForProperty(cst, property, index)?.range;
}

/** A fix that replaces a range with a text; none when the range is unknown. */
export function replaceWith(
  title: string,
  range: Range | undefined,
  newText: string,
): DiagnosticFix[] {
  return range ? [{ title, edits: [{ range, newText }] }] : [];
}

/** The did-you-mean fix: replace a range with the suggested name, when there is one. */
export function changeTo(
  suggestion: string | undefined,
  range: Range | undefined,
): DiagnosticFix[] {
  return suggestion ? replaceWith(`Change to \`${suggestion}\``, range, suggestion) : [];
}

/** A fix that inserts a text right after a range. */
export function insertAfter(
  title: string,
  range: Range | undefined,
  text: string,
): DiagnosticFix[] {
  return range
    ? [{ title, edits: [{ range: { start: range.end, end: range.end }, newText: text }] }]
    : [];
}

/** The fixes a diagnostic carries in its data (none when it carries none). */
export function fixesOf(diagnostic: { data?: unknown }): DiagnosticFix[] {
  const data = diagnostic.data as { fixes?: unknown } | undefined;
  return Array.isArray(data?.fixes) ? (data.fixes as DiagnosticFix[]) : [];
}
