import type { LangiumDocument } from 'langium';
import type { LangiumServices, SignatureHelpProvider } from 'langium/lsp';
import type {
  ParameterInformation,
  SignatureHelp,
  SignatureHelpOptions,
  SignatureHelpParams,
} from 'vscode-languageserver';
import type { Parameter } from '../../generated/ast.js';
import { isBodyClause, isEndpoint, isHeaderParam, isQueryParam } from '../../generated/ast.js';
import { docComment } from '../../documentation/doc-comment.js';
import { endpointParameters } from '../../scoping/local-names.js';
import type { SpeclScopeProvider } from '../../scoping/specl-scope-provider.js';
import { declarationSpan } from '../../workspace/declaration-span.js';

/**
 * Signature help in endpoint calls: `getItem(id: Uuid, verbose?: Bool)` with the parameter
 * being written highlighted (by its name once it is typed, else the first one not yet
 * passed) and the docs of the endpoint and the parameter. Found from the text at the cursor,
 * so it works while the call is half typed.
 */
export class SpeclSignatureHelpProvider implements SignatureHelpProvider {
  constructor(private readonly services: LangiumServices) {}

  get signatureHelpOptions(): SignatureHelpOptions {
    return { triggerCharacters: ['('], retriggerCharacters: [','] };
  }

  provideSignatureHelp(
    document: LangiumDocument,
    params: SignatureHelpParams,
  ): SignatureHelp | undefined {
    const text = document.textDocument.getText();
    const offset = document.textDocument.offsetAt(params.position);
    const call = openCallAt(text, offset);
    if (!call) return undefined;
    const scope = (
      this.services.references.ScopeProvider as SpeclScopeProvider
    ).visibleDeclarations(document.parseResult.value);
    const endpoint = scope.getElement(call.name)?.node;
    if (!isEndpoint(endpoint)) return undefined;
    const parameters = endpointParameters(endpoint);
    const parts = parameters.map(parameterLabel);
    let label = `${endpoint.name}(`;
    const infos: ParameterInformation[] = parameters.map((parameter, i) => {
      const start = label.length;
      label += parts[i]! + (i < parts.length - 1 ? ', ' : '');
      const doc = docComment(parameter);
      return {
        label: [start, start + parts[i]!.length],
        ...(doc ? { documentation: { kind: 'markdown', value: doc } } : {}),
      };
    });
    label += ')';
    const names = parameters.map((p) => (isBodyClause(p) ? 'body' : p.name));
    const current = /^\s*(\w+)\s*:/.exec(call.currentArgument)?.[1];
    const active =
      current !== undefined ? names.indexOf(current) : names.findIndex((n) => !call.given.has(n));
    const doc = docComment(endpoint);
    return {
      signatures: [
        {
          label,
          parameters: infos,
          ...(doc ? { documentation: { kind: 'markdown', value: doc } } : {}),
        },
      ],
      activeSignature: 0,
      activeParameter: Math.max(0, active),
    };
  }
}

function parameterLabel(parameter: Parameter): string {
  const type = parameter.type?.$cstNode?.text ?? '';
  if (isBodyClause(parameter)) return `body: ${type}`;
  const optional =
    (isQueryParam(parameter) || isHeaderParam(parameter)) && parameter.optional ? '?' : '';
  return `${parameter.name}${optional}: ${type}`;
}

/**
 * The call whose parentheses the offset is in: the name before its `(`, the names of the
 * arguments already written, and the text of the argument being written. Scans the text of
 * the declaration up to the offset, skipping strings and comments.
 */
function openCallAt(
  text: string,
  offset: number,
): { name: string; given: Set<string>; currentArgument: string } | undefined {
  const { start } = declarationSpan(text, offset);
  const open: { at: number; arguments: number[] }[] = [];
  for (let i = start; i < offset; i++) {
    const c = text[i]!;
    if (c === '"') {
      i++;
      while (i < offset && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < offset && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? offset : close + 1;
    } else if (c === '(' || c === '[' || c === '{') {
      open.push({ at: i, arguments: [i + 1] });
    } else if (c === ')' || c === ']' || c === '}') {
      open.pop();
    } else if (c === ',' && open.length > 0) {
      open[open.length - 1]!.arguments.push(i + 1);
    }
  }
  // The innermost call: a record or list literal may be open inside its parentheses.
  const call = [...open].reverse().find((bracket) => text[bracket.at] === '(');
  if (!call) return undefined;
  const name = /(\w+)\s*$/.exec(text.slice(Math.max(start, call.at - 100), call.at))?.[1];
  if (!name) return undefined;
  const starts = call.arguments;
  const given = new Set<string>();
  for (let i = 0; i < starts.length - 1; i++) {
    const argument = /^\s*(\w+)\s*:/.exec(text.slice(starts[i], starts[i + 1]))?.[1];
    if (argument) given.add(argument);
  }
  return { name, given, currentArgument: text.slice(starts[starts.length - 1], offset) };
}
