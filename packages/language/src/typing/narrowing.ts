import type { AstNode } from 'langium';
import type { Expression } from '../generated/ast.js';
import {
  isBinaryExpr,
  isBodyRef,
  isMemberAccess,
  isNameRef,
  isNullLiteral,
  isResponseRef,
  isUnaryExpr,
} from '../generated/ast.js';
import type { SpeclType } from './specl-type.js';

const nodeIds = new WeakMap<AstNode, number>();
let nextId = 1;

/** A number that stands for a declaration, so that paths compare what names mean. */
function idOf(node: AstNode | undefined): string {
  if (!node) return '?';
  let id = nodeIds.get(node);
  if (id === undefined) nodeIds.set(node, (id = nextId++));

  return `#${id}`;
}

/**
 * The path an expression reads (`e.manager`, `body.note`), or undefined when it is not a
 * plain path. Two reads of one path see the same value, which is what narrowing relies on;
 * names are compared by what they resolve to, so a quantifier variable that shadows a name is
 * another path.
 */
function pathKey(expr: Expression): string | undefined {
  if (isNameRef(expr)) return idOf(expr.target?.ref);

  if (isBodyRef(expr)) return 'body';
  if (isResponseRef(expr)) return 'response';
  if (isMemberAccess(expr)) {
    const receiver = pathKey(expr.receiver);
    return receiver && `${receiver}.${expr.member.$refText}`;
  }
  return undefined;
}

function nullTested(expr: Expression, op: '==' | '!='): string | undefined {
  if (!isBinaryExpr(expr) || expr.op !== op) return undefined;
  if (isNullLiteral(expr.right)) return pathKey(expr.left);
  if (isNullLiteral(expr.left)) return pathKey(expr.right);
  return undefined;
}

/** The paths a condition proves present when it holds (`x != null`, `a and b`, `not (x == null)`). */
function presentWhenTrue(condition: Expression, out: Set<string>): void {
  const tested = nullTested(condition, '!=');
  if (tested) out.add(tested);
  if (isBinaryExpr(condition) && condition.op === 'and') {
    presentWhenTrue(condition.left, out);
    presentWhenTrue(condition.right, out);
  }
  if (isUnaryExpr(condition) && condition.op === 'not') presentWhenFalse(condition.operand, out);
}

/** The paths a condition proves present when it fails (`x == null`, `a or b`). */
function presentWhenFalse(condition: Expression, out: Set<string>): void {
  const tested = nullTested(condition, '==');
  if (tested) out.add(tested);
  if (isBinaryExpr(condition) && condition.op === 'or') {
    presentWhenFalse(condition.left, out);
    presentWhenFalse(condition.right, out);
  }
  if (isUnaryExpr(condition) && condition.op === 'not') presentWhenTrue(condition.operand, out);
}

// Where an expression ends: conditions outside it say nothing about it.
const statementTypes = new Set([
  'Invariant',
  'RequiresClause',
  'EnsuresClause',
  'Expect',
  'Forall',
  'Let',
  'PaginatedClause',
]);

/**
 * Narrows an optional path to present where the conditions around it prove it so: the right
 * side of `x != null and ...`, `x != null implies ...` and `x == null or ...`.
 */
export function narrowed(expr: Expression, type: SpeclType): SpeclType {
  if (type.kind !== 'optional') return type;
  const key = pathKey(expr);
  if (!key) return type;
  const present = new Set<string>();
  let child: AstNode = expr;
  for (
    let parent: AstNode | undefined = expr.$container;
    parent;
    child = parent, parent = parent.$container
  ) {
    if (statementTypes.has(parent.$type)) break;
    if (isBinaryExpr(parent) && parent.right === child) {
      if (parent.op === 'and' || parent.op === 'implies') presentWhenTrue(parent.left, present);
      if (parent.op === 'or') presentWhenFalse(parent.left, present);
    }
  }
  return present.has(key) ? type.inner : type;
}
