import type { IncomingHeaders } from '../contract/decode-request.js';
import type { ContractViolation } from '../contract/failures.js';
import type { ContractTelemetry, RequestTelemetry } from './contract-telemetry.js';
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
    const started = performance.now();
    const endpoint = routed.contract.name;
    const telemetry =
      this.options.telemetry?.start(this.contract, {
        method,
        url,
        endpoint,
        route: routed.contract.path,
      }) ?? NO_TELEMETRY;
    const sampled = this.sample();
    const report = (violations: readonly ContractViolation[]) => {
      for (const violation of violations) {
        telemetry.violation(violation);
        this.options.onViolation?.(violation, endpoint);
      }
    };
    let checked: CheckedRequest | undefined;
    let requested = false;
    let ended = false;
    return {
      sampled,
      request: (body) => {
        if (!sampled || requested) return;
        requested = true;
        this.queue.check(() => {
          checked = this.checker.checkRequest(routed, url, headers, body);
          report(checked.violations);
        });
      },
      response: (status, body, responseHeaders) => {
        if (!sampled || !requested) return;
        this.queue.check(() => {
          // A request that breaks the contract may get any answer: the server need not handle it.
          if (checked === undefined || checked.violations.length > 0) return;
          report(this.checker.checkResponse(checked, status, body, responseHeaders));
        });
      },
      end: (status) => {
        if (ended) return;
        ended = true;
        const seconds = (performance.now() - started) / 1000;
        this.queue.always(() => telemetry.end(status, seconds));
      },
    };
  }
}

/** The monitor an adapter uses: the one given, or a new one for a compiled contract. */
export function monitorOf(
  contract: CompiledContract | ContractMonitor,
  options: MonitorOptions,
): ContractMonitor {
  return contract instanceof ContractMonitor ? contract : new ContractMonitor(contract, options);
}
