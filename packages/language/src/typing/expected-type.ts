import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Expression } from '../generated/ast.js';
import {
  isArgument,
  isBinaryExpr,
  isEnsuresClause,
  isExpect,
  isFieldInit,
  isForall,
  isInvariant,
  isListLiteral,
  isQuantifier,
  isRequiresClause,
  isUnaryExpr,
} from '../generated/ast.js';
import type { SpeclType } from './specl-type.js';
import { boolType, stripOptional, unknownType } from './specl-type.js';
import { fieldType } from './type-relations.js';
import { typeOf, typeOfNamedElement } from './type-of.js';

/**
 * Names whose enum is being inferred from their context right now. Inferring the other
 * operand of `a == b` may need `b`'s own context, which is `a`: such a loop means that no
 * context decides, and gives `unknown`.
 */
const inferring = new Set<AstNode>();

/** Runs `infer` for a node with the loop guard above. */
export function withContextGuard<T>(node: AstNode, infer: () => T): T {
  inferring.add(node);
  try {
    return infer();
  } finally {
    inferring.delete(node);
  }
}

function guardedTypeOf(expr: Expression): SpeclType {
  for (const node of inferring) {
    if (node === expr || AstUtils.hasContainerOfType(node, (n) => n === expr)) return unknownType;
  }
  return typeOf(expr);
}

/**
 * The type an expression's context expects it to have: the other operand of a comparison,
 * the element type of the list on the right of `in`, the type of a record literal's field or
 * of a call's parameter, `Bool` for a condition. It gives bare enum members and record
 * literals their types. `unknown` when the context does not say.
 */
export function expectedType(expr: Expression): SpeclType {
  const container = expr.$container;
  if (isBinaryExpr(container)) {
    const other = container.left === expr ? container.right : container.left;
    switch (container.op) {
      case 'and':
      case 'or':
      case 'implies':
        return boolType;
      case '==':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        return guardedTypeOf(other);
      case 'in': {
        if (container.left === expr) {
          const list = stripOptional(guardedTypeOf(other));
          return list.kind === 'list' ? list.element : unknownType;
        }
        return { kind: 'list', element: guardedTypeOf(other) };
      }
      case '??':
        return container.right === expr ? stripOptional(guardedTypeOf(other)) : unknownType;
      default:
        return unknownType;
    }
  }
  if (isListLiteral(container)) {
    const list = stripOptional(expectedType(container));
    return list.kind === 'list' ? list.element : unknownType;
  }
  if (isFieldInit(container)) {
    const field = container.field?.ref;
    return field ? fieldType(field) : unknownType;
  }
  if (isArgument(container)) {
    return typeOfNamedElement(container.parameter?.ref);
  }
  if (isUnaryExpr(container) && container.op === 'not') return boolType;
  if (isQuantifier(container)) return container.predicate === expr ? boolType : unknownType;
  if (
    isInvariant(container) ||
    isRequiresClause(container) ||
    isEnsuresClause(container) ||
    isExpect(container) ||
    isForall(container)
  ) {
    return boolType;
  }
  return unknownType;
}
