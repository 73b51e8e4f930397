import type { AstNode, LangiumCoreServices, LinkingError, Scope } from 'langium';
import { AstUtils } from 'langium';
import type { ReferenceInfo } from 'langium';
import {
  isArgument,
  isEndpointCall,
  isEnumDecl,
  isErrorDecl,
  isErrorsClause,
  isResponseClause,
  isFieldInit,
  isLet,
  isMemberAccess,
  isNameRef,
  isPaginatedClause,
  isEndpoint,
  isResponseRef,
  isSecurityOption,
  isSpread,
  isTagsClause,
  isTypeRef,
} from '../generated/ast.js';
import type { Argument, MemberAccess, NameRef } from '../generated/ast.js';
import { expectedType } from '../typing/expected-type.js';
import { BUILTIN_TYPE_NAMES, builtinTypeOf } from '../typing/media-types.js';
import { stripOptional, typeToString } from '../typing/specl-type.js';
import { recordFields } from '../typing/records.js';
import { typeOf } from '../typing/type-of.js';
import { closestName, didYouMean } from '../util/did-you-mean.js';
import { scopeDocumentOf } from '../workspace/shadow-documents.js';
import { endpointParameters } from '../scoping/local-names.js';
import { RESPONSE_HEADERS_NAME } from '../typing/response-header-reads.js';
import { importPathBetween } from '../workspace/imports.js';
import type { SpeclScopeProvider } from '../scoping/specl-scope-provider.js';
import type { DiagnosticCode, MessageId, MessageOf } from './diagnostic-codes.js';
import type { MessageArguments } from './message-template.js';
import { diagnosticMessage } from './report.js';
import { withArticle } from '../util/article.js';
import { declarationTypes } from '../util/declaration-types.js';

const outcomeMembers = ['ok', 'status', 'value', 'error'];
const primitives = [
  ...['String', 'Int', 'Float', 'Bool', 'Uuid', 'Email', 'Url', 'Date', 'DateTime'],
  ...BUILTIN_TYPE_NAMES,
];

/** A linking error turned into a coded, helpful diagnostic. */
export interface LinkingMessage {
  code: DiagnosticCode;
  message: string;
  /** The name the reference was most likely meant to be (the did-you-mean), if any. */
  replacement?: string;
  /** The import that would bring the name (`./lib.specl`, relative to the file), if any. */
  importPath?: string;
}

/** A code and one of its messages from the table, its parameters filled in. */
function coded<C extends DiagnosticCode, M extends MessageId<C>>(
  code: C,
  id: M,
  args: MessageArguments<MessageOf<C, M>>,
): LinkingMessage {
  return { code, message: diagnosticMessage(code, id, args) };
}

/** The end of a message that proposes a fix, and the fix. */
interface Hint {
  text: string;
  replacement?: string;
  importPath?: string;
}

/** `; did you mean \`x\`?` and `x`, when a close candidate exists; else the fallback. */
function closest(name: string, candidates: Iterable<string>, fallback = ''): Hint {
  const list = [...candidates];
  const replacement = closestName(name, list);
  return { text: didYouMean(name, list, fallback), ...(replacement ? { replacement } : {}) };
}

/**
 * Explains a name that did not resolve, with the fix where one is known: the closest name in
 * scope, the import that would bring it, or the qualified form of an enum member. Returns
 * undefined when the error only follows from an earlier one (the receiver of `.x` has no
 * known type), so that one mistake gives one diagnostic.
 */
export class LinkingMessages {
  constructor(private readonly services: LangiumCoreServices) {}

  explain(error: LinkingError): LinkingMessage | undefined {
    const info = error.info;
    const container = info.container;
    const name = info.reference.$refText;
    const scope = () => this.scopeOf(info);
    if (isTypeRef(container) && builtinTypeOf(container)) return undefined;
    if (isTypeRef(container) || isSpread(container)) {
      const candidates = [...primitives, ...this.names(scope())];
      const hint = this.suggest(container, name, candidates);
      return { ...coded('specl/unknown-type', 'default', { name, fix: hint.text }), ...hint };
    }
    if (isErrorsClause(container)) {
      const fallback = `; declare it with \`error ${name} 4xx { ... }\``;
      const hint = this.suggest(container, name, this.names(scope(), 'ErrorDecl'), fallback);
      return { ...coded('specl/unknown-error', 'default', { name, fix: hint.text }), ...hint };
    }
    if (isResponseClause(container) || isErrorDecl(container)) {
      // The only references of a response or an error of their own: `with` headers.
      const hint = this.suggest(container, name, this.names(scope(), 'HeadersDecl'));
      const fix = hint.text || `; declare it with \`headers ${name} { ... }\``;
      return { ...coded('specl/unknown-headers', 'unknown', { name, fix }), ...hint };
    }
    if (isSecurityOption(container)) {
      const hint = this.suggest(container, name, this.names(scope(), 'AuthDecl'));
      const fix = hint.text || `; declare it, as in \`auth ${name} bearer\``;
      return { ...coded('specl/unknown-name', 'securityScheme', { name, fix }), ...hint };
    }
    if (isTagsClause(container)) {
      const hint = this.suggest(container, name, this.names(scope(), 'TagDecl'));
      const fix = hint.text || `; declare it with \`tag ${name}\``;
      return { ...coded('specl/unknown-name', 'tag', { name, fix }), ...hint };
    }
    if (isEndpointCall(container)) {
      const hint = this.suggest(container, name, this.names(scope()));
      return { ...coded('specl/unknown-endpoint', 'default', { name, fix: hint.text }), ...hint };
    }
    if (isArgument(container)) return this.unknownParameter(container, name);
    if (isPaginatedClause(container)) {
      const hint = closest(name, this.names(scope()));
      const endpoint = container.$container.name;
      const fix = hint.text || `; the cursor goes in one: declare \`query ${name}?: String\``;
      const args = { name, endpoint, fix };
      return { ...coded('specl/invalid-pagination', 'notQuery', args), ...hint };
    }
    if (isMemberAccess(container)) return this.unknownMember(container, name, this.names(scope()));
    if (isFieldInit(container)) {
      const expected = stripOptional(expectedType(container.$container));
      if (expected.kind !== 'record') return undefined;
      const hint = closest(name, this.names(scope()));
      const args = { recordName: expected.decl.name, name, fix: hint.text };
      return { ...coded('specl/unknown-field', 'noFieldInRecord', args), ...hint };
    }
    if (isNameRef(container)) return this.unknownName(container, name, scope());
    return coded('specl/unknown-name', 'unresolved', { linkerMessage: error.message });
  }

  /** The import that would bring `name`, else the closest candidate, else the fallback. */
  private suggest(node: AstNode, name: string, candidates: Iterable<string>, fallback = ''): Hint {
    return this.importHint(node, name) ?? closest(name, candidates, fallback);
  }

  private unknownMember(
    access: MemberAccess,
    name: string,
    candidates: string[],
  ): LinkingMessage | undefined {
    const receiver = stripOptional(typeOf(access.receiver));
    if (receiver.kind === 'unknown') return undefined;
    if (receiver.kind === 'responseHeaders') {
      const endpoint = receiver.endpoint.name;
      if (candidates.length === 0)
        return coded('specl/unknown-response-header', 'noHeaders', { endpoint, name });
      const list = `; its 2xx answers declare ${candidates.map((c) => `\`${c}\``).join(', ')}`;
      const hint = closest(name, candidates, list);
      const args = { endpoint, name, fix: hint.text };
      return { ...coded('specl/unknown-response-header', 'unknown', args), ...hint };
    }
    if (receiver.kind === 'union') {
      const lacking = receiver.options
        .map(stripOptional)
        .filter(
          (option) =>
            option.kind !== 'record' || !recordFields(option.decl).some((f) => f.name === name),
        )
        .map((option) => `\`${typeToString(option)}\``);
      return coded('specl/unknown-field', 'notInEveryAlternative', {
        name,
        union: typeToString(receiver),
        lacking: lacking.join(', '),
        lack: lacking.length > 1 ? 'lack' : 'lacks',
      });
    }
    const binding = isNameRef(access.receiver) ? access.receiver.target.ref : undefined;
    if (isLet(binding) && !binding.try && outcomeMembers.includes(name)) {
      return coded('specl/unknown-field', 'responseItself', {
        binding: binding.name,
        type: withArticle(typeToString(receiver)),
        name,
        endpointName: isEndpointCall(binding.value) ? binding.value.endpoint.$refText : '',
      });
    }
    if (receiver.kind === 'null' && isResponseRef(access.receiver)) {
      const endpoint = AstUtils.getContainerOfType(access, isEndpoint);
      const endpointName = endpoint?.name ?? 'this endpoint';
      return coded('specl/bodyless-response-read', 'default', { endpointName, name });
    }
    if (candidates.length === 0) {
      const type = withArticle(typeToString(receiver));
      return coded('specl/unknown-field', 'noFields', { type, name });
    }
    const what = receiver.kind === 'typeName' ? 'member' : 'field';
    const owner =
      receiver.kind === 'outcome'
        ? 'a `try` outcome'
        : `\`${typeToString(receiver).replace(/^the type /, '')}\``;
    const list = `; it has ${candidates.map((c) => `\`${c}\``).join(', ')}`;
    const hint = closest(name, candidates, list);
    return {
      ...coded('specl/unknown-field', 'default', { owner, what, name, fix: hint.text }),
      ...hint,
    };
  }

  private unknownName(ref: NameRef, name: string, scope: Scope): LinkingMessage {
    const expected = stripOptional(expectedType(ref));
    if (expected.kind === 'enum') {
      const members = expected.decl.members.map((m) => m.name);
      const list =
        members.length > 0
          ? `; its members are ${members.map((m) => `\`${m}\``).join(', ')}`
          : `; it has no members yet: add \`${name}\` to it`;
      const hint = closest(name, members, list);
      const args = { name, enumName: expected.decl.name, fix: hint.text };
      return { ...coded('specl/unknown-name', 'notEnumMember', args), ...hint };
    }
    const globals = this.globalScope(ref);
    const enums = globals
      .getAllElements()
      .map((d) => d.node)
      .filter(isEnumDecl)
      .filter((decl) => decl.members.some((member) => member.name === name))
      .toArray();
    if (enums.length > 0) {
      const qualified = enums.map((decl) => `\`${decl.name}.${name}\``).join(' or ');
      return coded('specl/ambiguous-enum-member', 'default', { name, qualified });
    }
    // A value is wanted: suggest values (names in scope), not types or endpoints.
    const values = scope
      .getAllElements()
      .filter((d) => !declarationTypes.has(d.type))
      .map((d) => d.name)
      .toArray();
    const hint = this.suggest(ref, name, values);
    // `headers` outside an `ensures`: the answer's headers exist only once it has answered.
    if (name === RESPONSE_HEADERS_NAME && !hint.replacement) {
      const fix = "; an answer's headers are read in an endpoint's `ensures`, as `headers.NAME`";
      return coded('specl/unknown-name', 'default', { name, fix });
    }
    return { ...coded('specl/unknown-name', 'default', { name, fix: hint.text }), ...hint };
  }

  private unknownParameter(argument: Argument, name: string): LinkingMessage | undefined {
    const endpoint = argument.$container.endpoint.ref;
    // An unknown endpoint is reported once, at its name; its arguments are not judged.
    if (!endpoint) return undefined;
    const params = endpoint ? endpointParameters(endpoint).map((p) => p.name) : [];
    const list =
      params.length > 0
        ? `; its parameters are ${params.map((p) => `\`${p}\``).join(', ')}`
        : '; it takes no parameters';
    const hint = closest(name, params, list);
    const endpointName = endpoint?.name ?? argument.$container.endpoint.$refText;
    const args = { endpointName, name, fix: hint.text };
    return { ...coded('specl/unknown-parameter', 'default', args), ...hint };
  }

  private scopeOf(info: ReferenceInfo): Scope {
    return this.services.references.ScopeProvider.getScope(info);
  }

  private globalScope(node: AstNode): Scope {
    return (this.services.references.ScopeProvider as SpeclScopeProvider).visibleDeclarations(node);
  }

  private names(scope: Scope, type?: string): string[] {
    return scope
      .getAllElements()
      .filter((d) => !type || d.type === type)
      .map((d) => d.name)
      .toArray();
  }

  /** "; it is declared in ./x.specl: add `import "./x.specl"`" when another file declares the name. */
  private importHint(node: AstNode, name: string): Hint | undefined {
    const here = scopeDocumentOf(AstUtils.getDocument(node)).uri;
    const elsewhere = this.services.shared.workspace.IndexManager.allElements().find(
      (d) => d.name === name && d.documentUri.toString() !== here.toString(),
    );
    if (!elsewhere) return undefined;
    const path = importPathBetween(here, elsewhere.documentUri);
    return { text: `; it is declared in ${path}: add \`import "${path}"\``, importPath: path };
  }
}
