import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type {
  CheckedRequest,
  ContractViolation,
  EndpointContract,
  ExchangeChecker,
  RequestTelemetry,
  RoutedRequest,
  WireBody,
} from '@specl/runtime';
import { isReadableMediaType } from '@specl/runtime';
import type { HeaderList } from './forward-headers.js';
import { clientAnswerHeaders, headerText, targetRequestHeaders } from './forward-headers.js';
import { proxyProblem, sendProblem, violationProblem } from './problem-response.js';
import type { AnswerHandler, BodyFlow, TargetExchange, TargetFailure } from './target-pool.js';
import { isBodilessStatus } from './target-pool.js';

/** A violation the proxy saw, with the request it was seen on. */
export interface ProxyViolation {
  readonly violation: ContractViolation;
  readonly endpoint: string;
  readonly method: string;
  readonly url: string;
  /** `request` when the client broke the contract, `response` when the target did. */
  readonly side: 'request' | 'response';
  /** What the proxy did: forwarded it, stopped the request, or replaced the response by a 502. */
  readonly action: 'forwarded' | 'rejected' | 'replaced';
}

/** What every exchange through one proxy shares: its checker, its settings, its listeners. */
export interface ExchangeSettings {
  readonly checker: ExchangeChecker;
  /** Whether a request that breaks the contract is stopped before it goes (enforce mode). */
  readonly enforce: boolean;
  /** Whether an answer that breaks the contract is replaced by a 502 (enforce mode, if asked). */
  readonly replace: boolean;
  /** The largest JSON answer read to be checked; a larger one streams through unchecked. */
  readonly cap: number;
  /** The target's `host` header, and the path its URLs begin with (no `/` at its end). */
  readonly targetHost: string;
  readonly basePath: string;
  readonly onViolation?: (report: ProxyViolation) => void;
  readonly onTargetError?: (message: string) => void;
}

/** Nothing to resume before the answer has come. */
const NO_FLOW: BodyFlow = { resume() {} };

/** Methods a request of which may be sent twice with the effect of once (RFC 9110 9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/** Whether a request comes without a body: neither a length nor a transfer coding (RFC 9112 6.3). */
function hasNoBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}

/** The declared status for a request that breaks the contract: a declared 400 or 422, else 400. */
function rejectionStatus(contract: EndpointContract): number {
  const declared = contract.responses.map((r) => r.status);
  return declared.includes(400) ? 400 : declared.includes(422) ? 422 : 400;
}

/**
 * One exchange through the proxy, made once a request: it checks the request when asked (enforce
 * mode: before it goes; observe mode: once handed to the target pool), sends it on, reports what
 * broke the contract, and relays the target's answer as it comes: streamed through to the client
 * (an unchecked request's answer, a body that is not read, one over the cap), or read whole to be
 * checked, then forwarded (or replaced by a 502 in enforce mode). Its state is in fields, so that
 * no closure is made for each request.
 */
export class ProxyExchange implements AnswerHandler {
  /** The request as checked, if it broke nothing: only then is the answer checked. */
  checked: CheckedRequest | undefined = undefined;
  /** The request's media type, its lines joined. */
  readonly requestType: string | undefined;
  private status = 502;
  private answerHeaders: IncomingHttpHeaders | undefined = undefined;
  /** The answer's headers to forward, without its length (see {@link sendHead}). */
  private forwarded: HeaderList | undefined = undefined;
  /** The target's `content-length`, if it sent one. */
  private length: string | undefined = undefined;
  private contentType: string | undefined = undefined;
  /** The body: streamed to the client, read to be checked, or dropped (replaced by a 502). */
  private flow: 'stream' | 'read' | 'drop' = 'stream';
  /** The answer's pieces read so far, when it is read whole. */
  private chunks: Buffer[] | undefined = undefined;
  private size = 0;
  private body: BodyFlow = NO_FLOW;

  constructor(
    private readonly settings: ExchangeSettings,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    /** The request's endpoint; `undefined` for a request no endpoint of the spec matches. */
    readonly routed: RoutedRequest | undefined,
    private readonly telemetry: RequestTelemetry,
    private readonly upstream: TargetExchange,
    private readonly method: string,
    private readonly url: string,
  ) {
    this.requestType = headerText(req.headers['content-type']);
  }

  /** Whether the request's body is read to be checked: a declared body of a readable type. */
  get readsBody(): boolean {
    return this.routed?.contract.hasBody === true && isReadableMediaType(this.requestType);
  }

  /**
   * Checks the request when asked (enforce mode: before it goes; observe mode: after), and
   * sends it on to the target; `body` is the bytes read, or `undefined` for a body not read.
   */
  sendOn(body: Buffer | undefined): void {
    const { req, routed } = this;
    const wire: WireBody =
      body !== undefined
        ? { contentType: this.requestType, bytes: body }
        : { contentType: this.requestType, unread: true };
    const { enforce } = this.settings;
    if (routed !== undefined && enforce) {
      const violations = this.checkRequest(routed, wire);
      const reject = violations.length > 0;
      this.report('request', reject ? 'rejected' : 'forwarded', violations);
      if (reject) {
        const status = rejectionStatus(routed.contract);
        if (body === undefined) req.resume(); // an unread body is drained, not forwarded
        const title = 'The request breaks the API contract';
        sendProblem(this.res, violationProblem(status, title, routed.contract.name, violations));
        return;
      }
    }

    const { targetHost, basePath } = this.settings;
    const headers = targetRequestHeaders(req.headers, targetHost, body?.length);
    const noBody = body === undefined && hasNoBody(req);
    // Nothing to stream (a GET): the request's end is read and the target gets no body.
    if (noBody) req.resume();
    this.upstream.send(
      {
        method: this.method,
        path: basePath + this.url,
        headers,
        body: body ?? (noBody ? null : req),
        // A request whose whole body the proxy holds, of a method that may be sent twice.
        replayable: (body !== undefined || noBody) && IDEMPOTENT.has(this.method),
      },
      this,
    );
    if (routed === undefined || enforce) return;
    // Nothing to stop: the request is sent, and checked in this turn, before its answer (an I/O
    // event) can come. Sent, not yet written: on a kept-alive connection undici writes it in the
    // event loop's check phase after this turn (its idle-socket validation, 7.30), so the check
    // runs before the bytes go; on a new connection, while it connects.
    try {
      this.report('request', 'forwarded', this.checkRequest(routed, wire));
    } catch (error) {
      this.checked = undefined;
      this.settings.onTargetError?.(
        `${this.method} ${this.url}: a contract check failed (a bug in Specl; please report it): ${String(error)}`,
      );
    }
  }

  /** Checks the request; it is kept for the answer's check if it broke nothing. */
  private checkRequest(routed: RoutedRequest, body: WireBody): readonly ContractViolation[] {
    const result = this.settings.checker.checkRequest(routed, this.url, this.req.headers, body);
    // Any answer will do for a broken request: its response is not checked.
    this.checked = result.violations.length > 0 ? undefined : result;
    return result.violations;
  }

  /** Tells the telemetry and the listener of each violation (nothing is made when none). */
  private report(
    side: ProxyViolation['side'],
    action: ProxyViolation['action'],
    violations: readonly ContractViolation[],
  ): void {
    const listener = this.settings.onViolation;
    for (const violation of violations) {
      this.telemetry.violation(violation);
      listener?.({
        violation,
        endpoint: this.routed!.contract.name,
        method: this.method,
        url: this.url,
        side,
        action,
      });
    }
  }

  onAnswer(status: number, headers: IncomingHttpHeaders, body: BodyFlow): void {
    this.status = status;
    this.body = body;
    this.answerHeaders = headers;
    this.forwarded = clientAnswerHeaders(headers);
    this.length = headers['content-length'];
    this.contentType = headerText(headers['content-type']);
    const checked = this.checked;
    if (checked === undefined) return this.sendHead(this.length);
    if (isReadableMediaType(this.contentType)) {
      this.flow = 'read';
      this.chunks = [];
      return;
    }
    // Bytes or multipart: the status and media type are checked; the body streams through.
    const violations = this.settings.checker.checkResponse(
      checked,
      status,
      { contentType: this.contentType, unread: true },
      headers,
    );
    const replaced = this.settings.replace && violations.length > 0;
    this.report('response', replaced ? 'replaced' : 'forwarded', violations);
    if (!replaced) return this.sendHead(this.length);
    this.flow = 'drop';
    this.sendReplaced(violations);
  }

  onData(chunk: Buffer): boolean {
    if (this.flow === 'stream') return this.write(chunk);
    if (this.flow === 'drop') return true;
    this.size += chunk.length;
    this.chunks!.push(chunk);
    if (this.size <= this.settings.cap) return true;
    this.settings.onTargetError?.(
      `${this.method} ${this.url}: a JSON answer over ${this.settings.cap} bytes streams through unchecked`,
    );
    this.flow = 'stream';
    this.sendHead(this.length);
    const head = Buffer.concat(this.chunks!, this.size);
    this.chunks = undefined;
    return this.write(head);
  }

  onEnd(): void {
    if (this.flow === 'stream') return void this.res.end();
    if (this.flow === 'drop') return;
    const chunks = this.chunks!;
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.size);
    this.chunks = undefined;
    this.forwardChecked(bytes);
  }

  onError(failure: TargetFailure): void {
    const what = `${this.method} ${this.url}`;
    if (this.flow === 'read') {
      this.settings.onTargetError?.(`${what}: the answer broke off (${failure.message})`);
      return void this.res.destroy();
    }
    this.settings.onTargetError?.(`${what}: ${failure.message}`);
    if (failure.answered) return void this.res.destroy();
    sendProblem(
      this.res,
      failure.timedOut
        ? proxyProblem(504, 'The target did not answer in time', `${what}: ${failure.detail}`)
        : proxyProblem(502, 'The target did not answer', `${what}: ${failure.detail}`),
    );
  }

  /** Writes a piece of the body to the client; `false` when it must wait for 'drain'. */
  private write(chunk: Buffer): boolean {
    if (this.res.write(chunk)) return true;
    this.res.once('drain', () => this.body.resume());
    return false;
  }

  /** A whole answer read: checked, and forwarded (first, unless it may be replaced). */
  private forwardChecked(bytes: Buffer): void {
    const { checker, replace } = this.settings;
    const body = { contentType: this.contentType, bytes };
    if (!replace) {
      // Nothing to replace: the answer goes out first, and is checked after.
      this.sendWhole(bytes);
      const violations = checker.checkResponse(
        this.checked!,
        this.status,
        body,
        this.answerHeaders,
      );
      return this.report('response', 'forwarded', violations);
    }
    const violations = checker.checkResponse(this.checked!, this.status, body, this.answerHeaders);
    const replaced = violations.length > 0;
    this.report('response', replaced ? 'replaced' : 'forwarded', violations);
    if (replaced) return this.sendReplaced(violations);
    this.sendWhole(bytes);
  }

  /** Sends an answer read whole, with the length of its bytes. */
  private sendWhole(bytes: Buffer): void {
    // An answer that has no body by definition keeps the target's length (a HEAD's is the
    // length a GET would have; a 304's that of the representation the client holds).
    const bodiless = this.method === 'HEAD' || isBodilessStatus(this.status);
    this.sendHead(bodiless ? this.length : String(bytes.length));
    this.res.end(bytes);
  }

  /**
   * Writes the status and headers: with `length` as `content-length`, the target's for an
   * answer streamed through, the bytes' for one read whole (which may have come chunked).
   */
  private sendHead(length: string | undefined): void {
    const forwarded = this.forwarded!;
    if (length !== undefined) forwarded.push('content-length', length);
    this.res.writeHead(this.status, forwarded);
  }

  /** A 502 instead of an answer that breaks the contract (enforce mode, if asked for). */
  private sendReplaced(violations: readonly ContractViolation[]): void {
    const title = 'The response breaks the API contract';
    sendProblem(this.res, violationProblem(502, title, this.routed!.contract.name, violations));
  }
}
