import { createServer } from 'node:http';
import type {
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  Server,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  CheckedRequest,
  CompiledContract,
  ContractTelemetry,
  ContractViolation,
  EndpointContract,
  RequestTelemetry,
  RoutedRequest,
} from '@specl/runtime';
import { ExchangeChecker, isReadableMediaType } from '@specl/runtime';
import { forwardHeaders } from './forward-headers.js';
import { proxyProblem, sendProblem, violationProblem } from './problem-response.js';
import { readCappedBody } from './read-capped-body.js';
import type { AnswerHandler } from './target-pool.js';
import { TargetPool } from './target-pool.js';

/** `observe` forwards everything and reports; `enforce` also stops requests that break the spec. */
export type ProxyMode = 'observe' | 'enforce';

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

/** Whether a request comes without a body: neither a length nor a transfer coding (RFC 9112 6.3). */
function hasNoBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}

/** Methods a request of which may be sent twice with the effect of once (RFC 9110 9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/**
 * Request headers not forwarded besides the hop-by-hop ones: the target's `host` is set instead,
 * and an `expect: 100-continue` was met by the proxy's own server, which asked for the body.
 */
const NOT_FORWARDED = ['host', 'expect'];

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

  const report = (
    telemetry: RequestTelemetry,
    base: Omit<ProxyViolation, 'violation'>,
    violations: readonly ContractViolation[],
  ) => {
    for (const violation of violations) {
      telemetry.violation(violation);
      options.onViolation?.({ ...base, violation });
    }
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
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
    const readBody = routed !== undefined && bodyDeclared && isReadableMediaType(requestType);
    let body: Buffer | undefined;
    if (readBody) {
      const length = Number(req.headers['content-length'] ?? 0);
      const tooLarge = () =>
        sendProblem(
          res,
          proxyProblem(
            413,
            'The request body is too large',
            `the proxy reads JSON bodies of at most ${cap} bytes`,
          ),
          true,
        );
      if (length > cap) return tooLarge();
      const read = await readCappedBody(req, cap);
      if ('tooLarge' in read) return tooLarge();
      if ('failed' in read) return res.destroy();
      body = read.bytes;
    }

    let checked: CheckedRequest | undefined;
    const checkRequest = (routedRequest: RoutedRequest) => {
      const result = checker.checkRequest(
        routedRequest,
        url,
        req.headers,
        readBody
          ? { contentType: requestType, bytes: body }
          : { contentType: requestType, unread: true },
      );
      // Any answer will do for a broken request: its response is not checked.
      checked = result.violations.length > 0 ? undefined : result;
      return result.violations;
    };
    const base = { endpoint: endpoint!, method, url, side: 'request' as const };
    if (routed !== undefined && mode === 'enforce') {
      const violations = checkRequest(routed);
      const reject = violations.length > 0;
      report(telemetry, { ...base, action: reject ? 'rejected' : 'forwarded' }, violations);
      if (reject) {
        const status = rejectionStatus(routed.contract);
        if (!readBody) req.resume(); // an unread body is drained, not forwarded
        return sendProblem(
          res,
          violationProblem(status, 'The request breaks the API contract', endpoint!, violations),
        );
      }
    }

    const headers = forwardHeaders(req.headers, NOT_FORWARDED);
    headers['host'] = target.host;
    headers['x-forwarded-host'] = req.headers.host ?? '';
    headers['x-forwarded-proto'] = 'http';
    if (body !== undefined) {
      headers['content-length'] = String(body.length);
    }
    const noBody = body === undefined && hasNoBody(req);
    // Nothing to stream (a GET): the request's end is read and the target gets no body.
    if (noBody) req.resume();
    const where = { endpoint, method, url };
    upstream.send(
      {
        method,
        path: basePath + url,
        headers,
        body: body ?? (noBody ? null : req),
        // A request whose whole body the proxy holds, of a method that may be sent twice.
        replayable: (body !== undefined || noBody) && IDEMPOTENT.has(method),
      },
      relayAnswer(() => checked, telemetry, res, where),
    );
    if (routed !== undefined && mode === 'observe') {
      // Nothing to stop: the request is on its way, and is checked while the target works on
      // it (its answer, an I/O event, comes after this turn).
      try {
        report(telemetry, { ...base, action: 'forwarded' }, checkRequest(routed));
      } catch (error) {
        checked = undefined;
        options.onTargetError?.(
          `${method} ${url}: a contract check failed (a bug in Specl; please report it): ${String(error)}`,
        );
      }
    }
  }

  /**
   * What is done with the target's answer to a request, as it comes: streamed through to the
   * client (an unchecked request's answer, a body that is not read, one over the cap), or read
   * whole to be checked, then forwarded (or replaced by a 502 in enforce mode). The checked
   * request is asked for when the answer comes: in observe mode it is checked after it is sent.
   */
  function relayAnswer(
    checkedRequest: () => CheckedRequest | undefined,
    telemetry: RequestTelemetry,
    res: ServerResponse,
    where: { endpoint?: string; method: string; url: string },
  ): AnswerHandler {
    const what = `${where.method} ${where.url}`;
    let status = 502;
    let answerHeaders: IncomingHttpHeaders = {};
    let forwarded: OutgoingHttpHeaders = {};
    let checked: CheckedRequest | undefined;
    let contentType: string | undefined;
    /** The body: streamed to the client, read to be checked, or dropped (replaced by a 502). */
    let flow: 'stream' | 'read' | 'drop' = 'stream';
    let chunks: Buffer[] = [];
    let size = 0;
    let resume = () => {};
    const write = (chunk: Buffer) => {
      if (res.write(chunk)) return true;
      res.once('drain', resume);
      return false;
    };
    const base = () => ({
      endpoint: where.endpoint!,
      method: where.method,
      url: where.url,
      side: 'response' as const,
    });
    const replace = mode === 'enforce' && options.replaceBadResponses === true;
    return {
      onAnswer(answerStatus, headers, resumeBody) {
        status = answerStatus;
        resume = resumeBody;
        answerHeaders = headers;
        forwarded = forwardHeaders(headers);
        contentType = header(headers['content-type']);
        checked = checkedRequest();
        if (checked === undefined) return void res.writeHead(status, forwarded);
        if (isReadableMediaType(contentType)) {
          flow = 'read';
          return;
        }
        // Bytes or multipart: the status and media type are checked; the body streams through.
        const violations = checker.checkResponse(
          checked,
          status,
          { contentType, unread: true },
          headers,
        );
        const replaced = replace && violations.length > 0;
        report(telemetry, { ...base(), action: replaced ? 'replaced' : 'forwarded' }, violations);
        if (!replaced) return void res.writeHead(status, forwarded);
        flow = 'drop';
        sendReplaced(violations);
      },
      onData(chunk) {
        if (flow === 'stream') return write(chunk);
        if (flow === 'drop') return true;
        size += chunk.length;
        chunks.push(chunk);
        if (size <= cap) return true;
        options.onTargetError?.(
          `${what}: a JSON answer over ${cap} bytes streams through unchecked`,
        );
        flow = 'stream';
        res.writeHead(status, forwarded);
        const head = Buffer.concat(chunks, size);
        chunks = [];
        return write(head);
      },
      onEnd() {
        if (flow === 'stream') return void res.end();
        if (flow === 'drop') return;
        const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
        chunks = [];
        forwardChecked(checked!, status, answerHeaders, forwarded, contentType, bytes);
      },
      onError(failure) {
        if (flow === 'read') {
          options.onTargetError?.(`${what}: the answer broke off (${failure.message})`);
          return res.destroy();
        }
        options.onTargetError?.(`${what}: ${failure.message}`);
        if (failure.answered) return res.destroy();
        sendProblem(
          res,
          failure.timedOut
            ? proxyProblem(504, 'The target did not answer in time', `${what}: ${failure.detail}`)
            : proxyProblem(502, 'The target did not answer', `${what}: ${failure.detail}`),
        );
      },
    };

    /** A 502 instead of an answer that breaks the contract (enforce mode, if asked for). */
    function sendReplaced(violations: readonly ContractViolation[]) {
      const title = 'The response breaks the API contract';
      sendProblem(res, violationProblem(502, title, where.endpoint!, violations));
    }

    /** A whole answer read: checked, and forwarded (first, unless it may be replaced). */
    function forwardChecked(
      checked: CheckedRequest,
      status: number,
      headers: IncomingHttpHeaders,
      forwarded: OutgoingHttpHeaders,
      contentType: string | undefined,
      bytes: Buffer,
    ) {
      const forward = () => {
        forwarded['content-length'] = String(bytes.length);
        res.writeHead(status, forwarded);
        res.end(bytes);
      };
      const check = () => checker.checkResponse(checked, status, { contentType, bytes }, headers);
      if (!replace) {
        // Nothing to replace: the answer goes out first, and is checked after.
        forward();
        return report(telemetry, { ...base(), action: 'forwarded' }, check());
      }
      const violations = check();
      const replaced = violations.length > 0;
      report(telemetry, { ...base(), action: replaced ? 'replaced' : 'forwarded' }, violations);
      if (replaced) return sendReplaced(violations);
      forward();
    }
  }

  const server = createServer(
    {
      requestTimeout: clientTimeout,
      headersTimeout: Math.min(clientTimeout, 60_000),
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(clientTimeout / 4))),
      keepAliveTimeout: 5000,
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        options.onTargetError?.(
          `${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (!res.headersSent)
          sendProblem(res, proxyProblem(500, 'The proxy failed', 'see the proxy log'));
        else res.destroy();
      });
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
