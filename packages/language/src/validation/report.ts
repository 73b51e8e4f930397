import type { AstNode, Properties, ValidationAcceptor } from 'langium';
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
    code,
    ...(fixes.length > 0 ? { data: { fixes } } : {}),
  });
}
