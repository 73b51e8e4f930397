import type { PageWalk } from './page-walk.js';
import type { Arbitrary } from 'fast-check';
import type { Validator } from '../validation-result.js';

/** A condition of the spec, as written and where: `body.days > 0` at `vacation.specl:76:3`. */
export interface Clause {
  /** The condition as the spec writes it. */
  readonly source: string;
  /** Where the spec writes it: `vacation.specl:76:3`. */
  readonly at: string;
}

/** A `requires` clause: a condition on the request. */
export interface Requirement<Request> extends Clause {
  holds(request: Request): boolean;
}

/**
 * An `ensures` clause: a condition on a success response and its request, and on the answer's
 * headers when it reads them (`headers.remaining`): the headers its status declares, by Specl
 * name, each read as its type (see {@link headerValues}).
 */
export interface Guarantee<Request, Response> extends Clause {
  /** The clause reads the answer's headers, so it cannot be judged where they cannot be seen. */
  readonly readsHeaders?: true;
  holds(request: Request, response: Response, headers: Readonly<Record<string, unknown>>): boolean;
}

/** A parameter of an endpoint: its name in the request object and on the wire. */
export interface ParameterShape {
  readonly name: string;
  readonly wireName: string;
  readonly optional: boolean;
  /** Checks a value of the parameter against its declared type (constraints included). */
  readonly validate?: Validator;
}

/** How a body of a media type travels (see the language reference, "Media types and bodies"). */
export type MediaKind = 'json' | 'text' | 'form' | 'multipart' | 'bytes';

/** A body under one media type: how it travels and, when it has one, its validator. */
export interface BodyShape {
  readonly mediaType: string;
  readonly kind: MediaKind;
  readonly validate?: Validator;
}

/**
 * A status an error covers other than one exact status: a range (`4XX`, `5XX`) or `default`
 * (every status the endpoint declares neither exactly nor by a range).
 */
export type StatusPattern = '4XX' | '5XX' | 'default';

/**
 * A header an answer carries (`with NAME` on a response or an error): its Specl name, its wire
 * name, whether it may be absent, its validator, and the spec's words for it.
 */
export interface ResponseHeaderShape extends ParameterShape {
  /** The header as the spec declares it, and where: for violations to name. */
  readonly clause: Clause;
}

/** What a status of an endpoint answers with: the body's validator, or none for no body. */
export interface ResponseShape {
  /** The exact status, or for an error a range or `default` (see {@link shapeForStatus}). */
  readonly status: number | StatusPattern;
  /** The declared error's name, for a non-2xx status. */
  readonly error?: string;
  readonly validate?: Validator;
  /** The bodies by media type, when the status answers other than JSON alone. */
  readonly bodies?: readonly BodyShape[];
  /** The answer has no body at all (`error NAME STATUS no body`, a `401` of a protected endpoint). */
  readonly empty?: true;
  /** The headers the answer carries (`with NAME`), when it declares some. */
  readonly headers?: readonly ResponseHeaderShape[];
}

/** A way to authenticate: a security scheme the endpoint accepts. */
export interface AuthShape {
  readonly scheme: string;
  readonly kind: 'bearer' | 'basic' | 'apiKey' | 'oauth2' | 'openIdConnect';
  /** apiKey: where the key travels, and under which name. */
  readonly in?: 'header' | 'query' | 'cookie';
  readonly parameter?: string;
}

/**
 * The contract of one endpoint, as compiled from the spec: how to send a request (for HTTP),
 * which requests are valid, and what every answer must be.
 */
export interface EndpointContract<Request = unknown, Response = unknown> {
  readonly name: string;
  readonly method: string;
  /** The path with parameter names: `/employees/{id}/requests`. */
  readonly path: string;
  readonly at: string;
  readonly pathParams: readonly ParameterShape[];
  readonly query: readonly ParameterShape[];
  readonly headers: readonly ParameterShape[];
  readonly hasBody: boolean;
  /** The request body's media types, when not JSON alone; requests use the first. */
  readonly bodyMedia?: readonly BodyShape[];
  /** The schemes the endpoint accepts (any one), when it needs credentials. */
  readonly security?: readonly AuthShape[];
  /** Checks a request body against its declared type (constraints and invariants included). */
  readonly validateBody?: Validator;
  /** The 2xx statuses, then the declared errors' statuses. */
  readonly responses: readonly ResponseShape[];
  readonly requires: readonly Requirement<Request>[];
  readonly ensures: readonly Guarantee<Request, Response>[];
  /** Requests of the endpoint: parameters and body of their types, satisfying `requires`. */
  readonly requests: Arbitrary<Request>;
}

/** An answer of an implementation: its status and body (`undefined` for none). */
export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  /** The media type of the body, when the answer came over HTTP. */
  readonly contentType?: string;
  /**
   * The answer's headers by lower-case name, as text: as received over HTTP; in process, the
   * handler's `headers` under their wire names. Absent where the headers cannot be seen.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/** How to send one request. */
export interface SendOptions {
  /** Send no credentials, to check that a protected endpoint refuses the request. */
  readonly withoutCredentials?: boolean;
  /** Send these bytes as the body, under this content type (the negative phase, HTTP only). */
  readonly rawBody?: { readonly text: string; readonly contentType: string };
}

/**
 * Credentials by scheme name: a token (bearer, oauth2, openIdConnect), a key (apiKey), or
 * `user:password` (basic). Targets hold them and never put them in a request object or report.
 */
export type Credentials = Readonly<Record<string, string>>;

/** Where requests go: an in-process `Handlers` object or an HTTP server. */
export interface Target {
  /**
   * Sends a request (the endpoint's request object: parameters by name, `body`), with the
   * credentials the target holds for a protected endpoint, unless told to send none.
   */
  send(
    endpoint: EndpointContract,
    request: Readonly<Record<string, unknown>>,
    options?: SendOptions,
  ): Promise<ApiResponse>;
  /** A short description for reports: `in-process` or `http://127.0.0.1:8080`. */
  readonly description: string;
  /**
   * The URL requests go under, for a target that has one (HTTP): what a `Link` header's next
   * page must stay on. In process there is none, and links resolve against a reserved origin.
   */
  readonly baseUrl?: string;
}

/**
 * The outcome of a call made with `try`: `value` is the success body; reading it from a
 * failed call discards the run.
 */
export interface Outcome<Value, Failure> {
  readonly ok: boolean;
  readonly status: number;
  readonly value: Value;
  readonly error: Failure | null;
}

/** What a written property's steps call: endpoints, and `expect`. */
export interface PropertySession {
  /** Makes a call that must succeed (2xx); answers the success body. */
  call(endpoint: string, request: Readonly<Record<string, unknown>>): Promise<unknown>;
  /** Makes a call that may fail (`try`). */
  attempt(
    endpoint: string,
    request: Readonly<Record<string, unknown>>,
  ): Promise<Outcome<unknown, unknown>>;
  /**
   * Walks every page of a paginated endpoint (`let x = pages CALL`), each page's answer checked
   * as a call's; answers all the pages' items, in order (see `walkPages`).
   */
  pages(
    endpoint: string,
    request: Readonly<Record<string, unknown>>,
    walk: PageWalk,
  ): Promise<unknown[]>;
  /** Checks an `expect` clause: evaluates its condition, which may discard the run. */
  expect(clause: Clause, condition: () => boolean): void;
}

/** A written `property`, compiled: inputs to generate and the steps to run on them. */
export interface PropertyContract<Inputs = unknown> {
  readonly name: string;
  readonly at: string;
  readonly description?: string;
  /** The endpoints the property calls, in order of first call. */
  readonly calls: readonly string[];
  /** The `expect` clauses, in order. */
  readonly expects: readonly Clause[];
  /** The `forall` inputs (their `where` holding) and the parameters the calls leave to chance. */
  readonly inputs: Arbitrary<Inputs>;
  run(inputs: Inputs, session: PropertySession): Promise<void>;
}
