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

/** A counter of the moments units are affected or checked, in order. */
let clock = 0;
/** When each unit was last affected by an edit (its links or what they reach may differ). */
const unitAffectedAt = new WeakMap<AstNode, number>();
/** When every unit of a document was last affected (a link of the whole file). */
const documentAffectedAt = new WeakMap<LangiumDocument, number>();

/**
 * Notes that an edit affected the given units of the document (or, without units, all of
 * them): what was worked out for them before (their diagnostics) is out of date. The linker
 * calls it before it links them.
 */
export function markAffected(document: LangiumDocument, units?: Iterable<AstNode>): void {
  const now = ++clock;
  if (!units) {
    documentAffectedAt.set(document, now);
    return;
  }
  for (const unit of units) unitAffectedAt.set(unit, now);
}

/** The moment now, to stamp what is worked out for units from here on. */
export function unitClock(): number {
  return ++clock;
}

/** Whether a unit of the document was affected after the moment `stamp`. */
export function affectedSince(document: LangiumDocument, unit: AstNode, stamp: number): boolean {
  return (unitAffectedAt.get(unit) ?? 0) > stamp || (documentAffectedAt.get(document) ?? 0) > stamp;
}
