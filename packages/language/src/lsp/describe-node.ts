import type { AstNode } from 'langium';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import {
  isAliasDecl,
  isBodyClause,
  isEndpoint,
  isEnumDecl,
  isEnumMember,
  isErrorDecl,
  isField,
  isForallVar,
  isHeaderParam,
  isLet,
  isPathParam,
  isProperty,
  isQuantifierVar,
  isQueryParam,
  isRecordDecl,
} from '../generated/ast.js';
import { typeOfNamedElement } from '../typing/type-of.js';
import { typeToString } from '../typing/specl-type.js';
import { pathTemplate } from '../validation/endpoint-checks.js';

/** How a named node is written in one line: `name: String`, `GET /items/{id}`, `record Item`. */
export function signatureOf(node: AstNode): string | undefined {
  if (isEndpoint(node)) return `endpoint ${node.name} ${node.method ?? ''} ${pathTemplate(node)}`;
  if (isRecordDecl(node)) return `type ${node.name}`;
  if (isAliasDecl(node)) return `type ${node.name} = ${node.type?.$cstNode?.text ?? ''}`;
  if (isEnumDecl(node))
    return `enum ${node.name} { ${node.members.map((m) => m.name).join(', ')} }`;
  if (isErrorDecl(node)) return `error ${node.name} ${node.status ?? ''}`;
  if (isProperty(node)) return `property ${node.name}`;
  if (isEnumMember(node) && isEnumDecl(node.$container))
    return `${node.$container.name}.${node.name}`;
  if (isField(node)) return `${node.name}${node.optional ? '?' : ''}: ${typeText(node)}`;
  if (isBodyClause(node)) return `body: ${typeText(node)}`;
  if (isPathParam(node)) return `path ${node.name}: ${typeText(node)}`;
  if (isQueryParam(node)) return `query ${node.name}${node.optional ? '?' : ''}: ${typeText(node)}`;
  if (isHeaderParam(node))
    return `header ${node.name}${node.wireName ? ` "${node.wireName}"` : ''}${node.optional ? '?' : ''}: ${typeText(node)}`;
  if (isLet(node) || isForallVar(node) || isQuantifierVar(node))
    return `${node.name}: ${typeToString(typeOfNamedElement(node))}`;
  return undefined;
}

/** The declared type of a field or parameter as written, or its inferred type. */
function typeText(node: AstNode & { type?: AstNode }): string {
  return node.type?.$cstNode?.text ?? typeToString(typeOfNamedElement(node));
}

/** The completion item kind of a named node. */
export function completionKindOf(node: AstNode | undefined): CompletionItemKind {
  if (isField(node)) return CompletionItemKind.Field;
  if (isEnumMember(node)) return CompletionItemKind.EnumMember;
  if (isEnumDecl(node)) return CompletionItemKind.Enum;
  if (isRecordDecl(node) || isErrorDecl(node)) return CompletionItemKind.Struct;
  if (isAliasDecl(node)) return CompletionItemKind.TypeParameter;
  if (isEndpoint(node)) return CompletionItemKind.Function;
  if (isProperty(node)) return CompletionItemKind.Method;
  return CompletionItemKind.Variable;
}

/** The symbol kind of a named node, for outlines and workspace symbols. */
export function symbolKindOf(node: AstNode | undefined): SymbolKind {
  if (isField(node)) return SymbolKind.Field;
  if (isEnumMember(node)) return SymbolKind.EnumMember;
  if (isEnumDecl(node)) return SymbolKind.Enum;
  if (isRecordDecl(node)) return SymbolKind.Struct;
  if (isErrorDecl(node)) return SymbolKind.Event;
  if (isAliasDecl(node)) return SymbolKind.TypeParameter;
  if (isEndpoint(node)) return SymbolKind.Function;
  if (isProperty(node)) return SymbolKind.Method;
  return SymbolKind.Variable;
}
