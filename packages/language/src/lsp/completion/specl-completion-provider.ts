import type { AstNodeDescription, LangiumDocument, MaybePromise, ReferenceInfo } from 'langium';
import { BUILTIN_TYPE_DOCS, BUILTIN_TYPE_NAMES } from '../../typing/media-types.js';
import { AstUtils, GrammarAST } from 'langium';
import type { CompletionProviderOptions, LangiumServices } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type {
  CompletionItem,
  CompletionParams,
  CancellationToken,
  Range,
} from 'vscode-languageserver';
import { CompletionItemKind, CompletionList, InsertTextFormat } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Endpoint } from '../../generated/ast.js';
import {
  isArgument,
  isEndpoint,
  isEnumDecl,
  isEnumMember,
  isFieldInit,
  isLet,
  isNameRef,
  isSpread,
  isErrorDecl,
  isErrorsClause,
  isResponseClause,
  isTypeRef,
} from '../../generated/ast.js';
import { docComment } from '../../documentation/doc-comment.js';
import { requiredParameters } from '../../validation/call-checks.js';
import { expectedType, withContextGuard } from '../../typing/expected-type.js';
import { stripOptional } from '../../typing/specl-type.js';
import { completionKindOf, signatureOf } from '../describe-node.js';
import type { CursorContext } from './cursor-context.js';
import { PLACEHOLDER, cursorContext } from './cursor-context.js';
import { snippetsFor } from './snippets.js';
import { RESPONSE_HEADERS_TYPE } from '../../typing/response-header-reads.js';
import { errorStatusDocs } from '../hover/keyword-docs.js';
import { declarationTypes, typeDeclarationTypes } from '../../util/declaration-types.js';

/** What is not a value where an expression wants one: types (enums are, for `Status.x`), ... */
const notValues = new Set(
  [...declarationTypes, 'SpecHeader'].filter((type) => type !== 'EnumDecl'),
);
// Keywords reached through these rules are names (a field may be called `type`), not keywords.
const nameRules = new Set(['Name', 'ValueName', 'ArgumentName', 'PathWord']);

/**
 * Completion that knows where the cursor is: types in type positions, fields after `.`,
 * members of the enum the context expects (first), endpoints with their parameters in calls,
 * argument and field names, and the keywords and declaration snippets the grammar allows
 * there. It parses only the declaration around the cursor (see {@link cursorContext}), so it
 * answers as fast in a file of thousands of endpoints as in a small one.
 */
export class SpeclCompletionProvider extends DefaultCompletionProvider {
  override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.'] };

  constructor(private readonly lspServices: LangiumServices) {
    super(lspServices);
  }

  override async getCompletion(
    document: LangiumDocument,
    params: CompletionParams,
    _cancelToken?: CancellationToken,
  ): Promise<CompletionList | undefined> {
    const offset = document.textDocument.offsetAt(params.position);
    if (this.insideCommentOrString(document, offset)) return CompletionList.create([], false);
    const context = cursorContext(this.lspServices.shared, document, offset);
    const range: Range = {
      start: document.textDocument.positionAt(context.wordStart),
      end: document.textDocument.positionAt(context.wordEnd),
    };
    const items = [...this.referenceItems(context), ...this.keywordItems(context)];
    const seen = new Set<string>();
    const unique = items.filter((item) => {
      const key = `${item.kind}:${item.label}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    for (const item of unique) {
      item.textEdit = { range, newText: item.insertText ?? item.label };
      delete item.insertText;
    }
    return CompletionList.create(unique, false);
  }

  /** Whether the cursor is in a `//` comment or a string, where nothing is completed. */
  private insideCommentOrString(document: LangiumDocument, offset: number): boolean {
    const text = document.textDocument.getText();
    const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
    const withoutStrings = line.replace(/"(?:\\.|[^"\\])*"/g, 'S');
    return withoutStrings.includes('//') || withoutStrings.includes('"');
  }

  private referenceItems(context: CursorContext): CompletionItem[] {
    const info = context.reference;
    if (!info) return [];
    const container = info.container;
    let candidates: AstNodeDescription[];
    try {
      candidates = this.scopeProvider.getScope(info).getAllElements().toArray();
    } catch {
      return [];
    }
    const expectedEnum = this.expectedEnum(info);
    const callValue = isNameRef(container) && isLet(container.$container);
    const items: CompletionItem[] = [];
    for (const candidate of candidates) {
      if (candidate.name === PLACEHOLDER || candidate.name.length === 0) continue;
      if (!this.fits(info, candidate, callValue)) continue;
      const node = candidate.node;
      const documentation = node ? docComment(node) : undefined;
      const headers = candidate.type === RESPONSE_HEADERS_TYPE;
      const item: CompletionItem = {
        label: candidate.name,
        kind: headers ? CompletionItemKind.Variable : completionKindOf(node),
        detail: headers
          ? "the 2xx answer's headers: headers.NAME"
          : node
            ? signatureOf(node)
            : undefined,
        documentation: documentation ? { kind: 'markdown', value: documentation } : undefined,
        sortText: `${this.rank(candidate, expectedEnum)}${candidate.name}`,
      };
      if (isEndpoint(node) && callValue) this.asCall(item, node);
      else if (
        (isArgument(container) || isFieldInit(container)) &&
        !/^\s*:/.test(context.textAfter)
      )
        item.insertText = `${candidate.name}: `;
      items.push(item);
    }
    if (isTypeRef(container)) items.push(...builtinTypeItems(candidates));
    return items;
  }

  /** Whether a candidate suits the reference: only types in type positions, values in expressions. */
  private fits(info: ReferenceInfo, candidate: AstNodeDescription, callValue: boolean): boolean {
    const container = info.container;
    if (isTypeRef(container)) return typeDeclarationTypes.has(candidate.type);
    if (isSpread(container))
      return candidate.type === 'RecordDecl' || candidate.type === 'ErrorDecl';
    if (isErrorsClause(container)) return candidate.type === 'ErrorDecl';
    // `with` after a response or an error's status: the headers declarations.
    if (isResponseClause(container) || isErrorDecl(container))
      return candidate.type === 'HeadersDecl';
    if (isNameRef(container)) {
      if (candidate.type === 'Endpoint') return callValue;
      return !notValues.has(candidate.type);
    }
    return true;
  }

  /** The enum the context expects a bare name to belong to, if it expects one. */
  private expectedEnum(info: ReferenceInfo): string | undefined {
    if (!isNameRef(info.container)) return undefined;
    const ref = info.container;
    const expected = stripOptional(withContextGuard(ref, () => expectedType(ref)));
    return expected.kind === 'enum' ? expected.decl.name : undefined;
  }

  /** Sort order: members of the expected enum, then locals and fields, then declarations. */
  private rank(candidate: AstNodeDescription, expectedEnum: string | undefined): string {
    const node = candidate.node;
    if (expectedEnum && isEnumMember(node) && isEnumDecl(node.$container)) {
      if (node.$container.name === expectedEnum) return '0';
    }
    return typeDeclarationTypes.has(candidate.type) || candidate.type === 'Endpoint' ? '2' : '1';
  }

  /** Makes an endpoint item insert a call with its required parameters as tab stops. */
  private asCall(item: CompletionItem, endpoint: Endpoint): void {
    const params = requiredParameters(endpoint);
    const args = params.map((name, i) => `${name}: \${${i + 1}}`).join(', ');
    item.insertText = `${endpoint.name}(${args})$0`;
    item.insertTextFormat = InsertTextFormat.Snippet;
  }

  private keywordItems(context: CursorContext): CompletionItem[] {
    const textDocument = TextDocument.create(
      'specl:///cursor.specl',
      'specl',
      0,
      context.textBefore,
    );
    const features = this.findFeaturesAt(textDocument, context.textBefore.length);
    const keywords = new Set<string>();
    for (const next of features) {
      if (!GrammarAST.isKeyword(next.feature)) continue;
      const word = next.feature.value;
      if (!/^[A-Za-z]/.test(word)) continue;
      const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name ?? '';
      if (nameRules.has(rule)) continue;
      if (rule === 'PrimitiveType' && next.property !== 'primitive') continue;
      if ((word === 'spec' || word === 'import') && context.afterDeclarations) continue;
      keywords.add(word);
    }
    // Constants (`true`, ...) are types too, but not the ones a type position should list; `by`
    // (v0.1) continues an alias only after a union's last option.
    if (features.some((next) => next.property === 'primitive')) {
      keywords.delete('true');
      keywords.delete('false');
    }
    if (!/\|\s*[A-Za-z_]\w*\s*$/.test(context.textBefore)) keywords.delete('by');
    const items: CompletionItem[] = [...keywords].map((word) => ({
      label: word,
      kind: CompletionItemKind.Keyword,
      sortText: `3${word}`,
    }));
    return [...items, ...snippetsFor(keywords), ...errorStatusItems(features)];
  }

  protected override completionFor(): MaybePromise<void> {
    // Unused: getCompletion above builds every item itself.
  }
}

/** The built-in types added after v0, unless a declaration of the same name shadows one. */
function builtinTypeItems(candidates: Iterable<AstNodeDescription>): CompletionItem[] {
  const declared = new Set([...candidates].map((candidate) => candidate.name));
  return BUILTIN_TYPE_NAMES.filter((name) => !declared.has(name)).map((name) => ({
    label: name,
    kind: CompletionItemKind.Class,
    detail: `built-in type ${name}`,
    documentation: { kind: 'markdown', value: BUILTIN_TYPE_DOCS[name] },
    sortText: `2${name}`,
  }));
}

/** In an error's status place: the ranges and `default`, beside the number one may type. */
function errorStatusItems(features: readonly { feature: GrammarAST.AbstractElement }[]) {
  // The next token is one of `ErrorStatus`'s (a number, a range or a word): an error's status.
  const atStatus = features.some(
    (next) =>
      AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'ErrorStatus',
  );
  if (!atStatus) return [];
  return Object.entries(errorStatusDocs).map(([label, doc]) => ({
    label,
    kind: label === 'default' ? CompletionItemKind.Keyword : CompletionItemKind.Constant,
    documentation: { kind: 'markdown' as const, value: doc },
    sortText: `3${label}`,
  }));
}
