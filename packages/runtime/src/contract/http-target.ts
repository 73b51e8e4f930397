import { decodeBody, encodeBody, mediaKindOfContentType } from './body-codec.js';
import type { ApiResponse, Credentials, EndpointContract, Target } from './contract.js';
import { placeCredentials } from './credentials.js';
import { ContractViolation, DiscardedRun, TargetUnreachable } from './failures.js';
import { isBlockedPort } from './fetch-ports.js';
import { decodeText, readBody } from './read-body.js';

/** The default cap on a response body: 4 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Options of an HTTP target. */
export interface HttpTargetOptions {
  /** How long one request may take, in milliseconds (default 10,000). */
  readonly timeoutMs?: number;
  /** Credentials by scheme name, sent to protected endpoints and never reported. */
  readonly credentials?: Credentials;
  /** The most bytes a response body may have (default 4 MiB); a larger one is a failure. */
  readonly maxBodyBytes?: number;
  /**
   * Timeouts in a row, with no answer in between, after which the server is declared
   * unreachable (default 3) when it never answered or they were on more than one endpoint: a
   * silent server costs a few timeouts, not minutes.
   */
  readonly maxTimeouts?: number;
}

/** Thrown for a target fetch cannot use at all: a port it refuses, a URL it cannot take. */
export class TargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetRefused';
  }
}

/** A query or header value as text: strings as they are, other values as JSON. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The URL of a request: path parameters filled in (encoded), query parameters appended. */
export function requestUrl(
  base: string,
  endpoint: EndpointContract,
  request: Readonly<Record<string, unknown>>,
): string {
  const path = endpoint.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(text(request[name])),
  );
  const url = new URL(base.replace(/\/+$/, '') + path);
  for (const param of endpoint.query) {
    const value = request[param.name];
    if (value === undefined) continue;
    // Lists go as repeated keys: OpenAPI's default (`style: form`, `explode: true`).
    for (const item of Array.isArray(value) ? value : [value])
      url.searchParams.append(param.wireName, text(item));
  }
  return url.href;
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/**
 * A target that sends real HTTP requests to a server at `base` (any language): parameters and
 * a JSON body as the OpenAPI output describes them. The server is not trusted: redirects are
 * never followed (a 3xx is an answer, checked as any other), a body is read up to
 * `maxBodyBytes` and within the timeout, and a JSON body must be valid UTF-8. A refused
 * connection, or `maxTimeouts` timeouts in a row (from a server that never answered, or on
 * more than one endpoint), throws {@link TargetUnreachable}; a port
 * fetch refuses throws {@link TargetRefused}; a timeout, a connection closed early, a body too
 * large or not the JSON its content type says is a {@link ContractViolation} naming the request.
 */
export function httpTarget(base: string, options: HttpTargetOptions = {}): Target {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const credentials = options.credentials ?? {};
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxTimeouts = options.maxTimeouts ?? 3;
  if (isBlockedPort(new URL(base)))
    throw new TargetRefused(
      `fetch refuses to connect to port ${new URL(base).port} (a port the Fetch standard blocks); run the server on another port`,
    );
  // Timeouts in a row, and on which endpoints; whether the server ever answered.
  let timeoutsInARow = 0;
  const timedOut = new Set<string>();
  let answered = false;
  return {
    description: base,
    baseUrl: base,
    async send(endpoint, request, sendOptions = {}) {
      const url = new URL(requestUrl(base, endpoint, request));
      // What a report names: the request without credentials, which are added after.
      const what = `${endpoint.method} ${url.pathname}${url.search}`;
      const placement = sendOptions.withoutCredentials
        ? { headers: {}, query: {} }
        : placeCredentials(endpoint, credentials);
      for (const [name, value] of Object.entries(placement.query))
        url.searchParams.append(name, value);
      const accept = acceptHeader(endpoint);
      const headers: Record<string, string> = { accept };
      for (const param of endpoint.headers) {
        const value = request[param.name];
        if (value === undefined) continue;
        const header = text(value);
        if (header === '' && !param.optional)
          throw new DiscardedRun(`the required header ${param.wireName} would be sent empty`);
        // HTTP carries visible ASCII in a header (and trims the ends): a value generated for a
        // property that HTTP cannot carry is not sent, and the run is discarded.
        if (!/^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/.test(header))
          throw new DiscardedRun(
            `the header ${param.wireName} cannot carry ${JSON.stringify(header)} over HTTP`,
          );
        headers[param.wireName] = header;
      }
      const hasBody = endpoint.hasBody && request['body'] !== undefined;
      const encoded = sendOptions.rawBody
        ? { body: sendOptions.rawBody.text, contentType: sendOptions.rawBody.contentType }
        : hasBody
          ? encodeBody(request['body'], endpoint.bodyMedia?.[0])
          : undefined;
      if (encoded?.contentType) headers['content-type'] = encoded.contentType;
      Object.assign(headers, placement.headers);
      let response: Response;
      let body: Awaited<ReturnType<typeof readBody>>;
      const signal = AbortSignal.timeout(timeoutMs);
      const sendOnce = () =>
        fetch(url, {
          method: endpoint.method,
          headers,
          ...(encoded && { body: encoded.body }),
          redirect: 'manual',
          signal,
        });
      try {
        try {
          response = await sendOnce();
        } catch (error) {
          // A kept-alive connection the server closed while idle is reset when reused, before
          // any answer: that request is sent once more, on a new connection.
          const code = causeCode(error);
          if ((code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') || signal.aborted) throw error;
          response = await sendOnce();
        }
        body = await readBody(response, maxBodyBytes);
      } catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError') {
          timeoutsInARow++;
          timedOut.add(`${endpoint.method} ${endpoint.path}`);
          // One endpoint that hangs while others answer is a failure of that endpoint.
          if (timeoutsInARow >= maxTimeouts && (!answered || timedOut.size > 1))
            throw new TargetUnreachable(
              `${base} gave no answer within ${timeoutMs} ms to ${timeoutsInARow} requests in a row (the last ${what})`,
            );
          throw new ContractViolation('unreachable', `${what}: no answer within ${timeoutMs} ms`);
        }
        const code = causeCode(error);
        if (/bad port/i.test(String((error as { cause?: { message?: unknown } }).cause?.message)))
          throw new TargetRefused(`fetch refuses to connect to ${base} (a blocked port)`);
        if (code === 'ECONNREFUSED' || code === 'ENOTFOUND')
          throw new TargetUnreachable(`cannot reach ${base} (${code}) for ${what}`);
        const reason = code ?? (error instanceof Error ? error.message : String(error));
        throw new ContractViolation('unreachable', `${what}: the connection failed (${reason})`);
      }
      timeoutsInARow = 0;
      timedOut.clear();
      answered = true;
      if (body.kind === 'too-large')
        throw new ContractViolation(
          'body',
          `${what} answered ${response.status} with a body larger than ${maxBodyBytes} bytes (the cap, --max-body); reading stopped there`,
        );
      return parseAnswer(what, response, body.bytes);
    },
  };
}

/** The media types the endpoint's answers may have, JSON first when it has one. */
function acceptHeader(endpoint: EndpointContract): string {
  const types = new Set<string>(['application/json']);
  for (const shape of endpoint.responses)
    for (const body of shape.bodies ?? []) types.add(body.mediaType);
  return [...types].join(', ');
}

function parseAnswer(what: string, response: Response, bytes: Uint8Array): ApiResponse {
  const contentType = response.headers.get('content-type') ?? undefined;
  // By lower-case name, repeated ones joined (fetch bounds their size).
  const headers = Object.fromEntries(response.headers.entries());
  // An empty body is no body, except zero bytes or an empty text under their content type.
  if (bytes.byteLength === 0)
    return { status: response.status, body: decodeBody(bytes, contentType), contentType, headers };
  const json = contentType === undefined || mediaKindOfContentType(contentType) === 'json';
  if (json && decodeText(bytes, true) === undefined)
    throw new ContractViolation(
      'body',
      `${what} answered ${response.status} with a JSON body that is not valid UTF-8`,
    );
  try {
    return { status: response.status, body: decodeBody(bytes, contentType), contentType, headers };
  } catch {
    const text = decodeText(bytes, false) ?? '';
    const start = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw new ContractViolation(
      'body',
      `${what} answered ${response.status} with a body that is not JSON: ${JSON.stringify(start)}`,
    );
  }
}
