import type { AstNode } from 'langium';
import { AstUtils, CstUtils, GrammarAST } from 'langium';
import { builtinTypeOf } from '../../typing/media-types.js';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
  isLet,
  isPaginatedClause,
  isQuantifier,
  isArgument,
  isConstraint,
  isEndpoint,
  isEndpointCall,
  isErrorDecl,
  isErrorsClause,
  isFieldInit,
  isHeadersDecl,
  isJsonEntry,
  isResponseClause,
  isMemberAccess,
  isNameRef,
  isPathText,
  isSpread,
  isTypeRef,
} from '../../generated/ast.js';
import { isResponseHeadersRef } from '../../typing/response-header-reads.js';
import { isBuiltinNode } from '../../workspace/builtins.js';

/** The semantic token type of what a name declares or refers to. */
const tokenTypes: Record<string, string> = {
  RecordDecl: SemanticTokenTypes.struct,
  ErrorDecl: SemanticTokenTypes.struct,
  AliasDecl: SemanticTokenTypes.type,
  EnumDecl: SemanticTokenTypes.enum,
  EnumMember: SemanticTokenTypes.enumMember,
  Field: SemanticTokenTypes.property,
  Endpoint: SemanticTokenTypes.function,
  Property: SemanticTokenTypes.method,
  PathParam: SemanticTokenTypes.parameter,
  QueryParam: SemanticTokenTypes.parameter,
  HeaderParam: SemanticTokenTypes.parameter,
  BodyClause: SemanticTokenTypes.parameter,
  Let: SemanticTokenTypes.variable,
  ForallVar: SemanticTokenTypes.variable,
  QuantifierVar: SemanticTokenTypes.variable,
  SpecHeader: SemanticTokenTypes.namespace,
  HeadersDecl: SemanticTokenTypes.interface,
  ResponseHeader: SemanticTokenTypes.property,
};

/**
 * Semantic tokens: every name by what it means (a field named `type` is a property, not a
 * keyword), declarations marked `declaration`, built-in types and members `defaultLibrary`,
 * HTTP methods as keywords and literal path text as strings. Keywords, numbers, strings and
 * comments are left to the editor's grammar.
 */
export class SpeclSemanticTokenProvider extends AbstractSemanticTokenProvider {
  protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
    const declared = tokenTypes[node.$type];
    if (declared && 'name' in node && node.$type !== 'BodyClause') {
      acceptor({
        node,
        property: 'name' as never,
        type: declared,
        modifier: SemanticTokenModifiers.declaration,
      });
    }
    // An error's `default` status is a word the grammar reads as a name: colour it a keyword.
    if (isErrorDecl(node) && node.status === 'default') {
      acceptor({ node, property: 'status', type: SemanticTokenTypes.keyword });
    }
    if (isEndpoint(node) && node.method) {
      acceptor({ node, property: 'method', type: SemanticTokenTypes.keyword });
    }
    if (isPathText(node)) acceptor({ node, property: 'text', type: SemanticTokenTypes.string });
    if (isConstraint(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.property });
    // The keys of an example's JSON objects, bare (`type: 1` names no keyword) or quoted.
    if (isJsonEntry(node)) acceptor({ node, property: 'key', type: SemanticTokenTypes.property });
    if (isTypeRef(node)) {
      if (node.primitive) {
        acceptor({
          node,
          property: 'primitive',
          type: SemanticTokenTypes.type,
          modifier: SemanticTokenModifiers.defaultLibrary,
        });
      } else if (node.collection) {
        acceptor({
          node,
          property: 'collection',
          type: SemanticTokenTypes.type,
          modifier: SemanticTokenModifiers.defaultLibrary,
        });
      } else if (builtinTypeOf(node)) {
        acceptor({
          node,
          property: 'ref',
          type: SemanticTokenTypes.type,
          modifier: SemanticTokenModifiers.defaultLibrary,
        });
      } else this.reference(node, 'ref', node.ref?.ref, acceptor);
    }
    if (isSpread(node)) this.reference(node, 'target', node.target?.ref, acceptor);
    if (isErrorsClause(node)) {
      node.errors.forEach((error, index) =>
        this.reference(node, 'errors', error?.ref, acceptor, index),
      );
    }
    // `headers` in an `ensures` is a value (the answer's headers), not the endpoint it links to.
    if (isResponseHeadersRef(node))
      acceptor({ node, property: 'target', type: SemanticTokenTypes.variable });
    else if (isNameRef(node)) this.reference(node, 'target', node.target?.ref, acceptor);
    if (isMemberAccess(node)) this.reference(node, 'member', node.member?.ref, acceptor);
    if (isFieldInit(node)) this.reference(node, 'field', node.field?.ref, acceptor);
    if (isArgument(node)) this.reference(node, 'parameter', node.parameter?.ref, acceptor);
    if (isEndpointCall(node)) this.reference(node, 'endpoint', node.endpoint?.ref, acceptor);
    this.paginationTokens(node, acceptor);
    this.headerTokens(node, acceptor);
  }

  /**
   * `headers` and `with` are keywords only where they stand as such (v0.1; names elsewhere);
   * the names after `with` are the headers declarations they refer to.
   */
  private headerTokens(node: AstNode, acceptor: SemanticTokenAcceptor): void {
    const carrier = isResponseClause(node) || isErrorDecl(node) ? node : undefined;
    if (!isHeadersDecl(node) && !(carrier && carrier.headers.length > 0)) return;
    for (const leaf of CstUtils.streamCst(node.$cstNode!))
      if (
        leaf.astNode === node &&
        GrammarAST.isKeyword(leaf.grammarSource) &&
        (leaf.text === 'headers' || leaf.text === 'with')
      )
        acceptor({ cst: leaf, type: SemanticTokenTypes.keyword });
    carrier?.headers.forEach((ref, index) =>
      this.reference(carrier, 'headers', ref?.ref, acceptor, index),
    );
  }

  /**
   * Pagination's words are keywords only where they stand as such (v0.1): elsewhere they may be
   * names, so the editor's grammar cannot tell; here they are told apart. The cursor of a
   * `paginated` clause is the query parameter it names.
   */
  private paginationTokens(node: AstNode, acceptor: SemanticTokenAcceptor): void {
    const keyword = SemanticTokenTypes.keyword;
    if (isPaginatedClause(node) && node.$cstNode) {
      // The clause's own keywords, not a cursor that is named `items` or `paginated`.
      for (const leaf of CstUtils.streamCst(node.$cstNode))
        if (
          leaf.astNode === node &&
          GrammarAST.isKeyword(leaf.grammarSource) &&
          AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule)?.name ===
            'PaginatedClause' &&
          /^[a-z]/.test(leaf.text)
        )
          acceptor({ cst: leaf, type: keyword });
      if (node.by) acceptor({ node, property: 'style', type: keyword });
      else acceptor({ node, property: 'cursor', type: SemanticTokenTypes.parameter });
    }
    if (isLet(node) && node.pages) acceptor({ node, property: 'pages', type: keyword });
    if (isQuantifier(node) && node.kind === 'one')
      acceptor({ node, property: 'kind', type: keyword });
  }

  private reference(
    node: AstNode,
    property: string,
    target: AstNode | undefined,
    acceptor: SemanticTokenAcceptor,
    index?: number,
  ): void {
    const type = target && tokenTypes[target.$type];
    if (!type) return;
    const modifier = isBuiltinNode(target) ? SemanticTokenModifiers.defaultLibrary : [];
    acceptor({ node, property: property as never, index, type, modifier });
  }
}
