import type { AnnotationValue } from '../generated/ast.js';
import { ConstNumber } from '../generated/ast.js';

/** The numeric value of a constraint, or undefined when it is not a number. */
export function constraintNumber(value: AnnotationValue | undefined): number | undefined {
  // By `$type` (a constant number has no subtype): asked of every constraint a check reads.
  if (value?.$type !== ConstNumber.$type) return undefined;
  const n = Number(value.value);
  return value.negative ? -n : n;
}
