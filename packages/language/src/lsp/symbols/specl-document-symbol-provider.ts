import type { AstNode, LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import type { SpecFile } from '../../generated/ast.js';
import {
  isAliasDecl,
  isBodyClause,
  isEndpoint,
  isEnumDecl,
  isErrorDecl,
  isField,
  isHeaderParam,
  isPathParam,
  isQueryParam,
  isRecordDecl,
  isSpecHeader,
} from '../../generated/ast.js';
import { pathTemplate } from '../../util/endpoint-path.js';
import { endpointParameters } from '../../scoping/local-names.js';
import { symbolKindOf } from '../describe-node.js';

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
    into.push({
      name,
      kind: symbolKindOf(node),
      detail: detailOf(node),
      range: cst.range,
      selectionRange: (nameNode ?? cst).range,
      children: children.length > 0 ? children : undefined,
    });
  }
}

/** What the outline shows beside a name: an endpoint's route, a field's type, ... */
function detailOf(node: AstNode): string | undefined {
  if (isEndpoint(node)) return `${node.method ?? ''} ${pathTemplate(node)}`;
  if (isEnumDecl(node)) return `{ ${node.members.map((m) => m.name).join(', ')} }`;
  if (isAliasDecl(node)) return `= ${node.type?.$cstNode?.text ?? ''}`;
  if (isErrorDecl(node)) return node.status;
  if (
    isField(node) ||
    isQueryParam(node) ||
    isHeaderParam(node) ||
    isPathParam(node) ||
    isBodyClause(node)
  ) {
    const optional = 'optional' in node && node.optional ? 'optional ' : '';
    return `${optional}${node.type?.$cstNode?.text ?? ''}`;
  }
  return undefined;
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
