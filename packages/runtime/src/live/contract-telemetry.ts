import type { ContractViolation } from '../contract/failures.js';
import type { CompiledContract } from './exchange-checker.js';

/** One request as telemetry sees it: where it went, and (once answered) its status. */
export interface RequestFacts {
  readonly method: string;
  /** The request's path and query, as sent. */
  readonly url: string;
  /** The endpoint's name, or `undefined` for a request the spec does not declare. */
  readonly endpoint?: string;
  /** The endpoint's path template: `/employees/{id}`. */
  readonly route?: string;
}

/** The telemetry of one request: violations as they are found, then its end. */
export interface RequestTelemetry {
  violation(violation: ContractViolation): void;
  /** The request is answered (`status`) or was abandoned (`undefined`), after `seconds`. */
  end(status: number | undefined, seconds: number): void;
}

/**
 * Where a monitor or the proxy reports requests: spans, events and metrics. The OpenTelemetry
 * one is `openTelemetry()` of `@specl/runtime/otel`; without one, nothing is reported but
 * through `onViolation`.
 */
export interface ContractTelemetry {
  start(contract: CompiledContract, facts: RequestFacts): RequestTelemetry;
}
