import type { AstNode, LangiumCoreServices, LinkingError, Scope } from 'langium';
import type { ReferenceInfo } from 'langium';
import {
  isArgument,
  isEndpointCall,
  isEnumDecl,
  isErrorsClause,
  isFieldInit,
  isMemberAccess,
  isNameRef,
  isSpread,
  isTypeRef,
} from '../generated/ast.js';
import type { Argument, SpecFile } from '../generated/ast.js';
import { expectedType } from '../typing/expected-type.js';
import { stripOptional, typeToString } from '../typing/specl-type.js';
import { recordFields } from '../typing/records.js';
import { typeOf } from '../typing/type-of.js';
import { didYouMean } from '../util/did-you-mean.js';
import { endpointParameters } from '../scoping/local-names.js';
import type { SpeclScopeProvider } from '../scoping/specl-scope-provider.js';
import type { DiagnosticCode } from './diagnostic-codes.js';
import { displayPath } from './display-path.js';
import { withArticle } from '../util/article.js';

const primitives = ['String', 'Int', 'Float', 'Bool', 'Uuid', 'Email', 'Url', 'Date', 'DateTime'];

/** A linking error turned into a coded, helpful diagnostic. */
export interface LinkingMessage {
  code: DiagnosticCode;
  message: string;
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
    if (isTypeRef(container) || isSpread(container)) {
      const candidates = [...primitives, ...this.names(scope())];
      return {
        code: 'specl/unknown-type',
        message: `unknown type \`${name}\`${didYouMean(name, candidates, this.importHint(container, name))}`,
      };
    }
    if (isErrorsClause(container)) {
      return {
        code: 'specl/unknown-error',
        message: `unknown error \`${name}\`${didYouMean(name, this.names(scope(), 'ErrorDecl'), this.importHint(container, name, '; declare it with `error ' + name + ' 4xx { ... }`'))}`,
      };
    }
    if (isEndpointCall(container)) {
      return {
        code: 'specl/unknown-endpoint',
        message: `unknown endpoint \`${name}\`${didYouMean(name, this.names(scope()), this.importHint(container, name))}`,
      };
    }
    if (isArgument(container)) return this.unknownParameter(container, name);
    if (isMemberAccess(container)) {
      const receiver = stripOptional(typeOf(container.receiver));
      if (receiver.kind === 'unknown') return undefined;
      const candidates = this.names(scope());
      if (receiver.kind === 'union') {
        const lacking = receiver.options
          .map(stripOptional)
          .filter(
            (option) =>
              option.kind !== 'record' || !recordFields(option.decl).some((f) => f.name === name),
          )
          .map((option) => `\`${typeToString(option)}\``);
        return {
          code: 'specl/unknown-field',
          message: `\`${name}\` is not a field of every alternative of \`${typeToString(receiver)}\` (${lacking.join(', ')} ${lacking.length > 1 ? 'lack' : 'lacks'} it)`,
        };
      }
      if (candidates.length === 0) {
        return {
          code: 'specl/unknown-field',
          message: `${withArticle(typeToString(receiver))} has no fields, so \`.${name}\` means nothing here`,
        };
      }
      const what = receiver.kind === 'typeName' ? 'member' : 'field';
      const owner =
        receiver.kind === 'outcome'
          ? 'a `try` outcome'
          : `\`${typeToString(receiver).replace(/^the type /, '')}\``;
      return {
        code: 'specl/unknown-field',
        message: `${owner} has no ${what} \`${name}\`${didYouMean(name, candidates, `; it has ${candidates.map((c) => `\`${c}\``).join(', ')}`)}`,
      };
    }
    if (isFieldInit(container)) {
      const expected = stripOptional(expectedType(container.$container));
      if (expected.kind !== 'record') return undefined;
      return {
        code: 'specl/unknown-field',
        message: `\`${expected.decl.name}\` has no field \`${name}\`${didYouMean(name, this.names(scope()))}`,
      };
    }
    if (isNameRef(container)) {
      const enums = this.names(this.globalScope(container), 'EnumDecl')
        .map((enumName) => this.globalScope(container).getElement(enumName)?.node)
        .filter(isEnumDecl)
        .filter((decl) => decl.members.some((member) => member.name === name));
      if (enums.length > 0) {
        const qualified = enums.map((decl) => `\`${decl.name}.${name}\``).join(' or ');
        return {
          code: 'specl/ambiguous-enum-member',
          message: `nothing here says which enum \`${name}\` belongs to; write ${qualified}`,
        };
      }
      return {
        code: 'specl/unknown-name',
        message: `unknown name \`${name}\`${didYouMean(name, this.names(scope()), this.importHint(container, name))}`,
      };
    }
    return { code: 'specl/unknown-name', message: error.message };
  }

  private unknownParameter(argument: Argument, name: string): LinkingMessage {
    const endpoint = argument.$container.endpoint.ref;
    const params = endpoint ? endpointParameters(endpoint).map((p) => p.name) : [];
    const list =
      params.length > 0
        ? `; its parameters are ${params.map((p) => `\`${p}\``).join(', ')}`
        : '; it takes no parameters';
    return {
      code: 'specl/unknown-parameter',
      message: `\`${endpoint?.name ?? argument.$container.endpoint.$refText}\` has no parameter \`${name}\`${didYouMean(name, params, list)}`,
    };
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

  /** "; it is declared in x.specl: add `import "x.specl"`" when another file declares the name. */
  private importHint(node: AstNode, name: string, fallback = ''): string {
    const index = this.services.shared.workspace.IndexManager;
    const here = this.services.shared.workspace.LangiumDocuments.all.find(
      (d) => (d.parseResult.value as SpecFile) === rootOf(node),
    );
    const elsewhere = index
      .allElements()
      .find((d) => d.name === name && d.documentUri.toString() !== here?.uri.toString());
    if (!elsewhere || !here) return fallback;
    const from = here.uri.path.split('/').slice(0, -1);
    const to = elsewhere.documentUri.path.split('/');
    let common = 0;
    while (common < from.length && from[common] === to[common]) common++;
    const relative = [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
    const path = relative.startsWith('.') ? relative : `./${relative}`;
    return `; it is declared in ${displayPath(elsewhere.documentUri)}: add \`import "${path}"\``;
  }
}

function rootOf(node: AstNode): AstNode {
  let current = node;
  while (current.$container) current = current.$container;
  return current;
}
