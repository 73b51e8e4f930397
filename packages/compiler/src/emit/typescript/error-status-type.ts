import type { EndpointIR, ErrorIR, SpecIR } from '../../ir/spec-ir.js';
import type { RuntimeImports } from './runtime-imports.js';

/** The exact statuses an endpoint answers: its responses', its errors', and a 401 it adds. */
function exactStatuses(endpoint: EndpointIR, ir: SpecIR, adds401: boolean): number[] {
  const statuses = new Set(endpoint.responses.map((response) => response.status));
  for (const name of endpoint.errors) {
    const decl = ir.types.find((type) => type.name === name);
    if (decl?.kind === 'error' && typeof decl.status === 'number') statuses.add(decl.status);
  }
  if (adds401) statuses.add(401);
  return [...statuses].sort((a, b) => a - b);
}

/**
 * The TypeScript type of an error's `status` in an endpoint's result: the number for an exact
 * status; for a range, the concrete statuses of its class the endpoint does not declare
 * exactly (`Exclude<ClientErrorStatus, 404>`), since a handler names the status it answers;
 * `number` for `default`.
 */
export function errorStatusType(
  decl: ErrorIR,
  endpoint: EndpointIR,
  ir: SpecIR,
  adds401: boolean,
  imports: RuntimeImports,
): string {
  if (typeof decl.status === 'number') return String(decl.status);
  if (decl.status === 'default') return 'number';
  const digit = Number(decl.status[0]);
  const range = imports.type(digit === 4 ? 'ClientErrorStatus' : 'ServerErrorStatus');
  const taken = exactStatuses(endpoint, ir, adds401).filter(
    (status) => Math.floor(status / 100) === digit,
  );
  return taken.length === 0 ? range : `Exclude<${range}, ${taken.join(' | ')}>`;
}
