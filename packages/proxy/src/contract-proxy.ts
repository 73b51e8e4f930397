import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CompiledContract, ContractTelemetry, RequestTelemetry } from '@specl/runtime';
import { ExchangeChecker } from '@specl/runtime';
import { proxyProblem, sendProblem } from './problem-response.js';
import type { ExchangeSettings, ProxyViolation } from './proxy-exchange.js';
import { ProxyExchange } from './proxy-exchange.js';
import { readCappedBody } from './read-capped-body.js';
import { TargetPool } from './target-pool.js';

export type { ProxyViolation } from './proxy-exchange.js';

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
  /** How many requests it has taken so far. */
  readonly requests: number;
  close(): Promise<void>;
}

const noTelemetry: RequestTelemetry = { violation() {}, end() {} };

/** Answers 413 and closes the connection: the request's body is over the cap. */
function sendTooLarge(res: ServerResponse, cap: number): void {
  const detail = `the proxy reads JSON bodies of at most ${cap} bytes`;
  sendProblem(res, proxyProblem(413, 'The request body is too large', detail), true);
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

  const settings: ExchangeSettings = {
    checker,
    enforce: mode === 'enforce',
    replace: mode === 'enforce' && options.replaceBadResponses === true,
    cap,
    targetHost: target.host,
    basePath: target.pathname.replace(/\/+$/, ''),
    onViolation: options.onViolation,
    onTargetError: options.onTargetError,
  };

  /** How many requests the proxy has taken. */
  let requests = 0;

  /**
   * Starts an exchange: routes the request, and sends it on at once, or once its body is read.
   * Not an async function: most requests (a GET) read no body, and need no promise nor
   * generator object; a body is read with a callback, and a failure of the proxy's own code
   * after it is read is caught there.
   */
  function handle(req: IncomingMessage, res: ServerResponse): void {
    requests++;
    const started = performance.now();
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const routed = checker.route(method, url);
    const telemetry =
      options.telemetry?.start(options.contract, {
        method,
        url,
        endpoint: routed?.contract.name,
        route: routed?.contract.path,
      }) ?? noTelemetry;
    const upstream = pool.exchange();
    const exchange = new ProxyExchange(
      settings,
      req,
      res,
      routed,
      telemetry,
      upstream,
      method,
      url,
    );
    // One listener for the end of every exchange: a response closes after it is sent, or when
    // the client goes away first; then the request to the target, if any, is of no more use.
    res.on('close', () => {
      const finished = res.writableFinished;
      if (!finished) upstream.cancel();
      telemetry.end(finished ? res.statusCode : undefined, (performance.now() - started) / 1000);
    });

    if (!exchange.readsBody) return exchange.sendOn(undefined);
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > cap) return sendTooLarge(res, cap);
    readCappedBody(req, cap, (read) => {
      try {
        if ('tooLarge' in read) return sendTooLarge(res, cap);
        if ('failed' in read) return void res.destroy();
        exchange.sendOn(read.bytes);
      } catch (error) {
        failed(req, res, error);
      }
    });
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
        handle(req, res);
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
    get requests() {
      return requests;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, pool.close()]);
    },
  };
}
