import type { ErrorDecl, ErrorsClause, Parameter, ResponseClause } from '../generated/ast.js';
import { isBodyClause, isErrorDecl, isPathParam, isQueryParam } from '../generated/ast.js';

// What an endpoint's earlier items already hold: its checks compare each parameter, response
// and error with those listed before it (an endpoint has a few), instead of a map made for
// each endpoint, garbage for every one of thousands.

const THREE_DIGITS = /^\d{3}$/;
/** An error status range as written: a digit and two `x` of either case (`4XX`, `5xx`). */
export const STATUS_RANGE = /^\d[xX][xX]$/;

/** An HTTP status as written (three digits), or NaN for anything else (`2e2`, `20.0`). */
export function statusNumber(text: string | undefined): number {
  return text !== undefined && THREE_DIGITS.test(text) ? Number(text) : NaN;
}

/**
 * What an error's status is told apart by: its number, its range in upper case (`4XX`), or
 * `default`; undefined for a status reported as malformed.
 */
export function errorStatusKey(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  if (STATUS_RANGE.test(text)) return text.toUpperCase();
  if (text === 'default') return text;
  const status = statusNumber(text);
  return Number.isNaN(status) ? undefined : status;
}

/** The last of `responses[0..end)` whose status is the number `status`, or undefined. */
export function responseBefore(
  responses: readonly ResponseClause[],
  end: number,
  status: number,
): ResponseClause | undefined {
  for (let j = end - 1; j >= 0; j--) {
    const response = responses[j]!;
    if (statusNumber(response.status) === status) return response;
  }
  return undefined;
}

/** Where a parameter goes: the path, the query or a header. */
export function parameterKind(param: Parameter): 'path' | 'query' | 'header' {
  return isPathParam(param) ? 'path' : isQueryParam(param) ? 'query' : 'header';
}

/**
 * What `name` already names among `params[0..end)`: the body (a body clause takes the name
 * `body`, before any parameter so named), else the first parameter of that name, else undefined.
 */
export function labelBefore(
  params: readonly Parameter[],
  end: number,
  name: string,
): string | undefined {
  let first: Parameter | undefined;
  for (let j = 0; j < end; j++) {
    const param = params[j]!;
    if (isBodyClause(param)) {
      if (name === 'body') return 'the body';
    } else if (first === undefined && param.name === name) first = param;
  }
  return first === undefined ? undefined : `a ${parameterKind(first)} parameter`;
}

/** Whether `target` is listed by an errors clause before `clauses[c].errors[end]`. */
export function listedBefore(
  clauses: readonly ErrorsClause[],
  c: number,
  end: number,
  target: ErrorDecl,
): boolean {
  for (let i = 0; i <= c; i++) {
    const errors = clauses[i]!.errors;
    const stop = i === c ? end : errors.length;
    for (let j = 0; j < stop; j++) if (errors[j]!.ref === target) return true;
  }
  return false;
}

/**
 * Who already holds an error's `status` before `clauses[c].errors[end]`: the last error
 * listed before it with that status (by name, at its first place), else a response, else
 * undefined.
 */
export function statusHolderBefore(
  responses: readonly ResponseClause[],
  clauses: readonly ErrorsClause[],
  c: number,
  end: number,
  status: number | string,
): string | undefined {
  for (let i = c; i >= 0; i--) {
    const errors = clauses[i]!.errors;
    for (let j = (i === c ? end : errors.length) - 1; j >= 0; j--) {
      const target = errors[j]!.ref;
      // A name listed twice holds its status from its first place, not from its repeat.
      if (!target || !isErrorDecl(target) || errorStatusKey(target.status) !== status) continue;
      if (!listedBefore(clauses, i, j, target)) return `\`${target.name}\``;
    }
  }
  for (let i = 0; i < responses.length; i++)
    if (statusNumber(responses[i]!.status) === status) return 'a response';
  return undefined;
}
