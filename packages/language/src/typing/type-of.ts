import type { AstNode } from 'langium';
import type { BinaryExpr, Expression, MemberAccess, NameRef } from '../generated/ast.js';
import {
  AliasDecl,
  BodyClause,
  EnumDecl,
  Endpoint,
  EnumMember,
  ErrorDecl,
  Field,
  ForallVar,
  HeaderParam,
  Let,
  PathParam,
  QuantifierVar,
  QueryParam,
  RecordDecl,
  ResponseHeader,
  isEnumDecl,
  isQuantifier,
  isEndpointCall,
} from '../generated/ast.js';
import { isBuiltinNode } from '../workspace/builtins.js';
import { containerOfType } from '../util/by-type.js';
import type { SpeclType } from './specl-type.js';
import {
  boolType,
  floatType,
  intType,
  isNumeric,
  isStringLike,
  makeOptional,
  nullType,
  stringType,
  stripOptional,
  unknownType,
} from './specl-type.js';
import { fieldType, joinTypes } from './type-relations.js';
import { narrowed } from './narrowing.js';
import { findField } from './records.js';
import { workspaceMemo } from './workspace-memo.js';
import { bodyType, declaredErrors, responseType } from './endpoint-types.js';
import { expectedType } from './expected-type.js';
import { resolveTypeExpr } from './resolve-type.js';
import { pagesType } from './pagination.js';
import { isResponseHeadersRef, responseHeaderType } from './response-header-reads.js';

/** The type of a parameter, field, `let` or variable a name can stand for. */
export function typeOfNamedElement(target: AstNode | undefined): SpeclType {
  // By `$type` (none of these types has a subtype): one read instead of a question to the
  // reflection for each kind tried, for every name and member the checks type.
  switch (target?.$type) {
    case Field.$type:
      return fieldType(target as Field);
    case PathParam.$type:
    case BodyClause.$type:
    case ForallVar.$type:
      return resolveTypeExpr((target as PathParam | BodyClause | ForallVar).type);
    case QueryParam.$type:
    case HeaderParam.$type: {
      const parameter = target as QueryParam | HeaderParam;
      const type = resolveTypeExpr(parameter.type);
      return parameter.optional ? makeOptional(type) : type;
    }
    case Let.$type:
      return typeOfLet(target as Let);
    case QuantifierVar.$type: {
      const quantifier = target!.$container;
      if (!isQuantifier(quantifier)) return unknownType;
      const collection = stripOptional(typeOf(quantifier.collection));
      return collection.kind === 'list' ? collection.element : unknownType;
    }
    case EnumMember.$type: {
      const decl = target!.$container;
      return isEnumDecl(decl) ? { kind: 'enum', decl } : unknownType;
    }
    case EnumDecl.$type:
    case RecordDecl.$type:
    case AliasDecl.$type:
    case ErrorDecl.$type:
      return { kind: 'typeName', decl: target as EnumDecl | RecordDecl | AliasDecl | ErrorDecl };
    default:
      return unknownType;
  }
}

/** The type of what a `let` binds: the response, an outcome for `try`, all items for `pages`. */
export function typeOfLet(binding: Let): SpeclType {
  if (binding.pages)
    return pagesType(isEndpointCall(binding.value) ? binding.value.endpoint?.ref : undefined);
  const value = typeOf(binding.value);
  if (!binding.try) return value;
  const endpoint = isEndpointCall(binding.value) ? binding.value.endpoint?.ref : undefined;
  return { kind: 'outcome', value, errors: endpoint ? declaredErrors(endpoint) : [] };
}

const cache = workspaceMemo<AstNode, SpeclType>();

// What the memo holds for an expression whose type is being computed: a type that depends on
// itself (two record literals compared with each other, each typed by the other) is unknown.
// A mark in the memo rather than a set of its own: one search of the memo instead of three of a
// set for every expression typed.
const COMPUTING: SpeclType = { kind: 'unknown' };

/** The static type of an expression (memoised until the workspace changes). */
export function typeOf(expr: Expression | undefined): SpeclType {
  if (!expr) return unknownType;
  // A literal's type is read off it, not memoised: no search of its stamp and of the memo, and
  // a memo smaller by the 7,300 number literals of N = 5,000.
  const literal = literalType(expr);
  if (literal !== undefined) return literal;
  // One search of the expression's stamp for the look-up and the result (computing it cannot
  // end the generation: that takes a change to the workspace, which no type computation makes).
  const results = cache.resultsOf(expr);
  const cached = results.get(expr);
  if (cached !== undefined) return cached === COMPUTING ? unknownType : cached;
  results.set(expr, COMPUTING);
  let type: SpeclType;
  try {
    type = narrowed(expr, computeTypeOf(expr));
  } catch (error) {
    // Not memoised: the next call computes it again, as before.
    results.delete(expr);
    throw error;
  }
  results.set(expr, type);
  return type;
}

/** What makes a number literal a float (a module constant: a literal is a new RegExp each time). */
const FLOAT_MARK = /[.eE]/;

/** The type of a literal number, string, boolean or null; undefined for other expressions. */
function literalType(expr: Expression): SpeclType | undefined {
  switch (expr.$type) {
    case 'NumberLiteral':
      return FLOAT_MARK.test(expr.value) ? floatType : intType;
    case 'StringLiteral':
      return stringType;
    case 'BooleanLiteral':
      return boolType;
    case 'NullLiteral':
      return nullType;
    default:
      return undefined;
  }
}

function computeTypeOf(expr: Expression): SpeclType {
  switch (expr.$type) {
    case 'NumberLiteral':
    case 'StringLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return literalType(expr)!;
    case 'ListLiteral':
      return { kind: 'list', element: joinElements(expr.items.map(typeOf)).type };
    case 'RecordLiteral':
      return expectedRecordOf(expr);
    case 'NameRef':
      return typeOfNameRef(expr);
    case 'BodyRef': {
      const endpoint = containerOfType<Endpoint>(expr, Endpoint.$type);
      return (endpoint && bodyType(endpoint)) ?? unknownType;
    }
    case 'ResponseRef': {
      const endpoint = containerOfType<Endpoint>(expr, Endpoint.$type);
      return endpoint ? responseType(endpoint) : unknownType;
    }
    case 'MemberAccess':
      return typeOfMember(expr);
    case 'UnaryExpr':
      return expr.op === 'not' ? boolType : numericResult(typeOf(expr.operand), intType);
    case 'BinaryExpr':
      return typeOfBinary(expr);
    case 'Quantifier':
      return boolType;
    case 'BuiltinCall':
      return expr.name === 'len' ? intType : boolType;
    case 'EndpointCall': {
      const endpoint = expr.endpoint?.ref;
      return endpoint ? responseType(endpoint) : unknownType;
    }
  }
}

/**
 * The element type of a list literal: its items' types joined. At the first item that does not
 * join (reported there by the checker) the element type becomes and stays unknown.
 */
export function joinElements(types: readonly SpeclType[]): { type: SpeclType; mismatch?: number } {
  let joined: SpeclType = unknownType;
  for (const [index, type] of types.entries()) {
    const next = joinTypes(joined, type);
    if (!next) return { type: unknownType, mismatch: index };
    joined = next;
  }
  return { type: joined };
}

function typeOfNameRef(expr: NameRef): SpeclType {
  // A type's name is only meaningful as a qualifier (`Status.active`); elsewhere it is reported
  // as not a value, and has no type. So is `headers`, read one header at a time.
  const qualifier =
    expr.$container.$type === 'MemberAccess' && (expr.$container as MemberAccess).receiver === expr;
  if (isResponseHeadersRef(expr)) {
    const endpoint = expr.target.ref as Endpoint;
    return qualifier ? { kind: 'responseHeaders', endpoint } : unknownType;
  }
  const type = typeOfNamedElement(expr.target?.ref);
  return type.kind === 'typeName' && !qualifier ? unknownType : type;
}

function typeOfMember(expr: MemberAccess): SpeclType {
  // A reference is missing from a node the parser recovered (`response. == open`).
  const member = expr.member?.ref;
  if (!member) return unknownType;
  let type: SpeclType;
  // By `$type`, as in typeOfNamedElement.
  const memberType = member.$type;
  if (memberType === Field.$type && isBuiltinNode(member)) {
    type = outcomeMemberType(typeOf(expr.receiver), (member as Field).name);
  } else if (memberType === EnumMember.$type && isEnumDecl(member.$container)) {
    type = { kind: 'enum', decl: member.$container };
  } else if (memberType === ResponseHeader.$type) {
    const receiver = typeOf(expr.receiver);
    type =
      receiver.kind === 'responseHeaders'
        ? responseHeaderType(receiver.endpoint, member.name)
        : unknownType;
  } else {
    type =
      unionMemberType(stripOptional(typeOf(expr.receiver)), member.name) ??
      typeOfNamedElement(member);
  }
  // `a?.b` is absent when `a` is; on a value that is never absent it is just `a.b`.
  const receiverMayBeAbsent = ['optional', 'null'].includes(typeOf(expr.receiver).kind);
  return expr.optional && receiverMayBeAbsent ? makeOptional(stripOptional(type)) : type;
}

/**
 * The type of a field read from a union of records: the field's type in every option, joined
 * (`A { f: Int } | B { f: Float }` gives Float), or their union when they do not join.
 */
function unionMemberType(receiver: SpeclType, name: string): SpeclType | undefined {
  if (receiver.kind !== 'union') return undefined;
  const types = receiver.options.map((option) => {
    const field = option.kind === 'record' ? findField(option.decl, name) : undefined;
    return field ? fieldType(field) : unknownType;
  });
  let joined: SpeclType | undefined = unknownType;
  for (const type of types) joined = joined && joinTypes(joined, type);
  return joined ?? { kind: 'union', options: types };
}

function outcomeMemberType(receiver: SpeclType, name: string): SpeclType {
  const outcome = stripOptional(receiver);
  if (outcome.kind !== 'outcome') return unknownType;
  switch (name) {
    case 'ok':
      return boolType;
    case 'status':
      return intType;
    case 'value':
      return outcome.value;
    case 'error': {
      const errors = outcome.errors.map((decl): SpeclType => ({ kind: 'record', decl }));
      if (errors.length === 0) return unknownType;
      return errors.length === 1 ? errors[0]! : { kind: 'union', options: errors };
    }
    default:
      return unknownType;
  }
}

function typeOfBinary(expr: BinaryExpr): SpeclType {
  switch (expr.op) {
    case 'and':
    case 'or':
    case 'implies':
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
    case 'in':
      return boolType;
    case '??': {
      // The default stands in for an absent left side: `null ?? 1` is an Int.
      const left = typeOf(expr.left);
      const right = typeOf(expr.right);
      if (left.kind === 'null') return right;
      return joinTypes(stripOptional(left), right) ?? stripOptional(left);
    }

    case '+': {
      const left = stripOptional(typeOf(expr.left));
      const right = stripOptional(typeOf(expr.right));
      // Two strings (of any format) concatenate to a plain String.
      if (isStringLike(left) && isStringLike(right)) return stringType;
      return numericResult(left, right);
    }

    case '/':
      return numericResult(typeOf(expr.left), typeOf(expr.right)).kind === 'unknown'
        ? unknownType
        : floatType;
    default:
      return numericResult(typeOf(expr.left), typeOf(expr.right));
  }
}

/** `Int` when both operands are `Int`, otherwise `Float`; unknown stays unknown. */
function numericResult(left: SpeclType, right: SpeclType): SpeclType {
  const a = stripOptional(left);
  const b = stripOptional(right);
  // A non-numeric operand is reported where it stands; the result is then unknown.
  if (!isNumeric(a) || !isNumeric(b)) return unknownType;
  if (a.kind === 'primitive' && a.name === 'Int' && b.kind === 'primitive' && b.name === 'Int')
    return intType;
  return floatType;
}

function expectedRecordOf(expr: Expression): SpeclType {
  const expected = stripOptional(expectedType(expr));
  return expected.kind === 'record' ? expected : unknownType;
}
