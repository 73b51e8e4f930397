import type {
  AstNode,
  CompositeCstNode,
  CstNode,
  LangiumDocument,
  LangiumSharedCoreServices,
  Mutable,
} from 'langium';
import { isCompositeCstNode, isLeafCstNode, URI } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Declaration, SpecFile } from '../generated/ast.js';
import { positionAt } from '../util/text-position.js';
import { LazyRangeLeaf, shifted } from './lazy-range-leaf.js';
import { textChange } from '../util/text-change.js';

/** The fields of Langium 4.2's CST nodes that a splice moves (private in Langium's types). */
interface MovableLeaf {
  _offset: number;
  _range: Range;
  root: unknown;
}
interface MovableComposite {
  _rangeCache?: Range;
  root: unknown;
}

/**
 * Re-parses a document after an edit by parsing only the top-level declarations the edit
 * touched, and splicing them (AST and CST) into the document's parse result in place of the
 * old ones; the tokens after them are moved. Answers false, changing nothing, when it cannot:
 * the old text had syntax errors, the edit touches the header, the imports or the first
 * declaration, or the new declarations do not parse cleanly on their own. The result is the
 * parse result a full parse of the new text gives (test/language/incremental-parse.test.ts).
 */
export function spliceDeclarations(
  shared: LangiumSharedCoreServices,
  document: LangiumDocument,
  text: string,
): boolean {
  const parse = document.parseResult;
  const file = parse.value as Mutable<SpecFile>;
  const root = file.$cstNode?.root;
  if (!root || parse.lexerErrors.length > 0 || parse.parserErrors.length > 0) return false;
  if (!movable(root)) return false;
  const old = root.fullText;
  const { start: prefix, oldEnd: changeEnd } = textChange(old, text);
  const declarations = file.declarations;
  let first = declarations.findIndex((d) => (d.$cstNode?.end ?? -1) >= prefix);
  if (first < 0) first = declarations.length;
  let last = -1;
  for (let i = declarations.length - 1; i >= 0; i--) {
    if ((declarations[i]!.$cstNode?.offset ?? Infinity) <= changeEnd) {
      last = i;
      break;
    }
  }
  if (last < first - 1) last = first - 1;
  // The edit must lie between the end of the declaration before and the start of the one after.
  if (first === 0) return false;
  const start = declarations[first - 1]!.$cstNode!.end;
  if (prefix < start) return false;
  const end =
    last + 1 < declarations.length ? declarations[last + 1]!.$cstNode!.offset : old.length;
  if (changeEnd > end) return false;
  const delta = text.length - old.length;

  const fragment = shared.workspace.LangiumDocumentFactory.fromString<SpecFile>(
    text.slice(start, end + delta),
    URI.parse(`${document.uri.toString()}.splice.specl`),
  );
  const fresh = fragment.parseResult;
  if (
    fresh.lexerErrors.length > 0 ||
    fresh.parserErrors.length > 0 ||
    fresh.value.header ||
    fresh.value.imports.length > 0 ||
    !fresh.value.$cstNode
  ) {
    return false;
  }

  // The CST: the root's children from `start` to `end` give way to the fragment's, moved to
  // `start`; the children after them move by the edit's length.
  const startPosition = positionAt(old, start);
  const oldEnd = positionAt(old, end);
  const newEnd = positionAt(text, end + delta);
  const children = root.content;
  const from = children.findIndex((child) => child.offset >= start);
  const firstIndex = from < 0 ? children.length : from;
  let count = 0;
  while (firstIndex + count < children.length && children[firstIndex + count]!.end <= end) count++;
  const added = [...(fresh.value.$cstNode as CompositeCstNode).content];
  const origin = { line: 0, character: 0 };
  for (const node of added) move(node, root, start, origin, startPosition);
  for (let i = firstIndex + count; i < children.length; i++) {
    move(children[i]!, root, delta, oldEnd, newEnd);
  }
  children.splice(firstIndex, count, ...added);
  (root as unknown as MovableComposite)._rangeCache = undefined;
  (root as unknown as { _text: string })._text = text;

  // The AST: the new declarations replace the old ones in the file.
  const replacement = fresh.value.declarations as Mutable<Declaration>[];
  declarations.splice(first, last - first + 1, ...replacement);
  declarations.forEach((declaration, index) => {
    const node = declaration as Mutable<AstNode>;
    node.$container = file;
    node.$containerProperty = 'declarations';
    node.$containerIndex = index;
  });
  return true;
}

/** Whether the CST has the fields a splice moves (as in Langium 4.2). */
function movable(root: CstNode): boolean {
  const leaf = firstLeaf(root);
  return (
    leaf !== undefined &&
    typeof (leaf as unknown as MovableLeaf)._offset === 'number' &&
    typeof (leaf as unknown as MovableLeaf)._range === 'object' &&
    typeof (root as unknown as { _text: unknown })._text === 'string'
  );
}

function firstLeaf(node: CstNode): CstNode | undefined {
  if (isLeafCstNode(node)) return node;
  if (isCompositeCstNode(node)) {
    for (const child of node.content) {
      const leaf = firstLeaf(child);
      if (leaf) return leaf;
    }
  }
  return undefined;
}

/**
 * Moves every node under `node` into `root`: its leaves' offsets by `by`, positions as an edit
 * that took `from` to `to` moves them (see `shifted`). A leaf whose range was never read keeps it
 * unread: its numbers move, no range is made.
 */
function move(
  node: CstNode,
  root: CstNode,
  by: number,
  from: Range['start'],
  to: Range['start'],
): void {
  const target = node as unknown as MovableLeaf & MovableComposite;
  target.root = root;
  if (node instanceof LazyRangeLeaf) {
    node.moveBy(by, from, to);
  } else if (isLeafCstNode(node)) {
    const range = target._range;
    target._offset += by;
    target._range = { start: shifted(range.start, from, to), end: shifted(range.end, from, to) };
  } else if (isCompositeCstNode(node)) {
    target._rangeCache = undefined;
    const content = node.content;
    for (let i = 0; i < content.length; i++) move(content[i]!, root, by, from, to);
  }
}
