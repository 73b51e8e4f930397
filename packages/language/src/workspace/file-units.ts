import type { AstNode, LangiumDocument, ReferenceInfo } from 'langium';
import { Cancellation } from 'langium';
import { pushChildren } from '../util/ast-children.js';
import { walkReferences } from '../util/walk-references.js';

/**
 * A file's top-level nodes (its header, imports and declarations), in the order of the text.
 * An edit that the language server splices replaces some of them and keeps the others (the
 * same objects), so what is worked out for a unit can be kept with it.
 */
export function fileUnits(file: AstNode): AstNode[] {
  const units: AstNode[] = [];
  pushChildren(file, units);
  return units.reverse();
}

/** The references under each unit, in the linker's order: a unit's AST never changes. */
const referencesOfUnit = new WeakMap<AstNode, ReferenceInfo[]>();

/** The references under a top-level node of a file, found once. */
export async function unitReferences(unit: AstNode): Promise<ReferenceInfo[]> {
  let infos = referencesOfUnit.get(unit);
  if (!infos) {
    const found: ReferenceInfo[] = [];
    await walkReferences(unit, Cancellation.CancellationToken.None, (info) => found.push(info));
    referencesOfUnit.set(unit, (infos = found));
  }
  return infos;
}

/** The units whose references the last link of a document kept as they were. */
const keptByLastLink = new WeakMap<LangiumDocument, ReadonlySet<AstNode>>();

/**
 * Records (or, with undefined, forgets) the units whose every reference the last link of the
 * document kept: their targets, and so what the reference index says of them, are unchanged.
 */
export function setUnitsKeptByLink(
  document: LangiumDocument,
  units: ReadonlySet<AstNode> | undefined,
): void {
  if (units) keptByLastLink.set(document, units);
  else keptByLastLink.delete(document);
}

/** The units whose references the last link of the document kept, if it kept any. */
export function unitsKeptByLink(document: LangiumDocument): ReadonlySet<AstNode> | undefined {
  return keptByLastLink.get(document);
}

/** The units the last link of a document found unaffected by the edit (see `unaffectedUnits`). */
const unaffectedByLastLink = new WeakMap<LangiumDocument, ReadonlySet<AstNode>>();

/**
 * Records (or forgets) the units that neither changed in the last edit of the document nor
 * reach, through their references, directly or not, a unit that did: what is checked of them
 * reads nothing the edit changed.
 */
export function setUnaffectedUnits(
  document: LangiumDocument,
  units: ReadonlySet<AstNode> | undefined,
): void {
  if (units) unaffectedByLastLink.set(document, units);
  else unaffectedByLastLink.delete(document);
}

/** The units of the document the last edit did not affect, if its last link knew them. */
export function unaffectedUnits(document: LangiumDocument): ReadonlySet<AstNode> | undefined {
  return unaffectedByLastLink.get(document);
}
