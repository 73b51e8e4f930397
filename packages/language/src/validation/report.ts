import type { AstNode, Properties, ValidationAcceptor } from 'langium';
import { isReference } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type {
  DiagnosticCode,
  DiagnosticCodeInfo,
  MessageId,
  MessageOf,
} from './diagnostic-codes.js';
import { diagnosticCodes } from './diagnostic-codes.js';
import type { DiagnosticFix } from './fixes.js';
import type { MessageArguments, MessageTemplate } from './message-template.js';
import { formatMessage } from './message-template.js';

/** Where a diagnostic points: a node, optionally narrowed to one of its properties. */
export interface Target<N extends AstNode> {
  node: N;
  property?: Properties<N>;
  index?: number;
}

/**
 * The text of one of a code's messages (see the table in diagnostic-codes.ts), its parameters
 * filled in. An unknown code, an unknown message of a code, or a missing or unknown argument
 * is a type error.
 */
export function diagnosticMessage<C extends DiagnosticCode, M extends MessageId<C>>(
  code: C,
  id: M,
  args: MessageArguments<MessageOf<C, M>>,
): string {
  const info: DiagnosticCodeInfo = diagnosticCodes[code];
  const messages: Readonly<Record<string, MessageTemplate>> = info.messages ?? {};
  const template = messages[id];
  if (!template) throw new Error(`${code} has no message \`${id}\``);
  return formatMessage(template, args as MessageArguments<MessageTemplate>);
}

/**
 * Reports a diagnostic with a stable code, at the severity the code table gives it, with one
 * of the messages the table gives it, and the fixes known for it (carried in its `data`).
 * Every check goes through here, so a code, its severity and its messages cannot disagree.
 */
export function report<N extends AstNode, C extends DiagnosticCode, M extends MessageId<C>>(
  accept: ValidationAcceptor,
  code: C,
  id: M,
  args: MessageArguments<MessageOf<C, M>>,
  target: Target<N>,
  fixes: readonly DiagnosticFix[] = [],
): void {
  accept(diagnosticCodes[code].severity, diagnosticMessage(code, id, args), {
    ...target,
    ...referenceRange(target),
    code,
    ...(fixes.length > 0 ? { data: { fixes } } : {}),
  });
}

/**
 * The range of the one reference of a list a target names (`errors A, B, C` with an index): the
 * reference knows its own place, where Langium would search the node's whole text for the
 * n-th, which makes a diagnostic on each of a long list's entries quadratic.
 */
function referenceRange<N extends AstNode>(target: Target<N>): { range?: Range } {
  if (target.property === undefined || target.index === undefined) return {};
  const value: unknown = (target.node as Record<string, unknown>)[target.property as string];
  const item: unknown = Array.isArray(value) ? value[target.index] : undefined;
  const range = isReference(item) ? item.$refNode?.range : undefined;
  return range ? { range } : {};
}
