import type { EndpointContract } from './contract.js';
import type { ParameterProblem } from './decode-request.js';
import type { Exchange } from './failures.js';
import { ContractViolation } from './failures.js';

const PLACE_NAMES = { path: 'path parameter', query: 'query parameter', header: 'header' };

/**
 * Everything a request breaks of its endpoint's contract: parameters that are missing or do not
 * match their types (as {@link decodeRequest} found them), a body that does not match its type
 * (constraints and invariants included), and, when all of those hold, every `requires` that
 * does not. Empty for a request the server must handle.
 */
export function requestViolations(
  contract: EndpointContract,
  request: Readonly<Record<string, unknown>>,
  problems: readonly ParameterProblem[],
  exchange?: Exchange,
): ContractViolation[] {
  const where = `${contract.method} ${contract.path}`;
  const violations = problems.map((problem) => {
    const what = `${PLACE_NAMES[problem.place]} ${problem.shape.wireName}`;
    const detail =
      problem.message === 'missing'
        ? `${where}: the request has no ${what}, which the spec requires`
        : `${where}: the ${what} does not match its type: ${problem.message}`;
    return new ContractViolation('request', detail, { source: what, at: contract.at }, exchange);
  });
  if (contract.hasBody && contract.validateBody !== undefined) {
    const result = contract.validateBody(request['body']);
    if (!result.ok) {
      const detail = `${where}: the request body does not match its type: ${result.path}: ${result.message}`;
      violations.push(
        new ContractViolation('request', detail, { source: 'body', at: contract.at }, exchange),
      );
    }
  }
  if (violations.length > 0) return violations; // `requires` reads values of the declared types
  for (const clause of contract.requires) {
    let held: boolean;
    try {
      held = clause.holds(request);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const detail = `${where}: requires could not be evaluated (${reason})`;
      violations.push(new ContractViolation('requires', detail, clause, exchange));
      continue;
    }
    if (!held)
      violations.push(
        new ContractViolation('requires', `${where}: requires does not hold`, clause, exchange),
      );
  }
  return violations;
}
