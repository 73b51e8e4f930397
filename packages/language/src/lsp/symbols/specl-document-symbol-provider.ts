import type { AstNode, LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import type { SpecFile } from '../../generated/ast.js';
import {
  isEndpoint,
  isEnumDecl,
  isErrorDecl,
  isRecordDecl,
  isSpecHeader,
} from '../../generated/ast.js';
import { endpointParameters } from '../../scoping/local-names.js';
import { signatureOf, symbolKindOf } from '../describe-node.js';

/**
 * The outline of a spec: its header, then each declaration with its members (the fields of a
 * record or error, the members of an enum, the parameters of an endpoint), each with its
 * signature as detail (`GET /items/{id}`, `name: String`).
 */
export class SpeclDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
  constructor(services: LangiumServices) {
    super(services);
  }

  override getSymbols(document: LangiumDocument): DocumentSymbol[] {
    const file = document.parseResult.value as SpecFile;
    const symbols: DocumentSymbol[] = [];
    if (file.header) this.push(symbols, file.header, `spec ${file.header.name ?? ''}`);
    for (const declaration of file.declarations) {
      const children: DocumentSymbol[] = [];
      for (const member of membersOf(declaration)) this.push(children, member);
      this.push(symbols, declaration, undefined, children);
    }
    return symbols;
  }

  private push(
    into: DocumentSymbol[],
    node: AstNode & { name?: string },
    name = node.name,
    children: DocumentSymbol[] = [],
  ): void {
    const cst = node.$cstNode;
    if (!cst || !name) return;
    const nameNode = isSpecHeader(node) ? cst : GrammarUtils.findNodeForProperty(cst, 'name');
    const signature = signatureOf(node);
    into.push({
      name,
      kind: symbolKindOf(node),
      detail: signature && !isSpecHeader(node) ? detailOf(signature, name) : undefined,
      range: cst.range,
      selectionRange: (nameNode ?? cst).range,
      children: children.length > 0 ? children : undefined,
    });
  }
}

/** The signature without the keyword and name it starts with: `GET /items/{id}`, `: String`. */
function detailOf(signature: string, name: string): string | undefined {
  const rest = signature.replace(/^(type|enum|error|endpoint|property|path|query|header)\s+/, '');
  const detail = rest.startsWith(name) ? rest.slice(name.length).replace(/^:?\s*/, '') : rest;
  return detail.length > 0 ? detail : undefined;
}

function membersOf(declaration: AstNode): (AstNode & { name?: string })[] {
  if (isRecordDecl(declaration) || isErrorDecl(declaration)) {
    return declaration.members.filter((member) => member.$type === 'Field') as (AstNode & {
      name?: string;
    })[];
  }
  if (isEnumDecl(declaration)) return declaration.members;
  if (isEndpoint(declaration)) return endpointParameters(declaration);
  return [];
}
