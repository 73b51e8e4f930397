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
  isHeadersDecl,
  isLet,
  isPathParam,
  isProperty,
  isQuantifierVar,
  isQueryParam,
  isRecordDecl,
  isResponseHeader,
} from '../generated/ast.js';
import { typeOfNamedElement } from '../typing/type-of.js';
import { typeToString } from '../typing/specl-type.js';
import { pathTemplate } from '../util/endpoint-path.js';

/** How a named node is written in one line: `name: String`, `GET /items/{id}`, `record Item`. */
export function signatureOf(node: AstNode): string | undefined {
  if (isEndpoint(node)) return `endpoint ${node.name} ${node.method ?? ''} ${pathTemplate(node)}`;
  if (isRecordDecl(node)) return `type ${node.name}`;
  if (isAliasDecl(node)) return `type ${node.name} = ${node.type?.$cstNode?.text ?? ''}`;
  if (isEnumDecl(node))
    return `enum ${node.name} { ${node.members.map((m) => m.name).join(', ')} }`;
  if (isErrorDecl(node)) return `error ${node.name} ${node.status ?? ''}`;
  if (isProperty(node)) return `property ${node.name}`;
  if (isHeadersDecl(node))
    return `headers ${node.name} { ${node.members.map((h) => h.wireName ?? h.name).join(', ')} }`;
  if (isResponseHeader(node))
    return `${node.name}${node.wireName ? ` "${node.wireName}"` : ''}${node.optional ? '?' : ''}: ${typeText(node)}`;
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

const completionKinds: Record<string, CompletionItemKind> = {
  Field: CompletionItemKind.Field,
  EnumMember: CompletionItemKind.EnumMember,
  EnumDecl: CompletionItemKind.Enum,
  RecordDecl: CompletionItemKind.Struct,
  ErrorDecl: CompletionItemKind.Struct,
  AliasDecl: CompletionItemKind.TypeParameter,
  Endpoint: CompletionItemKind.Function,
  Property: CompletionItemKind.Method,
  SpecHeader: CompletionItemKind.Module,
  HeadersDecl: CompletionItemKind.Interface,
};

const symbolKinds: Record<string, SymbolKind> = {
  Field: SymbolKind.Field,
  EnumMember: SymbolKind.EnumMember,
  EnumDecl: SymbolKind.Enum,
  RecordDecl: SymbolKind.Struct,
  ErrorDecl: SymbolKind.Event,
  AliasDecl: SymbolKind.TypeParameter,
  Endpoint: SymbolKind.Function,
  Property: SymbolKind.Method,
  SpecHeader: SymbolKind.Package,
  HeadersDecl: SymbolKind.Interface,
  ResponseHeader: SymbolKind.Field,
};

/** The completion item kind of a node (or of a node type): parameters and bindings are variables. */
export function completionKindOf(node: { $type: string } | string | undefined): CompletionItemKind {
  const type = typeof node === 'string' ? node : node?.$type;
  return (type ? completionKinds[type] : undefined) ?? CompletionItemKind.Variable;
}

/** The symbol kind of a node (or of a node type), for outlines and workspace symbols. */
export function symbolKindOf(node: { $type: string } | string | undefined): SymbolKind {
  const type = typeof node === 'string' ? node : node?.$type;
  return (type ? symbolKinds[type] : undefined) ?? SymbolKind.Variable;
}
