import type { ValidationAcceptor } from 'langium';
import type { Expression } from '../generated/ast.js';
import type { SpeclType } from '../typing/specl-type.js';
import { stripOptional, typeToString } from '../typing/specl-type.js';
import { isAssignable } from '../typing/type-relations.js';
import { typeOf } from '../typing/type-of.js';
import { withArticle } from '../util/article.js';
import { report } from './report.js';

/** A short rendering of an expression's source, for messages. */
export function sourceOf(expr: Expression): string {
  // One line: a message is `path:line:col: ...` on a single line.
  const text = (expr.$cstNode?.text ?? '').replace(/\s+/g, ' ');
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
}

/** Reports an expression whose type is not the one its place needs. */
export function mismatch(
  accept: ValidationAcceptor,
  expr: Expression,
  expected: string,
  actual: SpeclType,
  hint = '',
): void {
  report(
    accept,
    'specl/type-mismatch',
    'expectedBut',
    { expected, sourceOf: sourceOf(expr), arg2: withArticle(typeToString(actual)), hint },
    { node: expr },
  );
}

/** Reports an expression that may be absent where a present value is needed. */
export function checkPresent(
  accept: ValidationAcceptor,
  expr: Expression,
  type: SpeclType,
): boolean {
  if (type.kind !== 'optional' && type.kind !== 'null') return true;
  report(
    accept,
    'specl/optional-access',
    'mayAbsentGive',
    { sourceOf: sourceOf(expr) },
    { node: expr },
  );
  return false;
}

/** Reports a value that does not fit the type its place (a field, a parameter) expects. */
export function checkAssignable(
  accept: ValidationAcceptor,
  value: Expression,
  expected: SpeclType,
  what: string,
): void {
  const actual = typeOf(value);
  if (!isAssignable(actual, expected))
    mismatch(accept, value, `${typeToString(stripOptional(expected))} for ${what}`, actual);
}
