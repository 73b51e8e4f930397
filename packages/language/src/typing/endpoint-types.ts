import type { Endpoint, ErrorDecl } from '../generated/ast.js';
import { BodyClause, ErrorsClause, ResponseClause, isErrorDecl } from '../generated/ast.js';
import { firstOfType, nodesOfType } from '../util/by-type.js';
import { resolveTypeExpr } from './resolve-type.js';
import type { SpeclType } from './specl-type.js';
import { makeOptional, nullType } from './specl-type.js';

/** The errors an endpoint declares in its `errors` clauses. */
export function declaredErrors(endpoint: Endpoint): ErrorDecl[] {
  return nodesOfType<ErrorsClause>(endpoint.clauses, ErrorsClause.$type)
    .flatMap((clause) => clause.errors.map((ref) => ref?.ref))
    .filter(isErrorDecl);
}

/** A 2xx status (a module constant: a literal in the function was a new RegExp each call). */
const SUCCESS_STATUS = /^2\d\d$/;

/** Whether a response is a success (2xx): a 3xx is declared and checked, but no success. */
export function isSuccessResponse(clause: ResponseClause): boolean {
  return SUCCESS_STATUS.test(clause.status);
}

/**
 * The type of an endpoint's success response (`response` in `ensures`, a call's value): the
 * one 2xx response declared, or the union of several; 3xx responses are no success.
 */
export function responseType(endpoint: Endpoint): SpeclType {
  // One indexed pass over the clauses: it is asked for every `response` of a spec, and four
  // lists an answer (the responses, the 2xx ones, those with a type, their types) were most of
  // what typing allocated while linking.
  let successes = 0;
  let first: SpeclType | undefined;
  let types: SpeclType[] | undefined;
  const clauses = endpoint.clauses;
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    if (clause.$type !== ResponseClause.$type || !isSuccessResponse(clause as ResponseClause))
      continue;
    successes++;
    const typeExpr = (clause as ResponseClause).type;
    if (!typeExpr) continue;
    const type = resolveTypeExpr(typeExpr);
    if (first === undefined) first = type;
    else (types ??= [first]).push(type);
  }
  if (first === undefined) return nullType;
  const body: SpeclType = types ? { kind: 'union', options: types } : first;
  // A response without a body (`response 204`) means the body may be absent.
  return (types?.length ?? 1) < successes ? makeOptional(body) : body;
}

/** The type of an endpoint's request body, if it has one. */
export function bodyType(endpoint: Endpoint): SpeclType | undefined {
  const body = firstOfType<BodyClause>(endpoint.clauses, BodyClause.$type);
  return body ? resolveTypeExpr(body.type) : undefined;
}
