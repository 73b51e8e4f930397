import type { ApiResponse, Credentials, EndpointContract, Target } from './contract.js';
import { inProcessAuth } from './credentials.js';
import { ContractViolation } from './failures.js';
import { handlerHeaders } from './response-headers.js';
import { cloneAsJson, cloneRequest } from './wire-clone.js';

/** An in-process implementation: one async method per endpoint, as `types.ts`'s `Handlers`. */
export type HandlerObject = object;

/**
 * A target that calls an in-process implementation's methods directly. The answer is cloned
 * as JSON would carry it ({@link cloneAsJson}), as a server would send it, so that an implementation cannot pass by returning
 * values JSON cannot carry (`undefined` fields, dates, NaN). A method that is missing, throws
 * or answers something that is not `{ status, body }` is a failure naming the endpoint.
 */
export function inProcessTarget(handlers: HandlerObject, credentials: Credentials = {}): Target {
  return {
    description: 'in-process',
    async send(
      endpoint: EndpointContract,
      request: Readonly<Record<string, unknown>>,
      options = {},
    ) {
      const method = (handlers as Record<string, unknown>)[endpoint.name];
      if (typeof method !== 'function')
        throw new ContractViolation(
          'unreachable',
          `the implementation has no method ${endpoint.name}`,
        );
      let answer: unknown;
      try {
        // A protected endpoint's handler gets `auth`, added here so that no report shows it.
        const auth = options.withoutCredentials ? undefined : inProcessAuth(endpoint, credentials);
        const sent = { ...cloneRequest(request), ...(auth && { auth }) };
        answer = await (method as (r: unknown) => unknown).call(handlers, sent);
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw new ContractViolation('unreachable', `${endpoint.name} threw ${reason}`);
      }
      return asResponse(endpoint, answer);
    },
  };
}

function asResponse(endpoint: EndpointContract, answer: unknown): ApiResponse {
  if (typeof answer !== 'object' || answer === null || !('status' in answer)) {
    throw new ContractViolation(
      'unreachable',
      `${endpoint.name} answered ${JSON.stringify(answer) ?? String(answer)}, not { status, body }`,
    );
  }
  const { status, body } = answer as { status: unknown; body?: unknown };
  if (typeof status !== 'number' || !Number.isInteger(status))
    throw new ContractViolation(
      'unreachable',
      `${endpoint.name} answered status ${String(status)}`,
    );
  // Headers as a server would write them: text, under their wire names.
  const headers = handlerHeaders(endpoint, status, (answer as { headers?: unknown }).headers);
  if (body === undefined) return { status, body, headers };
  // Raw bytes and text travel as they are; only JSON values are cloned through JSON.
  if (body instanceof Uint8Array) return { status, body: new Uint8Array(body), headers };
  try {
    return { status, body: cloneAsJson(body), headers };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContractViolation(
      'body',
      `${endpoint.name} answered a body JSON cannot carry (${reason})`,
    );
  }
}
