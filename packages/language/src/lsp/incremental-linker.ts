import type { AstNode, LangiumDocument, MultiReference, Reference, ReferenceInfo } from 'langium';
import { Cancellation, interruptAndCheck, isAstNode } from 'langium';
import type { SpecFile } from '../generated/ast.js';
import {
  isArgument,
  isFieldInit,
  isMemberAccess,
  isNameRef,
  isPaginatedClause,
} from '../generated/ast.js';
import { SpeclLinker } from '../scoping/specl-linker.js';
import {
  fileUnits,
  markAffected,
  setUnitsKeptByLink,
  unitReferences,
} from '../workspace/file-units.js';

/** What a document was before an edit, kept for the link after it. */
interface Snapshot {
  readonly file: AstNode;
  /** The file's top-level nodes (header, imports, declarations) before the edit. */
  readonly units: readonly AstNode[];
  /** The references linked before the edit (what a full unlink would reset). */
  readonly references: readonly (Reference | MultiReference)[];
}

/** A reference's private fields in Langium 4.2 (see `DefaultLinker.buildReference`). */
interface LinkedReference {
  _ref?: unknown;
  _nodeDescription?: unknown;
}

/**
 * The language server's linker: after an edit that the document factory spliced (only the
 * declarations the edit touched were parsed again), it links what the edit can have changed
 * and keeps the rest, instead of unlinking and linking every reference of the file.
 *
 * The builder calls {@link keepForEdit} before it resets an edited document. The link after it
 * compares the file's top-level nodes with those before:
 *
 * - the references of new nodes are linked;
 * - when the names the file declares changed (a declaration added, removed or renamed), every
 *   reference is linked again, as Langium does;
 * - otherwise a reference of a kept node is linked again when its target was in a replaced
 *   declaration, and so is every name that is not a plain declaration name (a field after `.`,
 *   a local name, a field of a record literal) in a kept node that reaches a replaced
 *   declaration through its references, directly or not: what those names see depends on the
 *   types they read. All other references keep their targets: the names they were resolved
 *   against are the same and so are the nodes those names stand for.
 *
 * test/lsp/incremental-recheck.test.ts compares the diagnostics after random edits with a
 * check from scratch.
 */
export class IncrementalLinker extends SpeclLinker {
  private readonly snapshots = new WeakMap<LangiumDocument, Snapshot>();

  /**
   * The document is about to be reset for an edit of its own text (and of no other file's):
   * its next unlink keeps the references, for the link after the edit to decide.
   */
  keepForEdit(document: LangiumDocument): void {
    if (this.snapshots.has(document)) return; // an earlier edit's link did not complete
    const file = document.parseResult?.value;
    if (!file || file.$type !== 'SpecFile' || document.references.length === 0) return;
    this.snapshots.set(document, { file, units: fileUnits(file), references: document.references });
  }

  /** Any kept references are reset now: the next link links every reference. */
  forget(document: LangiumDocument): void {
    const snapshot = this.snapshots.get(document);
    if (!snapshot) return;
    this.snapshots.delete(document);
    for (const reference of snapshot.references) reset(reference);
  }

  override unlink(document: LangiumDocument): void {
    const snapshot = this.snapshots.get(document);
    if (snapshot) {
      // Kept: `link` decides. What a link after the snapshot linked (it was cancelled) is reset.
      if (document.references !== snapshot.references) {
        for (const reference of document.references) reset(reference);
      }
      document.references = [];
      return;
    }
    super.unlink(document);
  }

  override async link(
    document: LangiumDocument,
    cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
  ): Promise<void> {
    const snapshot = this.snapshots.get(document);
    const file = document.parseResult.value as SpecFile;
    setUnitsKeptByLink(document, undefined);
    if (!snapshot) {
      markAffected(document);
      return super.link(document, cancelToken);
    }
    if (snapshot.file !== file) {
      markAffected(document);
      // Parsed again whole: the old references are gone with their nodes.
      this.snapshots.delete(document);
      return super.link(document, cancelToken);
    }
    const units = fileUnits(file);
    const current = new Set(units);
    const before = new Set(snapshot.units);
    if (
      !sameNames(
        snapshot.units.filter((u) => !current.has(u)),
        units.filter((u) => !before.has(u)),
      )
    ) {
      this.forget(document);
      markAffected(document);
      return super.link(document, cancelToken);
    }
    const { relink, dirty } = await this.referencesToRelink(units, before, current, document);
    // Affected: new units, those whose links change, and those that reach replaced ones.
    const relinkedUnits = new Set(relink.map((info) => unitOf(info.container, file)!));
    markAffected(
      document,
      units.filter((unit) => !before.has(unit) || dirty.has(unit) || relinkedUnits.has(unit)),
    );
    // Every reset first: a reference linked below may read others (`x.y` reads `x`).
    for (const info of relink) reset(info.reference);
    const relinked = new Set(relink.map((info) => info.reference));
    for (const unit of units) {
      for (const info of await unitReferences(unit)) {
        if (!relinked.has(info.reference)) document.references.push(info.reference);
      }
    }
    let count = 0;
    for (const info of relink) {
      if (cancelToken !== Cancellation.CancellationToken.None && (++count & 255) === 0) {
        await interruptAndCheck(cancelToken);
      }
      this.doLink(info, document);
    }
    setUnitsKeptByLink(
      document,
      new Set(units.filter((unit) => before.has(unit) && !relinkedUnits.has(unit))),
    );
    this.snapshots.delete(document);
  }

  /** The references of the file that the edit may have changed (see the class). */
  private async referencesToRelink(
    units: readonly AstNode[],
    before: ReadonlySet<AstNode>,
    current: ReadonlySet<AstNode>,
    document: LangiumDocument,
  ): Promise<{ relink: ReferenceInfo[]; dirty: ReadonlySet<AstNode> }> {
    const relink: ReferenceInfo[] = [];
    // Kept units that read a replaced declaration, and the kept units each kept unit reads.
    const dirty: AstNode[] = [];
    const readers = new Map<AstNode, AstNode[]>();
    const file = document.parseResult.value;
    for (const unit of units) {
      const infos = await unitReferences(unit);
      if (!before.has(unit)) {
        relink.push(...infos);
        continue;
      }
      let reachesReplaced = false;
      for (const info of infos) {
        const target = (info.reference as LinkedReference)._ref;
        if (target === undefined) {
          relink.push(info);
          reachesReplaced = true;
          continue;
        }
        if (!isAstNode(target)) continue; // unresolved: the same names, so still unresolved
        const targetUnit = unitOf(target, file);
        if (!targetUnit) continue; // another file's (the edit changed this file only)
        if (!current.has(targetUnit)) {
          relink.push(info);
          reachesReplaced = true;
        } else if (targetUnit !== unit) {
          const list = readers.get(targetUnit);
          if (list) list.push(unit);
          else readers.set(targetUnit, [unit]);
        }
      }
      if (reachesReplaced) dirty.push(unit);
    }
    // Every kept unit that reaches a dirty one is dirty: its non-declaration names relink.
    const seen = new Set(dirty);
    for (let i = 0; i < dirty.length; i++) {
      for (const reader of readers.get(dirty[i]!) ?? []) {
        if (!seen.has(reader)) {
          seen.add(reader);
          dirty.push(reader);
        }
      }
    }
    const queued = new Set(relink.map((info) => info.reference));
    for (const unit of dirty) {
      for (const info of await unitReferences(unit)) {
        if (!queued.has(info.reference) && !isDeclarationName(info)) relink.push(info);
      }
    }
    return { relink, dirty: seen };
  }
}

/**
 * Whether a reference is resolved among the file's visible declarations only (by name): the
 * last case of `SpeclScopeProvider.getScope`, whose other cases this lists (keep them in step).
 */
function isDeclarationName(info: ReferenceInfo): boolean {
  const container = info.container;
  return !(
    isNameRef(container) ||
    isMemberAccess(container) ||
    isFieldInit(container) ||
    isArgument(container) ||
    isPaginatedClause(container)
  );
}

/** The top-level node of `file` that holds `node`, or undefined if `node` is not in `file`. */
function unitOf(node: AstNode, file: AstNode): AstNode | undefined {
  let current = node;
  while (current.$container) {
    if (current.$container === file) return current;
    current = current.$container;
  }
  return undefined;
}

/** Whether two lists of top-level nodes declare the same names, of the same kinds, in order. */
function sameNames(a: readonly AstNode[], b: readonly AstNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as AstNode & { name?: unknown };
    const y = b[i] as AstNode & { name?: unknown };
    if (x.$type !== y.$type || x.name !== y.name) return false;
  }
  return true;
}

function reset(reference: Reference | unknown): void {
  const linked = reference as LinkedReference & { _items?: unknown; _linkingError?: unknown };
  if ('_ref' in linked) {
    // Written, not deleted: a `SpeclReference` keeps its shape (see specl-reference.ts).
    linked._ref = undefined;
    linked._nodeDescription = undefined;
  } else if ('_items' in linked) {
    linked._items = undefined;
    delete linked._linkingError;
  }
}
