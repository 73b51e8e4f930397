import type { IncomingHttpHeaders } from 'node:http';
import { maxHeaderSize } from 'node:http';
import type { Readable } from 'node:stream';
import type { Dispatcher, Pool as PoolType } from 'undici';
import Client from 'undici/lib/dispatcher/client.js';
import Pool from 'undici/lib/dispatcher/pool.js';
import type { HeaderList } from './forward-headers.js';

/** Whether an answer of `status` has no body whatever its headers say (RFC 9110 6.4.5, 15.4.5). */
export function isBodilessStatus(status: number): boolean {
  return status === 204 || status === 304;
}

/** A request to the target, as the proxy forwards it. */
export interface TargetRequest {
  readonly method: string;
  /** The path and query on the target, its base path included. */
  readonly path: string;
  /** Name, value, name, value… (undici reads a list as it is). */
  readonly headers: HeaderList;
  /** Bytes the proxy holds, the client's body to stream, or none. */
  readonly body: Buffer | Readable | null;
  /** Whether the request may be sent a second time (an idempotent method, a body held whole). */
  readonly replayable: boolean;
}

/** An answer's body, held back by {@link AnswerHandler.onData}: `resume` lets it flow again. */
export interface BodyFlow {
  resume(): void;
}

/** What the proxy does with the target's answer, as it comes. */
export interface AnswerHandler {
  /** The final status and headers (lower-case names; a repeated header as a list). */
  onAnswer(status: number, headers: IncomingHttpHeaders, body: BodyFlow): void;
  /** A piece of the body; `false` holds the rest back until `resume` is called. */
  onData(chunk: Buffer): boolean;
  onEnd(): void;
  onError(failure: TargetFailure): void;
}

/** Why an exchange with the target failed. */
export interface TargetFailure {
  /** Whether the status had come. */
  readonly answered: boolean;
  /** Whether the target took longer than the timeout: to connect, to answer, or between chunks. */
  readonly timedOut: boolean;
  /** An error code (`ECONNREFUSED`), or `no answer within N ms`. */
  readonly detail: string;
  /** The whole message, for the proxy's log. */
  readonly message: string;
}

const TIMEOUTS = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Errors that say a connection was closed under a request, not that the target refused it: a
 * reset, a write to a closed socket, or the connection closed before the answer (undici's
 * `UND_ERR_SOCKET`, what Node's own client calls ECONNRESET, "socket hang up").
 */
const CLOSED_UNDER = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/**
 * What `UND_ERR_HEADERS_OVERFLOW` means: undici stopped reading an answer's head over Node's
 * `--max-http-header-size` (16 KiB by default), and holds none of it.
 */
const TOO_LARGE_HEAD = `the answer's headers are over the proxy's limit of ${maxHeaderSize} bytes`;

/** A one-off connection closed twice: nothing to do. */
function alreadyClosed(): void {}

/**
 * The connections to the server behind the proxy: undici's pool of kept-alive connections,
 * which costs less CPU a request than node:http's client (no stream object per answer; its
 * body comes in chunks to a handler, with backpressure). Nothing is buffered here.
 */
export class TargetPool {
  private readonly pool: PoolType;
  /** Each attempt's timeouts: to connect, for the answer's head, between its body's chunks. */
  readonly options: PoolType.Options;

  constructor(
    readonly origin: string,
    readonly timeoutMs: number,
  ) {
    this.options = { connectTimeout: timeoutMs, headersTimeout: timeoutMs, bodyTimeout: timeoutMs };
    this.pool = new Pool(origin, this.options);
  }

  /** An exchange with the target, to send a request on (or to cancel before it is sent). */
  exchange(): TargetExchange {
    return new TargetExchange(this, this.pool);
  }

  /** Closes every connection at once. */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/**
 * One request to the target and its answer: the dispatch handler undici calls as the answer
 * comes, which hands it on to an {@link AnswerHandler}.
 */
export class TargetExchange implements Dispatcher.DispatchHandler, BodyFlow {
  private handler: AnswerHandler | undefined;
  private request: Dispatcher.DispatchOptions | undefined;
  private replayable = false;
  private controller: Dispatcher.DispatchController | undefined;
  private cancelled = false;
  private answered = false;
  /** Whether the answer is a 204 or a 304, which has no body whatever its headers say. */
  private bodiless = false;
  /** The connection of its own a request sent again goes on, closed after it. */
  private oneOff: InstanceType<typeof Client> | undefined;

  constructor(
    private readonly pool: TargetPool,
    private readonly dispatcher: Dispatcher,
  ) {}

  /** Sends `request`; its answer goes to `handler`. Nothing is sent once cancelled. */
  send(request: TargetRequest, handler: AnswerHandler): void {
    if (this.cancelled) return;
    this.handler = handler;
    this.replayable = request.replayable;
    this.request = {
      origin: this.pool.origin,
      method: request.method as Dispatcher.HttpMethod,
      path: request.path,
      // undici's types say a list's values are strings; it takes a repeated header's list too.
      headers: request.headers as string[],
      body: request.body,
    };
    this.dispatcher.dispatch(this.request, this);
  }

  /** The client went away: the request to the target, sent or not, is of no more use. */
  cancel(): void {
    this.cancelled = true;
    this.controller?.abort(new Error('the client went away'));
  }

  /** Lets the answer's body flow again after the handler held it back. */
  resume(): void {
    this.controller?.resume();
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // The client went while a connection was being made.
    if (this.cancelled) controller.abort(new Error('the client went away'));
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
  ): void {
    // An interim answer (103 Early Hints): the final one follows.
    if (status < 200) return;
    this.answered = true;
    this.bodiless = isBodilessStatus(status);
    this.controller = controller;
    this.handler!.onAnswer(status, headers, this);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.handler!.onData(chunk)) controller.pause();
  }

  onResponseEnd(): void {
    this.oneOff?.close().catch(alreadyClosed);
    this.handler!.onEnd();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    const code = (error as NodeJS.ErrnoException).code;
    // undici 7 takes the Content-Length of a 304 (the length of what the client holds, RFC 9110
    // 8.6) or of a 204 for a body that never came, and closes the connection: the answer is
    // whole, as undici 8 sees it.
    if (this.bodiless && code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' && !this.cancelled) {
      return this.onResponseEnd();
    }
    this.oneOff?.destroy().catch(alreadyClosed);
    if (this.cancelled) return;
    // A kept-alive connection the target closed as the request went out (it may close an idle
    // one at any time, RFC 9112 9.3.1): sent again, once, on a connection of its own, when
    // sending it twice is safe (RFC 9110 9.2.2).
    if (!this.answered && this.replayable && this.oneOff === undefined && CLOSED_UNDER.has(code!)) {
      this.oneOff = new Client(this.pool.origin, this.pool.options);
      this.oneOff.dispatch(this.request!, this);
      return;
    }
    const timedOut = TIMEOUTS.has(code!);
    const detail = timedOut
      ? `no answer within ${this.pool.timeoutMs} ms`
      : code === 'UND_ERR_SOCKET'
        ? 'ECONNRESET'
        : code === 'UND_ERR_HEADERS_OVERFLOW'
          ? TOO_LARGE_HEAD
          : (code ?? error.message);
    const message =
      timedOut || code === 'UND_ERR_HEADERS_OVERFLOW'
        ? detail
        : code === 'UND_ERR_SOCKET'
          ? `the target closed the connection (${error.message})`
          : error.message;
    this.handler!.onError({ answered: this.answered, timedOut, detail, message });
  }
}
