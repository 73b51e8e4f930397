import type { AstNode, Properties, ValidationAcceptor } from 'langium';
import type { DiagnosticCode } from './diagnostic-codes.js';
import { diagnosticCodes } from './diagnostic-codes.js';

/** Where a diagnostic points: a node, optionally narrowed to one of its properties. */
export interface Target<N extends AstNode> {
  node: N;
  property?: Properties<N>;
  index?: number;
}

/**
 * Reports a diagnostic with a stable code, at the severity the code table gives it. Every
 * check goes through here, so a code and its severity cannot disagree.
 */
export function report<N extends AstNode>(
  accept: ValidationAcceptor,
  code: DiagnosticCode,
  message: string,
  target: Target<N>,
): void {
  accept(diagnosticCodes[code].severity, message, { ...target, code });
}
