import type { AstNode, CstNode, LangiumDocument } from 'langium';
import type { JsonValue } from '../../util/annotation-json.js';
import { annotationJson } from '../../util/annotation-json.js';
import { BUILTIN_TYPE_DOCS, builtinTypeOf } from '../../typing/media-types.js';
import { CstUtils, GrammarAST, GrammarUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { Expression, TypeExpr } from '../../generated/ast.js';
import {
  isAliasDecl,
  isBodyClause,
  isErrorDecl,
  isField,
  isHeaderParam,
  isMemberAccess,
  isNameRef,
  isTypeRef,
  isPathParam,
  isQueryParam,
  isForallVar,
  isResponseHeader,
} from '../../generated/ast.js';
import type { Endpoint } from '../../generated/ast.js';
import {
  isResponseHeadersRef,
  responseHeaderType,
  successHeaders,
} from '../../typing/response-header-reads.js';
import { docComment } from '../../documentation/doc-comment.js';
import { effectiveConstraints, resolveTypeExpr } from '../../typing/resolve-type.js';
import type { SpeclType } from '../../typing/specl-type.js';
import { typeToString } from '../../typing/specl-type.js';
import { typeOf, typeOfNamedElement } from '../../typing/type-of.js';
import { signatureOf } from '../describe-node.js';
import { errorStatusDocs, keywordDocs } from './keyword-docs.js';
import { isBuiltinNode } from '../../workspace/builtins.js';

/**
 * Hover over a name: how it is declared, the type it resolves to (through aliases; in an
 * expression, the type there, after narrowing and for `try` outcomes the real `value` and
 * `error`), the constraints in effect (with the alias each comes from) and its doc comment.
 * Over a keyword: what it means.
 */
export class SpeclHoverProvider extends AstNodeHoverProvider {
  constructor(services: LangiumServices) {
    super(services);
  }

  override async getHoverContent(
    document: LangiumDocument,
    params: HoverParams,
  ): Promise<Hover | undefined> {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(params.position);
    const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
    if (!leaf || leaf.end <= offset) return undefined;
    const target = this.references.findDeclarations(leaf)[0];
    if (!target) {
      const builtin = isTypeRef(leaf.astNode) ? builtinTypeOf(leaf.astNode) : undefined;
      if (builtin) {
        const value = '```specl\n' + `type ${builtin}` + '\n```\n\n' + BUILTIN_TYPE_DOCS[builtin];
        return { contents: { kind: 'markdown', value }, range: leaf.range };
      }
      const status = errorStatusHover(leaf);
      if (status) return { contents: { kind: 'markdown', value: status }, range: leaf.range };
      const keyword = GrammarAST.isKeyword(leaf.grammarSource) ? keywordDocs[leaf.text] : undefined;
      return keyword
        ? { contents: { kind: 'markdown', value: keyword }, range: leaf.range }
        : undefined;
    }
    const expression = leaf.astNode;
    const here =
      isNameRef(expression) || isMemberAccess(expression) ? (expression as Expression) : undefined;
    const value = isResponseHeadersRef(here)
      ? responseHeadersHover(target as Endpoint)
      : this.describe(target, here);
    return value ? { contents: { kind: 'markdown', value }, range: leaf.range } : undefined;
  }

  protected override getAstNodeHoverContent(node: AstNode): string | undefined {
    return this.describe(node, undefined);
  }

  private describe(node: AstNode, expression: Expression | undefined): string | undefined {
    // The built-in outcome's `value` and `error` are typed by the call, not by their declaration.
    const signature =
      expression && isField(node) && isBuiltinNode(node)
        ? `${node.name}: ${typeToString(typeOf(expression))}`
        : signatureOf(node);
    if (!signature) return undefined;
    const parts = ['```specl\n' + signature + '\n```'];
    const declared = declaredType(node);
    const type = expression
      ? typeOf(expression)
      : declared
        ? resolveTypeExpr(declared)
        : typeOfNamedElement(node);
    if (addsToSignature(signature, type)) parts.push(`Type: \`${typeToString(type)}\``);
    const all = effectiveConstraints(declared);
    const constraints = all.filter((c) => !VALUE_ANNOTATIONS.has(c.name));
    if (constraints.length > 0) {
      const list = constraints.map((c) => {
        const text = `\`${c.constraint.$cstNode?.text ?? c.name}\``;
        const alias = c.constraint.$container?.$container;
        return c.inherited && isAliasDecl(alias) ? `${text} (from \`${alias.name}\`)` : text;
      });
      parts.push(`Constraints: ${list.join(', ')}`);
    }
    for (const c of all.filter((c) => VALUE_ANNOTATIONS.has(c.name) && !c.inherited))
      parts.push(annotationHover(c.name, annotationJson(c.constraint.value)));
    const doc = docComment(node);
    if (doc) parts.push(doc);
    return parts.join('\n\n');
  }
}

/** `headers` in an `ensures`: what it stands for, and the headers it may name with their types. */
function responseHeadersHover(endpoint: Endpoint): string {
  const lines = successHeaders(endpoint).map((header) => {
    const wire = header.wireName ? ` "${header.wireName}"` : '';
    return `  ${header.name}${wire}: ${typeToString(responseHeaderType(endpoint, header.name))}`;
  });
  const signature =
    '```specl\nheaders {\n' + lines.join('\n') + (lines.length ? '\n' : '') + '}\n```';
  return `${signature}\n\nThe headers of \`${endpoint.name}\`'s 2xx answer, read one at a time (\`headers.NAME\`); a header not on every 2xx answer, or optional on one, may be absent.`;
}

/** The annotations whose values a hover shows as JSON. */
const VALUE_ANNOTATIONS = new Set(['example', 'examples', 'default']);
/** The most lines of an annotation's value a hover shows. */
const HOVER_LINES = 30;

/** An example's or default's value, as pretty JSON (its first lines when it is long). */
function annotationHover(name: string, value: JsonValue): string {
  const lines = JSON.stringify(value, null, 2).split('\n');
  const shown =
    lines.length > HOVER_LINES
      ? [...lines.slice(0, HOVER_LINES), `… (${lines.length - HOVER_LINES} more lines)`]
      : lines;
  const title = name === 'examples' ? 'Examples' : name === 'default' ? 'Default' : 'Example';
  return `${title}:\n\n\`\`\`json\n${shown.join('\n')}\n\`\`\``;
}

/** The type expression a node declares, if it declares one. */
function declaredType(node: AstNode): TypeExpr | undefined {
  if (
    isField(node) ||
    isPathParam(node) ||
    isQueryParam(node) ||
    isHeaderParam(node) ||
    isBodyClause(node) ||
    isForallVar(node) ||
    isAliasDecl(node) ||
    isResponseHeader(node)
  ) {
    return node.type;
  }
  return undefined;
}

/** Whether a resolved type says more than the signature (where it may be written as is). */
function addsToSignature(signature: string, type: SpeclType): boolean {
  if (type.kind === 'unknown' || type.kind === 'typeName') return false;
  const text = typeToString(type);
  return (
    !signature.endsWith(`: ${text}`) &&
    !signature.endsWith(`= ${text}`) &&
    !signature.startsWith(`${text}.`)
  );
}

/** Over an error's range or `default` status: which statuses it covers. */
function errorStatusHover(leaf: CstNode): string | undefined {
  const node = leaf.astNode;
  // Leaves are built when read, so the status's leaf is found again by its offset.
  const status = isErrorDecl(node)
    ? GrammarUtils.findNodeForProperty(node.$cstNode, 'status')
    : undefined;
  if (status?.offset !== leaf.offset) return undefined;
  const doc = errorStatusDocs[leaf.text];
  return doc && `\`${leaf.text}\`: ${doc}`;
}
