import type { ExprIR } from './spec-ir.js';

/** The number an expression writes: a number literal, or a negated one (`-5`); else undefined. */
export function numberOf(expr: ExprIR): number | undefined {
  if (expr.kind === 'literal' && typeof expr.value === 'number') return expr.value;
  if (expr.kind === 'unary' && expr.op === '-') {
    const inner = numberOf(expr.operand);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}
