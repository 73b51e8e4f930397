import type { TypeIR } from '../../ir/spec-ir.js';

/**
 * Pieces of TypeScript code with their precedence, so that translations add parentheses only
 * where JavaScript needs them. Levels follow JavaScript's, loosest first.
 */

/** `a ?? b`: may not share a level with `&&` or `||` unparenthesised (see {@link mixesLogic}). */
export const COALESCE = 3;
/** `a || b`. */
export const OR = 4;
/** `a && b`. */
export const AND = 5;
/** `a < b` and the other orderings. */
export const RELATIONAL = 10;
/** `a + b`, `a - b`. */
export const ADDITIVE = 12;
/** `a * b`, `a / b`, `a % b`. */
export const MULTIPLICATIVE = 13;
/** `!a`, `-a`. */
export const UNARY = 15;
/** `a.b`, `a?.b`, `f(a)`, `a!`. */
export const POSTFIX = 17;
/** Literals, identifiers, `[...]`, `{...}`. */
export const PRIMARY = 20;

/** A translated sub-expression: its code, its precedence, and what is known of its type. */
export interface Code {
  readonly code: string;
  readonly prec: number;
  /** A `??` expression. */
  readonly coalesce?: boolean;
  /** An `&&` or `||` expression. */
  readonly logical?: boolean;
  /** The declared Specl type (names and field reads only). */
  readonly type?: TypeIR;
  /** Whether TypeScript types the value as possibly `null` or `undefined`. */
  readonly absentable?: boolean;
}

/** The code, parenthesised when it binds more loosely than `min`. */
export function wrap(code: Code, min: number): string {
  return code.prec < min ? `(${code.code})` : code.code;
}

/** A `??` operand of `&&` or `||` parenthesised (JavaScript rejects them mixed), else undefined. */
export function mixesLogic(code: Code): string | undefined {
  return code.coalesce ? `(${code.code})` : undefined;
}
