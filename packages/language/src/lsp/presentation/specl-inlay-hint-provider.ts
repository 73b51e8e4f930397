import type { AstNode } from 'langium';
import { GrammarUtils } from 'langium';
import type { InlayHintAcceptor } from 'langium/lsp';
import { AbstractInlayHintProvider } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import { isLet } from '../../generated/ast.js';
import { typeToString } from '../../typing/specl-type.js';
import { typeOfLet } from '../../typing/type-of.js';

/** Inlay hints: the inferred type of each `let` binding, after its name (`let r: Item = ...`). */
export class SpeclInlayHintProvider extends AbstractInlayHintProvider {
  override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
    if (!isLet(node) || !node.$cstNode) return;
    const name = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
    const type = typeOfLet(node);
    if (!name || type.kind === 'unknown') return;
    acceptor({
      position: name.range.end,
      label: `: ${typeToString(type)}`,
      kind: InlayHintKind.Type,
      paddingLeft: false,
    });
  }
}
