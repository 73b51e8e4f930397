import type { AstNode, LangiumDocument } from 'langium';
import { CstUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultRenameProvider } from 'langium/lsp';
import type {
  Range,
  RenameParams,
  TextDocumentPositionParams,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { renameProblem, unrenamable } from './rename-check.js';

/**
 * Rename across files (Langium's rename over the reference index), refusing a new name that
 * is not a name, is a keyword, clashes with a name declared beside it, or would capture a use
 * of that name: the editor shows the reason instead of applying a rename that breaks the spec.
 */
export class SpeclRenameProvider extends DefaultRenameProvider {
  constructor(private readonly lspServices: LangiumServices) {
    super(lspServices);
  }

  override async rename(
    document: LangiumDocument,
    params: RenameParams,
  ): Promise<WorkspaceEdit | undefined> {
    const target = this.targetAt(document, params);
    if (!target) return undefined;
    const problem = renameProblem(this.lspServices, target, params.newName);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    return super.rename(document, params);
  }

  override prepareRename(
    document: LangiumDocument,
    params: TextDocumentPositionParams,
  ): Range | undefined {
    const target = this.targetAt(document, params);
    if (!target) return undefined;
    const problem = unrenamable(target);
    if (problem) throw new ResponseError(ErrorCodes.InvalidRequest, problem);
    return this.renameNodeRange(document, params.position);
  }

  private targetAt(
    document: LangiumDocument,
    params: TextDocumentPositionParams,
  ): (AstNode & { name?: string }) | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(params.position);
    const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
    return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
  }
}
