import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import type { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import { completionKindOf, symbolKindOf } from '../describe-node.js';

/** Symbol and completion kinds of Specl's nodes: records are structs, endpoints functions, ... */
export class SpeclNodeKindProvider implements NodeKindProvider {
  getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
    return symbolKindOf(kindKey(node));
  }

  getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
    return completionKindOf(kindKey(node));
  }
}

function kindKey(node: AstNode | AstNodeDescription): string {
  return '$type' in node ? node.$type : node.type;
}
