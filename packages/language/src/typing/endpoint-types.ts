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

/** Whether a response is a success (2xx): a 3xx is declared and checked, but no success. */
export function isSuccessResponse(clause: ResponseClause): boolean {
  return /^2\d\d$/.test(clause.status);
}

/**
 * The type of an endpoint's success response (`response` in `ensures`, a call's value): the
 * one 2xx response declared, or the union of several; 3xx responses are no success.
 */
export function responseType(endpoint: Endpoint): SpeclType {
  const responses = nodesOfType<ResponseClause>(endpoint.clauses, ResponseClause.$type).filter(
    isSuccessResponse,
  );
  const types = responses
    .filter((clause) => clause.type)
    .map((clause) => resolveTypeExpr(clause.type));
  if (types.length === 0) return nullType;
  const body: SpeclType = types.length === 1 ? types[0]! : { kind: 'union', options: types };
  // A response without a body (`response 204`) means the body may be absent.
  return types.length < responses.length ? makeOptional(body) : body;
}

/** The type of an endpoint's request body, if it has one. */
export function bodyType(endpoint: Endpoint): SpeclType | undefined {
  const body = firstOfType<BodyClause>(endpoint.clauses, BodyClause.$type);
  return body ? resolveTypeExpr(body.type) : undefined;
}
