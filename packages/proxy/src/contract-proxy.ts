import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  CompiledContract,
  ContractTelemetry,
  EndpointContract,
  RequestTelemetry,
  RoutedRequest,
  WireBody,
} from '@specl/runtime';
import { ExchangeChecker, isReadableMediaType } from '@specl/runtime';
import type { ProxyViolation, RelaySettings } from './answer-relay.js';
import { AnswerRelay } from './answer-relay.js';
import { forwardHeaders } from './forward-headers.js';
import { proxyProblem, sendProblem, violationProblem } from './problem-response.js';
import { readCappedBody } from './read-capped-body.js';
import type { TargetExchange } from './target-pool.js';
import { TargetPool } from './target-pool.js';

export type { ProxyViolation } from './answer-relay.js';

/** `observe` forwards everything and reports; `enforce` also stops requests that break the spec. */
export type ProxyMode = 'observe' | 'enforce';

/** Options of {@link startContractProxy}. */
export interface ContractProxyOptions {
  readonly contract: CompiledContract;
  /** The server behind the proxy: `http://127.0.0.1:8080`. */
  readonly target: string;
  readonly mode?: ProxyMode;
  /** In `enforce` mode, answer 502 instead of a response that breaks the contract. */
  readonly replaceBadResponses?: boolean;
  /** The largest JSON body the proxy reads to check (default 1 MiB): larger requests get 413. */
  readonly maxBodyBytes?: number;
  /** How long the target may take to answer, in milliseconds (default 30,000): then 504. */
  readonly targetTimeoutMs?: number;
  /** How long a client may take to send its whole request, in milliseconds (default 30,000). */
  readonly clientTimeoutMs?: number;
  readonly telemetry?: ContractTelemetry;
  readonly onViolation?: (report: ProxyViolation) => void;
  /** Told of the proxy's own trouble with the target: down, slow, a broken answer. */
  readonly onTargetError?: (message: string) => void;
}

/** A running proxy. */
export interface RunningProxy {
  /** Where it listens: `http://127.0.0.1:8081`. */
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

const noTelemetry: RequestTelemetry = { violation() {}, end() {} };

/** The declared status for a request that breaks the contract: a declared 400 or 422, else 400. */
function rejectionStatus(contract: EndpointContract): number {
  const declared = contract.responses.map((r) => r.status);
  return declared.includes(400) ? 400 : declared.includes(422) ? 422 : 400;
}

/** Answers 413 and closes the connection: the request's body is over the cap. */
function sendTooLarge(res: ServerResponse, cap: number): void {
  const detail = `the proxy reads JSON bodies of at most ${cap} bytes`;
  sendProblem(res, proxyProblem(413, 'The request body is too large', detail), true);
}

/** Whether a request comes without a body: neither a length nor a transfer coding (RFC 9112 6.3). */
function hasNoBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}

/** Methods a request of which may be sent twice with the effect of once (RFC 9110 9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/**
 * Request headers not forwarded besides the hop-by-hop ones: the target's `host` and the
 * proxy's own `x-forwarded-host` and `x-forwarded-proto` are set instead (a client's copy kept
 * beside them would let it name the scheme or host the target believes, as most frameworks read
 * the first), and an `expect: 100-continue` was met by the proxy's own server, which asked for
 * the body.
 */
const NOT_FORWARDED = ['host', 'x-forwarded-host', 'x-forwarded-proto', 'expect'];
/** A body the proxy read goes on with a length of its own (the client's may be chunked). */
const NOT_FORWARDED_WITH_BODY = [...NOT_FORWARDED, 'content-length'];

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * A reverse proxy that checks live traffic against a compiled contract, for a server in any
 * language: every request and response is checked as the verifier checks a single exchange.
 * JSON, text and form bodies of the spec's endpoints are read (up to a cap) to be checked;
 * every other body streams through with backpressure, its media type checked. Each request is independent: a slow target holds up only
 * the requests waiting on it.
 */
export async function startContractProxy(
  options: ContractProxyOptions,
  listen: { readonly host: string; readonly port: number },
): Promise<RunningProxy> {
  const checker = new ExchangeChecker(options.contract);
  const mode = options.mode ?? 'observe';
  const cap = options.maxBodyBytes ?? 1024 * 1024;
  const targetTimeout = options.targetTimeoutMs ?? 30_000;
  const clientTimeout = options.clientTimeoutMs ?? 30_000;
  const target = new URL(options.target);
  const pool = new TargetPool(target.origin, targetTimeout);
  const basePath = target.pathname.replace(/\/+$/, '');

  const settings: RelaySettings = {
    checker,
    replace: mode === 'enforce' && options.replaceBadResponses === true,
    cap,
    onViolation: options.onViolation,
    onTargetError: options.onTargetError,
  };

  /**
   * Starts an exchange: routes the request, and sends it on at once, or once its body is read
   * (then the promise of that). Not an async function: most requests (a GET) read no body, and
   * need no promise nor generator object.
   */
  function handle(req: IncomingMessage, res: ServerResponse): Promise<void> | undefined {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const routed: RoutedRequest | undefined = checker.route(method, url);
    const endpoint = routed?.contract.name;
    const telemetry =
      options.telemetry?.start(options.contract, {
        method,
        url,
        endpoint,
        route: routed?.contract.path,
      }) ?? noTelemetry;
    const relay = new AnswerRelay(settings, res, telemetry, endpoint, method, url);
    // One listener for the end of every exchange: a response closes after it is sent, or when
    // the client goes away first; then the request to the target, if any, is of no more use.
    const upstream = pool.exchange();
    res.on('close', () => {
      const finished = res.writableFinished;
      if (!finished) upstream.cancel();
      telemetry.end(finished ? res.statusCode : undefined, (performance.now() - started) / 1000);
    });

    const requestType = header(req.headers['content-type']);
    const bodyDeclared = routed?.contract.hasBody === true;
    if (routed === undefined || !bodyDeclared || !isReadableMediaType(requestType))
      return sendOn(req, res, routed, relay, upstream, requestType, undefined);
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > cap) {
      sendTooLarge(res, cap);
      return undefined;
    }
    return readCappedBody(req, cap).then((read) => {
      if ('tooLarge' in read) return sendTooLarge(res, cap);
      if ('failed' in read) return void res.destroy();
      sendOn(req, res, routed, relay, upstream, requestType, read.bytes);
    });
  }

  /**
   * Checks the request when asked (enforce mode: before it goes; observe mode: after), and
   * sends it on to the target; `body` is the bytes read, or `undefined` for a body not read.
   */
  function sendOn(
    req: IncomingMessage,
    res: ServerResponse,
    routed: RoutedRequest | undefined,
    relay: AnswerRelay,
    upstream: TargetExchange,
    requestType: string | undefined,
    body: Buffer | undefined,
  ): undefined {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const wire: WireBody =
      body !== undefined
        ? { contentType: requestType, bytes: body }
        : { contentType: requestType, unread: true };

    if (routed !== undefined && mode === 'enforce') {
      const violations = relay.checkRequest(routed, req.headers, wire);
      const reject = violations.length > 0;
      relay.report('request', reject ? 'rejected' : 'forwarded', violations);
      if (reject) {
        const status = rejectionStatus(routed.contract);
        if (body === undefined) req.resume(); // an unread body is drained, not forwarded
        const title = 'The request breaks the API contract';
        sendProblem(res, violationProblem(status, title, routed.contract.name, violations));
        return;
      }
    }

    const dropped = body === undefined ? NOT_FORWARDED : NOT_FORWARDED_WITH_BODY;
    const headers = forwardHeaders(req.headers, dropped);
    headers.push('host', target.host, 'x-forwarded-host', req.headers.host ?? '');
    headers.push('x-forwarded-proto', 'http');
    if (body !== undefined) headers.push('content-length', String(body.length));
    const noBody = body === undefined && hasNoBody(req);
    // Nothing to stream (a GET): the request's end is read and the target gets no body.
    if (noBody) req.resume();
    upstream.send(
      {
        method,
        path: basePath + url,
        headers,
        body: body ?? (noBody ? null : req),
        // A request whose whole body the proxy holds, of a method that may be sent twice.
        replayable: (body !== undefined || noBody) && IDEMPOTENT.has(method),
      },
      relay,
    );
    if (routed !== undefined && mode === 'observe') {
      // Nothing to stop: the request is sent, and checked in this turn, before its answer (an
      // I/O event) can come. Sent, not yet written: on a kept-alive connection undici writes it
      // in the event loop's check phase after this turn (its idle-socket validation, 7.30), so
      // the check runs before the bytes go; on a new connection, while it connects.
      try {
        relay.report('request', 'forwarded', relay.checkRequest(routed, req.headers, wire));
      } catch (error) {
        relay.checked = undefined;
        options.onTargetError?.(
          `${method} ${url}: a contract check failed (a bug in Specl; please report it): ${String(error)}`,
        );
      }
    }
    return undefined;
  }

  /** A failure of the proxy's own (a bug): logged, and a 500, or the connection cut. */
  function failed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    options.onTargetError?.(
      `${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (!res.headersSent)
      sendProblem(res, proxyProblem(500, 'The proxy failed', 'see the proxy log'));
    else res.destroy();
  }

  const server = createServer(
    {
      requestTimeout: clientTimeout,
      headersTimeout: Math.min(clientTimeout, 60_000),
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(clientTimeout / 4))),
      keepAliveTimeout: 5000,
    },
    (req, res) => {
      try {
        handle(req, res)?.catch((error: unknown) => failed(req, res, error));
      } catch (error) {
        failed(req, res, error);
      }
    },
  );
  // A client that sends a malformed request, or holds its connection past the client timeout.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\n\r\n`);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, pool.close()]);
    },
  };
}
