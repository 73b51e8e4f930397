import type { IncomingHeaders } from '../contract/decode-request.js';
import type { ContractViolation } from '../contract/failures.js';
import type { ContractTelemetry, RequestTelemetry } from './contract-telemetry.js';
import type { RoutedRequest } from '../contract/route-table.js';
import type { CheckedRequest, CompiledContract, WireBody } from './exchange-checker.js';
import { ExchangeChecker } from './exchange-checker.js';
import { CheckQueue } from './check-queue.js';

/** Options of a contract monitor. */
export interface MonitorOptions {
  /**
   * The share of requests whose bodies are checked, from 0 to 1 (default 1): for hot paths.
   * Sampling is deterministic (every n-th request for 1/n); every request is still counted and
   * timed, and its span tagged.
   */
  readonly sampleRate?: number;
  /** Told of every violation found, with the endpoint it was found on. */
  readonly onViolation?: (violation: ContractViolation, endpoint: string) => void;
  /** Spans, events and metrics (`openTelemetry()` of `@specl/runtime/otel`). */
  readonly telemetry?: ContractTelemetry;
  /** The most bytes of a body that are kept to check (default 1 MiB); larger ones go unchecked. */
  readonly maxBodyBytes?: number;
  /**
   * The most checks waiting to run (default 10,000). Checks run after the response is sent, a
   * few milliseconds at a time between the server's own work; when more wait than this, new
   * ones are skipped and counted in {@link ContractMonitor.skipped}.
   */
  readonly maxPendingChecks?: number;
}

/**
 * One request being monitored: report its request, then its response, then its end. The checks
 * run later, off the response's path ({@link ContractMonitor.flush} waits for them).
 */
export interface MonitoredExchange {
  /** Whether this request's bodies are checked (sampled). */
  readonly sampled: boolean;
  /** The request's body: bytes with their media type, or a value a framework parsed. */
  request(body: WireBody | { readonly parsed: unknown }): void;
  /** The answer: its status, body and (when the adapter sees them) headers. */
  response(
    status: number,
    body: WireBody | { readonly parsed: unknown; readonly contentType?: string },
    headers?: Readonly<Record<string, unknown>>,
  ): void;
  /** The request is over: answered with `status`, or abandoned (`undefined`). */
  end(status: number | undefined): void;
}

/** A response's body as an adapter reports it. */
type ResponseBody = WireBody | { readonly parsed: unknown; readonly contentType?: string };

const NO_TELEMETRY: RequestTelemetry = { violation() {}, end() {} };

/**
 * The framework-neutral core of the `@specl/runtime` middleware: from a compiled contract
 * (`properties.ts`: `spec` and `endpoints`), it checks each request and response as the verifier
 * checks a single exchange, and reports violations to `onViolation` and to telemetry. The
 * adapters (`@specl/runtime/node`, `/express`, `/fastify`, `/koa`) only feed it bytes, and
 * take a monitor in place of a contract where the application wants to {@link flush} it (at
 * shutdown, or in tests).
 */
export class ContractMonitor {
  readonly checker: ExchangeChecker;
  readonly maxBodyBytes: number;
  private readonly sampleRate: number;
  private credit = 0;
  private readonly queue: CheckQueue;

  constructor(
    readonly contract: CompiledContract,
    private readonly options: MonitorOptions = {},
  ) {
    const rate = options.sampleRate ?? 1;
    if (!(rate >= 0 && rate <= 1))
      throw new RangeError(`sampleRate must be from 0 to 1, not ${rate}`);
    this.sampleRate = rate;
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.checker = new ExchangeChecker(contract);
    this.queue = new CheckQueue({ limit: options.maxPendingChecks });
  }

  /** Checks skipped because more were waiting than `maxPendingChecks`. */
  get skipped(): number {
    return this.queue.skipped;
  }

  /** Resolves once every check of the exchanges reported so far has run and been reported. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  private sample(): boolean {
    this.credit += this.sampleRate;
    if (this.credit < 1) return false;
    this.credit -= 1;
    return true;
  }

  /**
   * Starts monitoring a request (`url` is its path and query): `undefined` for a request to no
   * endpoint of the spec, which is left alone.
   */
  begin(method: string, url: string, headers: IncomingHeaders): MonitoredExchange | undefined {
    const routed = this.checker.route(method, url);
    if (routed === undefined) return undefined;
    const telemetry =
      this.options.telemetry?.start(this.contract, {
        method,
        url,
        endpoint: routed.contract.name,
        route: routed.contract.path,
      }) ?? NO_TELEMETRY;
    return new MonitoredRequest(
      this.checker,
      this.queue,
      this.options.onViolation,
      routed,
      url,
      headers,
      telemetry,
      this.sample(),
    );
  }
}

/**
 * A monitored exchange's state, in fields of one object (no closures per request); its checks
 * are its methods, queued with it as their receiver.
 */
class MonitoredRequest implements MonitoredExchange {
  private readonly started = performance.now();
  private checked: CheckedRequest | undefined = undefined;
  private requested = false;
  private ended = false;
  private requestBody: WireBody | { readonly parsed: unknown } | undefined = undefined;
  private status: number | undefined = undefined;
  private responseBody: ResponseBody | undefined = undefined;
  private responseHeaders: Readonly<Record<string, unknown>> | undefined = undefined;
  private endStatus: number | undefined = undefined;
  private seconds = 0;

  constructor(
    private readonly checker: ExchangeChecker,
    private readonly queue: CheckQueue,
    private readonly onViolation: MonitorOptions['onViolation'],
    private readonly routed: RoutedRequest,
    private readonly url: string,
    private readonly headers: IncomingHeaders,
    private readonly telemetry: RequestTelemetry,
    readonly sampled: boolean,
  ) {}

  request(body: WireBody | { readonly parsed: unknown }): void {
    if (!this.sampled || this.requested) return;
    this.requested = true;
    this.requestBody = body;
    this.queue.check(this.checkRequest, this);
  }

  response(status: number, body: ResponseBody, headers?: Readonly<Record<string, unknown>>): void {
    if (!this.sampled || !this.requested) return;
    this.status = status;
    this.responseBody = body;
    this.responseHeaders = headers;
    this.queue.check(this.checkResponse, this);
  }

  end(status: number | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.endStatus = status;
    this.seconds = (performance.now() - this.started) / 1000;
    this.queue.always(this.endTelemetry, this);
  }

  private checkRequest() {
    const checked = this.checker.checkRequest(
      this.routed,
      this.url,
      this.headers,
      this.requestBody!,
    );
    this.checked = checked;
    this.report(checked.violations);
  }

  private checkResponse() {
    // A request that breaks the contract may get any answer: the server need not handle it.
    const checked = this.checked;
    if (checked === undefined || checked.violations.length > 0) return;
    this.report(
      this.checker.checkResponse(checked, this.status!, this.responseBody!, this.responseHeaders),
    );
  }

  private endTelemetry() {
    this.telemetry.end(this.endStatus, this.seconds);
  }

  private report(violations: readonly ContractViolation[]) {
    const endpoint = this.routed.contract.name;
    for (const violation of violations) {
      this.telemetry.violation(violation);
      this.onViolation?.(violation, endpoint);
    }
  }
}

/** The monitor an adapter uses: the one given, or a new one for a compiled contract. */
export function monitorOf(
  contract: CompiledContract | ContractMonitor,
  options: MonitorOptions,
): ContractMonitor {
  return contract instanceof ContractMonitor ? contract : new ContractMonitor(contract, options);
}
