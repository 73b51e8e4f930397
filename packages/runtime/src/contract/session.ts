import type {
  ApiResponse,
  Clause,
  EndpointContract,
  Outcome,
  PropertySession,
  Target,
} from './contract.js';
import type { CheckObserver } from './check-response.js';
import { checkResponse, isSuccess } from './check-response.js';
import { answersSuccess, shapeForStatus } from './shape-for-status.js';
import type { Exchange } from './failures.js';
import { ContractViolation, DiscardedRun } from './failures.js';
import type { NegativeRequest } from './negative-requests.js';
import type { PageWalk } from './page-walk.js';
import { walkPages } from './page-walk.js';
import { IN_PROCESS_BASE, walkLinkPages } from './link-walk.js';

/** Hooks told of everything a session does: for coverage and for reports. */
export interface SessionObserver extends CheckObserver {
  /** A request went out, and this came back (or failed). */
  exchanged?(exchange: Exchange): void;
  /** An `expect` clause was evaluated. */
  expected?(clause: Clause, held: boolean): void;
}

/**
 * Runs calls against a target, checking every answer against its endpoint's contract: the
 * session a written property's steps run in, and the one an implicit endpoint check uses.
 * Keeps the exchanges of the run, for a counterexample.
 */
export class ContractSession implements PropertySession {
  /** Every exchange of this session, in order. */
  readonly exchanges: Exchange[] = [];

  constructor(
    private readonly target: Target,
    private readonly endpoints: Readonly<Record<string, EndpointContract>>,
    private readonly observer: SessionObserver = {},
  ) {}

  /**
   * Sends a request and checks the answer; a `requires` that does not hold discards the run,
   * as the server need not handle such a request.
   */
  async send(name: string, request: Readonly<Record<string, unknown>>) {
    const contract = this.endpoints[name];
    if (contract === undefined) throw new Error(`the spec has no endpoint ${name}`);
    for (const requirement of contract.requires)
      if (!requirement.holds(request))
        throw new DiscardedRun(`${name}: requires ${requirement.source} does not hold`);
    const sent = { endpoint: name, method: contract.method, path: contract.path, request };
    let exchange: Exchange;
    try {
      const response = await this.target.send(contract, request);
      exchange = { sent, response };
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      exchange = { sent, failure: error.detail };
      this.record(exchange);
      throw new ContractViolation(error.kind, error.detail, error.clause, exchange);
    }
    this.record(exchange);
    checkResponse(contract, request, exchange.response!, exchange, this.observer);
    return exchange.response!;
  }

  /**
   * Sends a request to a protected endpoint without credentials: the answer must be 401, 403
   * or a declared error of one of those statuses, and never a success.
   */
  async sendWithoutCredentials(name: string, request: Readonly<Record<string, unknown>>) {
    const contract = this.endpoints[name];
    if (contract === undefined) throw new Error(`the spec has no endpoint ${name}`);
    const sent = { endpoint: name, method: contract.method, path: contract.path, request };
    let exchange: Exchange;
    try {
      exchange = {
        sent,
        response: await this.target.send(contract, request, { withoutCredentials: true }),
      };
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      exchange = { sent, failure: error.detail };
      this.record(exchange);
      throw new ContractViolation(error.kind, error.detail, error.clause, exchange);
    }
    this.record(exchange);
    const status = exchange.response!.status;
    if (status === 401 || status === 403) return exchange.response!;
    const clause = { source: `security of ${name}`, at: contract.at };
    const where = `${contract.method} ${contract.path}`;
    const detail = isSuccess(status)
      ? `${where} answered ${status} to a request without credentials; a protected endpoint refuses it with 401`
      : `${where} answered ${status} to a request without credentials; expected 401 (or 403)`;
    throw new ContractViolation('status', detail, clause, exchange);
  }

  /**
   * Sends a request that breaks the spec (the negative phase): the answer must refuse it with a
   * 4xx (a declared error's body must match its type), never accept it (2xx), crash on it
   * (5xx) or answer anything else.
   */
  async sendNegative(name: string, negative: NegativeRequest) {
    const contract = this.endpoints[name];
    if (contract === undefined) throw new Error(`the spec has no endpoint ${name}`);
    const sent = {
      endpoint: name,
      method: contract.method,
      path: contract.path,
      request: negative.request,
      breaks: `${negative.kind}: ${negative.detail}`,
      ...(negative.raw && { rawBody: negative.raw }),
    };
    let exchange: Exchange;
    try {
      const options = negative.raw ? { rawBody: negative.raw } : {};
      exchange = { sent, response: await this.target.send(contract, negative.request, options) };
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      exchange = { sent, failure: error.detail };
      this.record(exchange);
      throw new ContractViolation(error.kind, error.detail, error.clause, exchange);
    }
    this.record(exchange);
    const response = exchange.response!;
    const clause = { source: `negative: ${negative.kind}`, at: contract.at };
    const where = `${contract.method} ${contract.path}`;
    if (response.status >= 400 && response.status < 500) {
      // A declared error must still have its declared body.
      if (shapeForStatus(contract.responses, response.status) !== undefined)
        checkResponse(contract, negative.request, response, exchange);
      return response;
    }
    const answer = isSuccess(response.status)
      ? 'accepted it'
      : response.status >= 500
        ? 'crashed on it'
        : 'did not refuse it';
    const detail = `${where} answered ${response.status} to a request that breaks the spec (${negative.kind}: ${negative.detail}); it ${answer}, where a 4xx must refuse it`;
    throw new ContractViolation('negative', detail, clause, exchange);
  }

  private record(exchange: Exchange) {
    this.exchanges.push(exchange);
    this.observer.exchanged?.(exchange);
  }

  async call(name: string, request: Readonly<Record<string, unknown>>): Promise<unknown> {
    return (await this.succeed(name, request)).body;
  }

  /** Sends a request that must succeed (a call without `try`); answers the whole answer. */
  private async succeed(
    name: string,
    request: Readonly<Record<string, unknown>>,
  ): Promise<ApiResponse> {
    const response = await this.send(name, request);
    const contract = this.endpoints[name]!;
    if (!answersSuccess(contract, response.status)) {
      const detail = `${name} must succeed here (a call without try) but answered ${response.status}`;
      throw new ContractViolation(
        'status',
        detail,
        { source: contract.name, at: contract.at },
        this.exchanges.at(-1),
      );
    }
    return response;
  }

  async attempt(
    name: string,
    request: Readonly<Record<string, unknown>>,
  ): Promise<Outcome<unknown, unknown>> {
    const response = await this.send(name, request);
    const ok = answersSuccess(this.endpoints[name]!, response.status);
    return {
      ok,
      status: response.status,
      get value() {
        if (!ok)
          throw new DiscardedRun(`read the value of ${name}, which answered ${response.status}`);
        return response.body;
      },
      error: ok ? null : response.body,
    };
  }

  pages(
    name: string,
    request: Readonly<Record<string, unknown>>,
    walk: PageWalk,
  ): Promise<unknown[]> {
    if (walk.by === 'link')
      return walkLinkPages(
        (page) => this.succeed(name, page),
        this.endpoints[name]!,
        request,
        walk,
        this.target.baseUrl ?? IN_PROCESS_BASE,
        () => this.exchanges.at(-1),
      );
    return walkPages(
      (page) => this.call(name, page),
      request,
      walk,
      () => this.exchanges.at(-1),
    );
  }

  expect(clause: Clause, condition: () => boolean): void {
    let holds: boolean;
    try {
      holds = condition();
    } catch (error) {
      if (error instanceof DiscardedRun) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      this.observer.expected?.(clause, false);
      const detail = `expect could not be evaluated (${reason})`;
      throw new ContractViolation('expect', detail, clause, this.exchanges.at(-1));
    }
    this.observer.expected?.(clause, holds);
    if (!holds)
      throw new ContractViolation('expect', 'expect failed', clause, this.exchanges.at(-1));
  }
}
