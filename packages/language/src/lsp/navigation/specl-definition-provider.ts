import type { CstNode, LangiumDocument, MaybePromise } from 'langium';
import { AstUtils, CstUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultDefinitionProvider } from 'langium/lsp';
import type { DefinitionParams, LocationLink } from 'vscode-languageserver';
import { isImport } from '../../generated/ast.js';
import { isBuiltinNode } from '../../workspace/builtins.js';
import { resolveImportUri } from '../../workspace/imports.js';

const fileStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Go to definition: from a name to its declaration (in any file), and from an import's path
 * to the imported file. Specl's built-in declarations (a `try` outcome's `ok`, ...) have no
 * file to go to.
 */
export class SpeclDefinitionProvider extends DefaultDefinitionProvider {
  constructor(private readonly lspServices: LangiumServices) {
    super(lspServices);
  }

  override getDefinition(
    document: LangiumDocument,
    params: DefinitionParams,
  ): MaybePromise<LocationLink[] | undefined> {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(
      root,
      document.textDocument.offsetAt(params.position),
    );
    const imp = leaf && AstUtils.getContainerOfType(leaf.astNode, isImport);
    if (leaf && imp?.path) return this.importTarget(document, imp.path, leaf);
    return super.getDefinition(document, params);
  }

  private importTarget(
    document: LangiumDocument,
    path: string,
    leaf: CstNode,
  ): LocationLink[] | undefined {
    const uri = resolveImportUri(document, path);
    if (!this.lspServices.shared.workspace.LangiumDocuments.hasDocument(uri)) return undefined;
    return [
      {
        targetUri: uri.toString(),
        targetRange: fileStart,
        targetSelectionRange: fileStart,
        originSelectionRange: leaf.range,
      },
    ];
  }

  protected override collectLocationLinks(
    source: CstNode,
    params: DefinitionParams,
  ): MaybePromise<LocationLink[] | undefined> {
    if (this.findLinks(source).some((link) => isBuiltinNode(link.target.astNode))) return undefined;
    return super.collectLocationLinks(source, params);
  }
}
