import type { AnnotationValue } from '../generated/ast.js';
import { isConstNumber } from '../generated/ast.js';

/** The numeric value of a constraint, or undefined when it is not a number. */
export function constraintNumber(value: AnnotationValue | undefined): number | undefined {
  if (!isConstNumber(value)) return undefined;
  const n = Number(value.value);
  return value.negative ? -n : n;
}
