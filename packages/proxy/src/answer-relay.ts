import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type {
  CheckedRequest,
  ContractViolation,
  ExchangeChecker,
  RequestTelemetry,
  RoutedRequest,
  WireBody,
} from '@specl/runtime';
import { isReadableMediaType } from '@specl/runtime';
import type { IncomingHeaders } from '@specl/runtime';
import type { HeaderList } from './forward-headers.js';
import { forwardHeaders } from './forward-headers.js';
import { proxyProblem, sendProblem, violationProblem } from './problem-response.js';
import type { AnswerHandler, BodyFlow, TargetFailure } from './target-pool.js';
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
export interface RelaySettings {
  readonly checker: ExchangeChecker;
  /** Whether an answer that breaks the contract is replaced by a 502 (enforce mode, if asked). */
  readonly replace: boolean;
  /** The largest JSON answer read to be checked; a larger one streams through unchecked. */
  readonly cap: number;
  readonly onViolation?: (report: ProxyViolation) => void;
  readonly onTargetError?: (message: string) => void;
}

/** An answer's own length is not forwarded as it came: {@link AnswerRelay} sets it. */
const ANSWER_LENGTH = ['content-length'];

/** Nothing to resume before the answer has come. */
const NO_FLOW: BodyFlow = { resume() {} };

/**
 * One exchange through the proxy: it checks the request when asked, reports what broke the
 * contract, and relays the target's answer as it comes: streamed through to the client (an
 * unchecked request's answer, a body that is not read, one over the cap), or read whole to be
 * checked, then forwarded (or replaced by a 502 in enforce mode). The checked request is read
 * when the answer comes: in observe mode it is checked once handed to the target pool. One
 * object a request, its state in fields, so that no closure is made for each.
 */
export class AnswerRelay implements AnswerHandler {
  /** The request as checked, if it broke nothing: only then is the answer checked. */
  checked: CheckedRequest | undefined = undefined;
  private status = 502;
  private answerHeaders: IncomingHttpHeaders = {};
  /** The answer's headers to forward, without its length (see {@link sendHead}). */
  private forwarded: HeaderList = [];
  /** The target's `content-length`, if it sent one. */
  private length: string | undefined = undefined;
  private contentType: string | undefined = undefined;
  /** The body: streamed to the client, read to be checked, or dropped (replaced by a 502). */
  private flow: 'stream' | 'read' | 'drop' = 'stream';
  private chunks: Buffer[] = [];
  private size = 0;
  private body: BodyFlow = NO_FLOW;

  constructor(
    private readonly settings: RelaySettings,
    private readonly res: ServerResponse,
    private readonly telemetry: RequestTelemetry,
    /** The endpoint's name; `undefined` for a request no endpoint of the spec matches. */
    private readonly endpoint: string | undefined,
    private readonly method: string,
    private readonly url: string,
  ) {}

  /** Checks the request; it is kept for the answer's check if it broke nothing. */
  checkRequest(
    routed: RoutedRequest,
    headers: IncomingHeaders,
    body: WireBody,
  ): readonly ContractViolation[] {
    const result = this.settings.checker.checkRequest(routed, this.url, headers, body);
    // Any answer will do for a broken request: its response is not checked.
    this.checked = result.violations.length > 0 ? undefined : result;
    return result.violations;
  }

  /** Tells the telemetry and the listener of each violation (nothing is made when none). */
  report(
    side: ProxyViolation['side'],
    action: ProxyViolation['action'],
    violations: readonly ContractViolation[],
  ): void {
    const listener = this.settings.onViolation;
    for (const violation of violations) {
      this.telemetry.violation(violation);
      listener?.({
        violation,
        endpoint: this.endpoint!,
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
    this.forwarded = forwardHeaders(headers, ANSWER_LENGTH);
    this.length = headers['content-length'];
    const contentType = headers['content-type'];
    this.contentType = Array.isArray(contentType) ? contentType.join(', ') : contentType;
    const checked = this.checked;
    if (checked === undefined) return this.sendHead(this.length);
    if (isReadableMediaType(this.contentType)) {
      this.flow = 'read';
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
    this.chunks.push(chunk);
    if (this.size <= this.settings.cap) return true;
    this.settings.onTargetError?.(
      `${this.method} ${this.url}: a JSON answer over ${this.settings.cap} bytes streams through unchecked`,
    );
    this.flow = 'stream';
    this.sendHead(this.length);
    const head = Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    return this.write(head);
  }

  onEnd(): void {
    if (this.flow === 'stream') return void this.res.end();
    if (this.flow === 'drop') return;
    const { chunks } = this;
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.size);
    this.chunks = [];
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
      this.forward(bytes);
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
    this.forward(bytes);
  }

  private forward(bytes: Buffer): void {
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
    if (length !== undefined) this.forwarded.push('content-length', length);
    this.res.writeHead(this.status, this.forwarded);
  }

  /** A 502 instead of an answer that breaks the contract (enforce mode, if asked for). */
  private sendReplaced(violations: readonly ContractViolation[]): void {
    const title = 'The response breaks the API contract';
    sendProblem(this.res, violationProblem(502, title, this.endpoint!, violations));
  }
}
