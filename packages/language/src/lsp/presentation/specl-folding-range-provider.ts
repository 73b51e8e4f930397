import type { LangiumDocument } from 'langium';
import { AstUtils, CstUtils } from 'langium';
import type { FoldingRangeProvider } from 'langium/lsp';
import type { FoldingRange } from 'vscode-languageserver';
import { FoldingRangeKind } from 'vscode-languageserver';
import type { SpecFile } from '../../generated/ast.js';
import { isRecordLiteral } from '../../generated/ast.js';

/**
 * Folding: each declaration that spans lines (up to its last line, so that the closing `}`
 * stays visible), a record literal that spans lines, the imports (two or more), and every run
 * of two or more comment lines (doc comments included).
 */
export class SpeclFoldingRangeProvider implements FoldingRangeProvider {
  getFoldingRanges(document: LangiumDocument): FoldingRange[] {
    const file = document.parseResult.value as SpecFile;
    const ranges: FoldingRange[] = [];
    const fold = (start: number, end: number, kind?: string) => {
      if (end > start) ranges.push({ startLine: start, endLine: end, ...(kind ? { kind } : {}) });
    };
    for (const declaration of file.declarations) {
      const range = declaration.$cstNode?.range;
      if (range) fold(range.start.line, range.end.line - 1);
      for (const node of AstUtils.streamAllContents(declaration)) {
        const literal = isRecordLiteral(node) ? node.$cstNode?.range : undefined;
        if (literal) fold(literal.start.line, literal.end.line - 1);
      }
    }
    const imports = file.imports.map((imp) => imp.$cstNode?.range.start.line ?? 0);
    if (imports.length >= 2)
      fold(imports[0]!, imports[imports.length - 1]!, FoldingRangeKind.Imports);
    this.commentRuns(document, fold);
    return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  }

  /** Folds each run of consecutive comment lines. */
  private commentRuns(
    document: LangiumDocument,
    fold: (start: number, end: number, kind?: string) => void,
  ): void {
    const root = document.parseResult.value.$cstNode;
    if (!root) return;
    let runStart = -1;
    let runEnd = -1;
    for (const leaf of CstUtils.streamCst(root)) {
      if (!leaf.hidden || !/^\/[/*]/.test(leaf.text)) continue;
      const { start, end } = leaf.range;
      if (runStart >= 0 && start.line === runEnd + 1) {
        runEnd = end.line;
      } else {
        if (runStart >= 0) fold(runStart, runEnd, FoldingRangeKind.Comment);
        runStart = start.line;
        runEnd = end.line;
      }
    }
    if (runStart >= 0) fold(runStart, runEnd, FoldingRangeKind.Comment);
  }
}
