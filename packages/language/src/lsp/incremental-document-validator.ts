import type { AstNode, LangiumDocument, ValidationAcceptor, ValidationOptions } from 'langium';
import { Cancellation } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { SpeclDocumentValidator } from '../validation/specl-document-validator.js';
import { affectedSince, fileUnits, unitClock } from '../workspace/file-units.js';
import { isShadowDocument } from '../workspace/shadow-documents.js';
import { movedDiagnostic } from './diagnostics/moved-diagnostic.js';

/** What the checks of a top-level node found, and where the node began then (if it found any). */
interface UnitDiagnostics {
  /** When the checks ran (see `unitClock`). */
  readonly stamp: number;
  /** The categories of checks that ran (`fast`, `slow`, ...), or all. */
  readonly categories: string;
  readonly line: number;
  readonly character: number;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The language server's validator: after an edit, the checks of a top-level node (a
 * declaration, the header, an import) that the edit did not affect are not run again; what
 * they found before is kept, moved by the lines the edit added or removed above it. A node is
 * unaffected when no link since its checks ran marked it (see `markAffected`): the linker marks
 * the nodes an edit replaced, those whose links changed and those that reach a replaced one
 * through their references, directly or not (all of them when it links the whole file). The
 * checks of a node read the node, what its references reach, and the files it imports, which
 * an edit of this file leaves alone (a change to an imported file relinks the whole file).
 * The checks of the whole file (duplicates, routes, imports, inhabitation) and the errors of
 * names that did not resolve are worked out again every time.
 *
 * Kept only for a node whose diagnostics all lie on its own lines, so that moving them is
 * moving the node. test/lsp/incremental-recheck.test.ts compares with a check from scratch.
 */
export class IncrementalDocumentValidator extends SpeclDocumentValidator {
  private readonly found = new WeakMap<AstNode, UnitDiagnostics>();

  protected override async validateAst(
    rootNode: AstNode,
    options: ValidationOptions,
    cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
  ): Promise<Diagnostic[]> {
    const document = rootNode.$document as LangiumDocument | undefined;
    if (
      !document ||
      rootNode.$type !== 'SpecFile' ||
      isShadowDocument(document) ||
      this.profiler?.isActive('validating')
    ) {
      return super.validateAst(rootNode, options, cancelToken);
    }
    const stamp = unitClock();
    const categories = options.categories?.join() ?? '*';
    const items: Diagnostic[] = [];
    let into = items;
    const acceptor: ValidationAcceptor = (severity, message, info) => {
      into.push(this.toDiagnostic(severity, message, info));
    };
    await this.validateAstBefore(rootNode, options, acceptor, cancelToken);
    // The file's own checks, without its children.
    for (const check of this.validationRegistry.getChecks(rootNode.$type, options.categories)) {
      await check(rootNode, acceptor, cancelToken);
    }
    for (const unit of fileUnits(rootNode)) {
      const before = this.found.get(unit);
      if (
        before &&
        before.categories === categories &&
        !affectedSince(document, unit, before.stamp)
      ) {
        // Where the unit begins is read only when there is something to move.
        if (before.diagnostics.length === 0) continue;
        const start = unit.$cstNode?.range.start;
        if (start && before.character === start.character) {
          const lines = start.line - before.line;
          for (const diagnostic of before.diagnostics)
            items.push(movedDiagnostic(diagnostic, lines));
          continue;
        }
      }
      const ofUnit: Diagnostic[] = [];
      into = ofUnit;
      await this.validateAstNodes(unit, options, acceptor, cancelToken);
      into = items;
      for (const diagnostic of ofUnit) items.push(diagnostic);
      const span = ofUnit.length > 0 ? unit.$cstNode?.range : undefined;
      if (ofUnit.length === 0) {
        this.found.set(unit, { stamp, categories, line: 0, character: 0, diagnostics: ofUnit });
      } else if (span && ofUnit.every((d) => within(d, span))) {
        this.found.set(unit, {
          stamp,
          categories,
          line: span.start.line,
          character: span.start.character,
          diagnostics: ofUnit,
        });
      } else {
        this.found.delete(unit);
      }
    }
    await this.validateAstAfter(rootNode, options, acceptor, cancelToken);
    return items;
  }
}

/** Whether a diagnostic, and every edit of its fixes, lies on the lines of `span`. */
function within(diagnostic: Diagnostic, span: Range): boolean {
  const inside = (range: Range) =>
    range.start.line >= span.start.line && range.end.line <= span.end.line;
  if (!inside(diagnostic.range) || diagnostic.relatedInformation?.length) return false;
  const fixes = (diagnostic.data as { fixes?: { edits?: { range: Range }[] }[] } | undefined)
    ?.fixes;
  return (fixes ?? []).every((fix) => (fix.edits ?? []).every((edit) => inside(edit.range)));
}
