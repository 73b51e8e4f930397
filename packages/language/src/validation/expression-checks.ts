import { inPaginatedClause } from './pagination-checks.js';
import type { ValidationAcceptor } from 'langium';
import type {
  BinaryExpr,
  BuiltinCall,
  Expression,
  ListLiteral,
  MemberAccess,
  NameRef,
  UnaryExpr,
  Quantifier,
  BodyRef,
  ResponseRef,
} from '../generated/ast.js';
import {
  AliasDecl,
  BodyClause,
  Endpoint,
  EnsuresClause,
  EnumDecl,
  ErrorDecl,
  Property,
  RecordDecl,
  RequiresClause,
  isEndpoint,
  isMemberAccess,
  isEnumDecl,
  isStringLiteral,
  isResponseRef,
} from '../generated/ast.js';
import { containerOfType, firstOfType } from '../util/by-type.js';
import type { SpeclType } from '../typing/specl-type.js';
import {
  boolType,
  isNumeric,
  isStringLike,
  stripOptional,
  typeToString,
} from '../typing/specl-type.js';
import { isAssignable, isComparable, isOrdered, joinTypes } from '../typing/type-relations.js';
import { joinElements, typeOf } from '../typing/type-of.js';
import { regexProblem } from './constraint-checks.js';
import { describeDeclaration } from './declaration-checks.js';
import { report } from './report.js';
import { checkPresent, mismatch, sourceOf } from './expression-report.js';
import { withArticle } from '../util/article.js';
import { isResponseHeadersRef, successHeaders } from '../typing/response-header-reads.js';

/**
 * The expression type checker: every operator, call and literal is checked against the
 * types of its operands, and every mistake is reported at the sub-expression that makes it.
 */
export class ExpressionChecks {
  /** A condition (`invariant`, `requires`, `ensures`, `where`, `expect`) must be a Bool. */
  checkCondition(expr: Expression | undefined, accept: ValidationAcceptor): void {
    if (!expr) return;
    const type = typeOf(expr);
    if (type.kind === 'unknown') return;
    if (!isAssignable(type, boolType)) mismatch(accept, expr, 'a condition (Bool)', type);
  }

  checkBinary(expr: BinaryExpr, accept: ValidationAcceptor): void {
    const left = typeOf(expr.left);
    const right = typeOf(expr.right);
    switch (expr.op) {
      case 'and':
      case 'or':
      case 'implies':
        // Each side in turn, without a list of them for every `and`.
        if (!isAssignable(left, boolType)) {
          mismatch(accept, expr.left, `a Bool on each side of \`${expr.op}\``, left);
        }
        if (!isAssignable(right, boolType)) {
          mismatch(accept, expr.right, `a Bool on each side of \`${expr.op}\``, right);
        }
        return;
      case '==':
      case '!=':
        if (!isComparable(left, right)) {
          mismatch(
            accept,
            expr.right,
            `a value comparable with ${withArticle(typeToString(left))}`,
            right,
          );
        }
        return;
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (!checkPresent(accept, expr.left, left) || !checkPresent(accept, expr.right, right))
          return;
        if (!isOrdered(left, right)) {
          const orderable = isNumeric(left) || isStringLike(left);
          if (!orderable)
            mismatch(
              accept,
              expr.left,
              `a number, string or date on each side of \`${expr.op}\``,
              left,
            );
          else
            mismatch(
              accept,
              expr.right,
              `a value ordered like ${withArticle(typeToString(left))}`,
              right,
            );
        }
        return;
      case 'in': {
        const list = stripOptional(right);
        if (list.kind === 'unknown') return;
        if (list.kind !== 'list') {
          mismatch(accept, expr.right, 'a list on the right of `in`', right);
          return;
        }
        if (!isComparable(left, list.element)) {
          mismatch(
            accept,
            expr.left,
            `a value comparable with the list's ${typeToString(list.element)} elements`,
            left,
          );
        }
        return;
      }
      case '??':
        if (left.kind !== 'optional' && left.kind !== 'null' && left.kind !== 'unknown') {
          report(
            accept,
            'specl/redundant-optional-chain',
            'neverAbsentSo',
            { sourceOf: sourceOf(expr.left) },
            {
              node: expr,
              property: 'op',
            },
          );
          return;
        }
        if (joinTypes(stripOptional(left), right) === undefined) {
          mismatch(
            accept,
            expr.right,
            `a default of the same type as \`${sourceOf(expr.left)}\` (${typeToString(stripOptional(left))})`,
            right,
          );
        }
        return;
      case '+':
        if (isStringLike(stripOptional(left)) && isStringLike(stripOptional(right))) {
          if (checkPresent(accept, expr.left, left)) checkPresent(accept, expr.right, right);
          return;
        }
        this.checkArithmetic(expr, left, right, accept);
        return;
      default:
        this.checkArithmetic(expr, left, right, accept);
    }
  }

  private checkArithmetic(
    expr: BinaryExpr,
    left: SpeclType,
    right: SpeclType,
    accept: ValidationAcceptor,
  ): void {
    for (const [operand, type] of [
      [expr.left, left],
      [expr.right, right],
    ] as const) {
      if (type.kind === 'unknown') continue;
      if (!checkPresent(accept, operand, type)) continue;
      if (!isNumeric(type))
        mismatch(accept, operand, `a number on each side of \`${expr.op}\``, type);
    }
    if (expr.op === '%' && isNumeric(left) && isNumeric(right)) {
      for (const [operand, type] of [
        [expr.left, left],
        [expr.right, right],
      ] as const) {
        if (type.kind === 'primitive' && type.name === 'Float')
          mismatch(accept, operand, 'an Int on each side of `%`', type);
      }
    }
  }

  checkUnary(expr: UnaryExpr, accept: ValidationAcceptor): void {
    const type = typeOf(expr.operand);
    if (type.kind === 'unknown') return;
    if (expr.op === 'not') {
      if (!isAssignable(type, boolType)) mismatch(accept, expr.operand, 'a Bool after `not`', type);
    } else if (checkPresent(accept, expr.operand, type) && !isNumeric(type)) {
      mismatch(accept, expr.operand, 'a number after `-`', type);
    }
  }

  checkMemberAccess(expr: MemberAccess, accept: ValidationAcceptor): void {
    const receiver = typeOf(expr.receiver);
    // `.x` of a bodyless `response` is reported once, at the name (specl/bodyless-response-read).
    const bodyless = receiver.kind === 'null' && isResponseRef(expr.receiver);
    if (!expr.optional && !bodyless && (receiver.kind === 'optional' || receiver.kind === 'null')) {
      report(
        accept,
        'specl/optional-access',
        'mayAbsentWrite',
        { sourceOf: sourceOf(expr.receiver), memberRefText: expr.member.$refText },
        { node: expr, property: 'member' },
      );
    }
    if (
      expr.optional &&
      receiver.kind !== 'optional' &&
      receiver.kind !== 'null' &&
      receiver.kind !== 'unknown'
    ) {
      report(
        accept,
        'specl/redundant-optional-chain',
        'neverAbsentWrite',
        { sourceOf: sourceOf(expr.receiver) },
        {
          node: expr,
          property: 'optional',
        },
      );
    }
  }

  checkNameRef(expr: NameRef, accept: ValidationAcceptor): void {
    const target = expr.target.ref;
    if (!target) return;
    const usedAsQualifier = isMemberAccess(expr.$container) && expr.$container.receiver === expr;
    // By `$type` (none of these declarations has a subtype): most names are of fields and
    // parameters, answered in one read instead of six questions to the reflection.
    const type: string = target.$type;
    if (isResponseHeadersRef(expr)) {
      if (!usedAsQualifier) {
        const first = successHeaders(target as Endpoint)[0]?.name;
        const fix = first ? `, such as \`headers.${first}\`` : '';
        report(accept, 'specl/invalid-response-header-read', 'whole', { fix }, { node: expr });
      }
    } else if (type === Endpoint.$type || type === Property.$type) {
      const hint = isEndpoint(target)
        ? `; call it in a property's \`let\`: \`let x = ${target.name}(...)\``
        : '';
      report(
        accept,
        'specl/not-a-value',
        'default',
        { targetName: target.name, describeDeclaration: describeDeclaration(target), hint },
        { node: expr },
      );
    } else if (
      type === RecordDecl.$type ||
      type === AliasDecl.$type ||
      type === ErrorDecl.$type ||
      (type === EnumDecl.$type && !usedAsQualifier)
    ) {
      const first = isEnumDecl(target) ? target.members[0]?.name : undefined;
      const hint = !isEnumDecl(target)
        ? ''
        : first
          ? `; name one of its members, such as \`${target.name}.${first}\``
          : '; it has no members yet';
      report(
        accept,
        'specl/not-a-value',
        'default',
        { targetName: target.name, describeDeclaration: describeDeclaration(target), hint },
        { node: expr },
      );
    }
  }

  checkBodyRef(expr: BodyRef, accept: ValidationAcceptor): void {
    const endpoint = containerOfType<Endpoint>(expr, Endpoint.$type);
    if (!endpoint) {
      report(accept, 'specl/misplaced-expression', 'bodyOnlyUsed', {}, { node: expr });
    } else if (!firstOfType(endpoint.clauses, BodyClause.$type)) {
      report(
        accept,
        'specl/misplaced-expression',
        'endpointNoBody',
        { endpointName: endpoint.name },
        { node: expr },
      );
    }
  }

  checkResponseRef(expr: ResponseRef, accept: ValidationAcceptor): void {
    if (containerOfType(expr, RequiresClause.$type)) {
      report(accept, 'specl/misplaced-expression', 'responseKnownYet', {}, { node: expr });
    } else if (!containerOfType(expr, EnsuresClause.$type) && !inPaginatedClause(expr)) {
      report(accept, 'specl/misplaced-expression', 'responseOnlyUsed', {}, { node: expr });
    }
  }

  checkQuantifier(expr: Quantifier, accept: ValidationAcceptor): void {
    // The predicate is a condition whatever the collection is.
    this.checkCondition(expr.predicate, accept);
    const collection = typeOf(expr.collection);
    if (collection.kind === 'unknown' || !checkPresent(accept, expr.collection, collection)) return;
    if (collection.kind !== 'list') {
      const where = `a list after \`${expr.kind} ${expr.variable?.name} in\``;
      mismatch(accept, expr.collection, where, collection);
    }
  }

  checkBuiltinCall(expr: BuiltinCall, accept: ValidationAcceptor): void {
    const arity = expr.name === 'len' ? 1 : 2;
    if (expr.args.length !== arity) {
      const usage = expr.name === 'len' ? '`len(value)`' : '`matches(text, "regex")`';
      report(
        accept,
        'specl/type-mismatch',
        'takesArgument',
        { exprName: expr.name, arity, arg2: arity > 1 ? 's' : '', usage },
        {
          node: expr,
          property: 'name',
        },
      );
      return;
    }
    const first = expr.args[0]!;
    const type = typeOf(first);
    if (type.kind === 'unknown' || !checkPresent(accept, first, type)) return;
    if (expr.name === 'len') {
      if (!isStringLike(type) && type.kind !== 'list' && type.kind !== 'map')
        mismatch(accept, first, 'a string, list or map for `len`', type);
      return;
    }
    if (!isStringLike(type)) mismatch(accept, first, 'a string to match', type);
    const pattern = expr.args[1]!;
    if (!isStringLiteral(pattern)) {
      report(accept, 'specl/type-mismatch', 'regularExpressionMatches', {}, { node: pattern });
      return;
    }
    const problem = regexProblem(pattern.value);
    if (problem)
      report(
        accept,
        'specl/invalid-pattern',
        'default',
        { problem },
        {
          node: pattern,
        },
      );
  }

  checkListLiteral(expr: ListLiteral, accept: ValidationAcceptor): void {
    const types = expr.items.map(typeOf);
    const { mismatch: index } = joinElements(types);
    if (index === undefined) return;
    const before = joinElements(types.slice(0, index)).type;
    mismatch(
      accept,
      expr.items[index]!,
      `an element like the others (${typeToString(before)})`,
      types[index]!,
    );
  }
}
