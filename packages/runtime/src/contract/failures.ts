import type { ApiResponse, Clause } from './contract.js';

/** A request as sent, for reports: the endpoint, the method and path, and the request object. */
export interface SentRequest {
  readonly endpoint: string;
  readonly method: string;
  readonly path: string;
  readonly request: Readonly<Record<string, unknown>>;
  /** For a request that breaks the spec on purpose (the negative phase): how it breaks it. */
  readonly breaks?: string;
  /** The body's bytes, when they were sent as given (malformed JSON, another media type). */
  readonly rawBody?: { readonly text: string; readonly contentType: string };
}

/** One request and what came back (or why nothing did). */
export interface Exchange {
  readonly sent: SentRequest;
  readonly response?: ApiResponse;
  /** Why no response came: a timeout, a refused connection, a handler that threw. */
  readonly failure?: string;
}

/**
 * Thrown when a run cannot go on and must be discarded, not failed: a call's `requires` does not
 * hold for its arguments, or a step read the `value` of a failed `try` (as `fc.pre`).
 */
export class DiscardedRun extends Error {
  constructor(readonly reason: string) {
    super(`run discarded: ${reason}`);
    this.name = 'DiscardedRun';
  }
}

/**
 * A run discarded because a protected endpoint has no credentials to call it with: the reason
 * names the flag and the environment variable that would give them (never a value).
 */
export class MissingCredentials extends DiscardedRun {
  constructor(reason: string) {
    super(reason);
    this.name = 'MissingCredentials';
  }
}

/** What kind of rule an answer broke. */
export type ViolationKind =
  | 'error' // the verifier could not run the check (generation gave up, generated code threw)
  | 'status' // an undeclared status, or an error where a `let` call must succeed
  | 'body' // a body that does not match its declared type, constraints or invariants
  | 'header' // a declared response header that is absent, or does not match its type
  | 'request' // a request parameter or body that is missing or does not match its type
  | 'requires' // a request whose `requires` does not hold
  | 'ensures'
  | 'expect'
  | 'negative' // a request that breaks the spec was accepted (2xx) or crashed the server (5xx)
  | 'latency' // an endpoint's latency percentiles broke the spec's budget
  | 'pages' // a walk of every page went round (a cursor given twice), on and on, or lost its items
  | 'unreachable'; // no answer: timeout, connection refused or closed, a handler that threw

/**
 * Thrown when the implementation breaks the spec: the clause that failed (with its location),
 * what was wrong, and the exchange that showed it.
 */
export class ContractViolation extends Error {
  constructor(
    readonly kind: ViolationKind,
    readonly detail: string,
    readonly clause?: Clause,
    readonly exchange?: Exchange,
  ) {
    super(clause ? `${detail}: ${clause.source} (${clause.at})` : detail);
    this.name = 'ContractViolation';
  }
}

/** Thrown by a target that cannot reach the implementation at all (exit code 3 material). */
export class TargetUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetUnreachable';
  }
}
