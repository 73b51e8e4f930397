import type { AstNode, Properties, ValidationAcceptor } from 'langium';
import { isReference } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { DiagnosticCode } from './diagnostic-codes.js';
import { diagnosticCodes } from './diagnostic-codes.js';
import type { DiagnosticFix } from './fixes.js';

/** Where a diagnostic points: a node, optionally narrowed to one of its properties. */
export interface Target<N extends AstNode> {
  node: N;
  property?: Properties<N>;
  index?: number;
}

/**
 * Reports a diagnostic with a stable code, at the severity the code table gives it, with the
 * fixes known for it (carried in its `data`). Every check goes through here, so a code and
 * its severity cannot disagree.
 */
export function report<N extends AstNode>(
  accept: ValidationAcceptor,
  code: DiagnosticCode,
  message: string,
  target: Target<N>,
  fixes: readonly DiagnosticFix[] = [],
): void {
  accept(diagnosticCodes[code].severity, message, {
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
