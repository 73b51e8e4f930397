import type { Constraint, TypeExpr } from '@specl/language';
import {
  annotationJson,
  builtinTypeOf,
  constantPrimitive,
  constraintNumber,
} from '@specl/language';
import type { ConstraintsIR, JsonValue, PrimitiveName, TypeIR } from '../ir/spec-ir.js';
import type { Built } from '../ir/built.js';

/** The annotations whose value is any JSON value, kept as written. */
const ANNOTATIONS_WITH_VALUES = new Set(['example', 'default', 'examples']);

/** The constraints written on one type reference. */
export function lowerConstraints(constraints: readonly Constraint[]): ConstraintsIR {
  const out: Record<string, JsonValue> = {};
  for (const constraint of constraints) {
    const value = constraint.value;
    if (ANNOTATIONS_WITH_VALUES.has(constraint.name)) {
      out[constraint.name] = annotationJson(value);
      continue;
    }
    const number = constraintNumber(value);
    if (number !== undefined) out[constraint.name] = number;
    // By `$type` (neither has a subtype: test/compiler/lowering-leaf-types.test.ts).
    else if (value?.$type === 'StringLiteral' || value?.$type === 'BooleanLiteral')
      out[constraint.name] = value.value;
  }
  return out as ConstraintsIR;
}

/** A type expression as the IR holds it: named types by name, constraints as written. */
export function lowerType(expr: TypeExpr | undefined): TypeIR {
  if (!expr) return { kind: 'primitive', name: 'String', constraints: {} };
  // By `$type`: a type reference has no subtype (test/compiler/lowering-leaf-types.test.ts).
  if (expr.$type !== 'TypeRef') {
    const options = expr.options.map(lowerType);
    // `A? | B` is `(A | B)?`, as the checker reads it.
    const plain = options.map((option) => (option.kind === 'nullable' ? option.inner : option));
    const union: TypeIR = { kind: 'union', options: plain };
    return options.some((option) => option.kind === 'nullable')
      ? { kind: 'nullable', inner: union }
      : union;
  }
  const constraints = lowerConstraints(expr.constraints);
  let type: TypeIR;
  if (expr.primitive)
    type = { kind: 'primitive', name: expr.primitive as PrimitiveName, constraints };
  else if (expr.constant) {
    const value = lowerConstraints([{ name: 'const', value: expr.constant } as Constraint]).const!;
    const name = constantPrimitive(expr.constant);
    // A spread alone, then the key (see `Built`): the same keys in the same order.
    const withConst: Built<ConstraintsIR> = { ...constraints };
    withConst.const = value;
    type = { kind: 'primitive', name, constraints: withConst };
  } else if (expr.collection === 'List')
    type = { kind: 'list', element: lowerType(expr.element), constraints };
  else if (expr.collection === 'Map')
    type = { kind: 'map', value: lowerType(expr.element), constraints };
  else {
    const builtin = builtinTypeOf(expr);
    type =
      builtin !== undefined
        ? { kind: 'primitive', name: builtin, constraints }
        : { kind: 'ref', name: expr.ref?.ref?.name ?? expr.ref?.$refText ?? '', constraints };
  }
  return expr.nullable ? { kind: 'nullable', inner: type } : type;
}
