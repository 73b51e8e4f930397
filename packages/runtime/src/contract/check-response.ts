import { essenceOf } from './body-codec.js';
import type { ApiResponse, BodyShape, EndpointContract } from './contract.js';
import type { Exchange } from './failures.js';
import { ContractViolation } from './failures.js';
import { headerValues, headerViolations } from './response-headers.js';
import { shapeForStatus } from './shape-for-status.js';

/** Whether a status is a success (2xx). */
export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function declaredStatuses(contract: EndpointContract): string {
  return contract.responses
    .map((shape) => (shape.error ? `${shape.status} ${shape.error}` : String(shape.status)))
    .join(', ');
}

function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return true; // in process: values, not bytes
  const media = essenceOf(contentType);
  return media === 'application/json' || media.endsWith('+json');
}

/**
 * What is wrong with a body offered under several media types, or undefined: over HTTP, the
 * content type must be one the status declares and the body must match that media type's
 * type; in process (no content type), the body must match one of them.
 */
function mediaBodyProblem(bodies: readonly BodyShape[], response: ApiResponse, where: string) {
  const declared = bodies.map((b) => b.mediaType).join(', ');
  const candidates =
    response.contentType === undefined
      ? bodies
      : bodies.filter((b) => essenceOf(b.mediaType) === essenceOf(response.contentType!));
  if (candidates.length === 0)
    return `${where} answered with content type ${response.contentType}, not one declared (${declared})`;
  const results = candidates.map((b) => (b.validate ? b.validate(response.body) : undefined));
  if (results.some((r) => r === undefined || r.ok)) return undefined;
  const first = results[0]!;
  return first.ok
    ? undefined
    : `the body of ${where} does not match its type: ${first.path}: ${first.message}`;
}

/** Hooks told of what a check saw: for coverage. */
export interface CheckObserver {
  /** An `ensures` clause (by index) was evaluated on a success response. */
  ensured?(endpoint: string, index: number, held: boolean): void;
}

/**
 * Checks an answer against its endpoint's contract: a declared status (a 2xx response or a
 * declared error), a JSON body that matches the status's type (constraints and invariants
 * included), the headers the status declares, and, on success, every `ensures`. Throws a {@link ContractViolation} naming what
 * failed; answers normally when the answer keeps the contract.
 */
export function checkResponse(
  contract: EndpointContract,
  request: Readonly<Record<string, unknown>>,
  response: ApiResponse,
  exchange: Exchange,
  observer: CheckObserver = {},
): void {
  const [first] = responseViolations(contract, request, response, exchange, observer, true);
  if (first !== undefined) throw first;
}

/**
 * Everything an answer breaks of its endpoint's contract, as {@link checkResponse} checks it:
 * an undeclared status, a body of another media type or shape, and every `ensures` that fails
 * (all of them, unless `firstOnly`). Empty for an answer that keeps the contract.
 */
export function responseViolations(
  contract: EndpointContract,
  request: Readonly<Record<string, unknown>>,
  response: ApiResponse,
  exchange?: Exchange,
  observer: CheckObserver = {},
  firstOnly = false,
): ContractViolation[] {
  const shape = shapeForStatus(contract.responses, response.status);
  const where = `${contract.method} ${contract.path}`;
  if (shape === undefined) {
    const detail = `${where} answered ${response.status}, which the spec does not declare (declared: ${declaredStatuses(contract)})`;
    const clause = { source: contract.name, at: contract.at };
    return [new ContractViolation('status', detail, clause, exchange)];
  }
  const what = shape.error ? `error ${shape.error}` : `response ${shape.status}`;
  if (shape.empty && response.body !== undefined) {
    const detail = `${where} answered ${response.status} with a body; the spec declares none (${what})`;
    return [new ContractViolation('body', detail, { source: what, at: contract.at }, exchange)];
  }
  if (shape.bodies !== undefined) {
    const problem = mediaBodyProblem(shape.bodies, response, `${where} (${what})`);
    if (problem !== undefined)
      return [new ContractViolation('body', problem, { source: what, at: contract.at }, exchange)];
  } else if (shape.validate !== undefined) {
    if (!isJson(response.contentType)) {
      const detail = `${where} answered ${response.status} with content type ${response.contentType}, not JSON`;
      return [new ContractViolation('body', detail, { source: what, at: contract.at }, exchange)];
    }
    const result = shape.validate(response.body);
    if (!result.ok) {
      const detail = `the body of ${where} (${what}) does not match its type: ${result.path}: ${result.message}`;
      return [new ContractViolation('body', detail, { source: what, at: contract.at }, exchange)];
    }
  }
  const headerProblems = headerViolations(shape, response, where, exchange);
  if (headerProblems.length > 0) return firstOnly ? headerProblems.slice(0, 1) : headerProblems;
  if (!isSuccess(response.status) || shape.error !== undefined) return [];
  const violations: ContractViolation[] = [];
  const headers = headerValues(shape, response);
  for (const [index, clause] of contract.ensures.entries()) {
    // Where the answer's headers cannot be seen, a clause that reads them cannot be judged.
    if (clause.readsHeaders && response.headers === undefined) continue;
    let held: boolean;
    try {
      held = clause.holds(request, response.body, headers);
    } catch (error) {
      observer.ensured?.(contract.name, index, false);
      const reason = error instanceof Error ? error.message : String(error);
      const detail = `ensures could not be evaluated (${reason})`;
      violations.push(new ContractViolation('ensures', detail, clause, exchange));
      if (firstOnly) break;
      continue;
    }
    observer.ensured?.(contract.name, index, held);
    if (held) continue;
    violations.push(new ContractViolation('ensures', `${where}: ensures failed`, clause, exchange));
    if (firstOnly) break;
  }
  return violations;
}
