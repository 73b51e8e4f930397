import { decodeBody, encodeBody } from './body-codec.js';
import type { ApiResponse, Credentials, EndpointContract, Target } from './contract.js';
import { placeCredentials } from './credentials.js';
import { ContractViolation, DiscardedRun, TargetUnreachable } from './failures.js';

/** Options of an HTTP target. */
export interface HttpTargetOptions {
  /** How long one request may take, in milliseconds (default 10,000). */
  readonly timeoutMs?: number;
  /** Credentials by scheme name, sent to protected endpoints and never reported. */
  readonly credentials?: Credentials;
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
 * a JSON body as the OpenAPI output describes them. A refused connection throws
 * {@link TargetUnreachable}; a timeout, a connection closed early or a body that is not the JSON
 * its content type says is a {@link ContractViolation} naming the request.
 */
export function httpTarget(base: string, options: HttpTargetOptions = {}): Target {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const credentials = options.credentials ?? {};
  return {
    description: base,
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
        // HTTP carries visible ASCII in a header (and trims the ends): a value generated for a
        // property that HTTP cannot carry is not sent, and the run is discarded.
        if (!/^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/.test(header))
          throw new DiscardedRun(
            `the header ${param.wireName} cannot carry ${JSON.stringify(header)} over HTTP`,
          );
        headers[param.wireName] = header;
      }
      const hasBody = endpoint.hasBody && request['body'] !== undefined;
      const encoded = hasBody ? encodeBody(request['body'], endpoint.bodyMedia?.[0]) : undefined;
      if (encoded?.contentType) headers['content-type'] = encoded.contentType;
      Object.assign(headers, placement.headers);
      let response: Response;
      let raw: Uint8Array;
      try {
        response = await fetch(url, {
          method: endpoint.method,
          headers,
          ...(encoded && { body: encoded.body }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        raw = new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError')
          throw new ContractViolation('unreachable', `${what}: no answer within ${timeoutMs} ms`);
        const code = causeCode(error);
        if (code === 'ECONNREFUSED' || code === 'ENOTFOUND')
          throw new TargetUnreachable(`cannot reach ${base} (${code}) for ${what}`);
        const reason = code ?? (error instanceof Error ? error.message : String(error));
        throw new ContractViolation('unreachable', `${what}: the connection failed (${reason})`);
      }
      return parseAnswer(what, response, raw);
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

function parseAnswer(what: string, response: Response, raw: Uint8Array): ApiResponse {
  const contentType = response.headers.get('content-type') ?? undefined;
  try {
    return { status: response.status, body: decodeBody(raw, contentType), contentType };
  } catch {
    const text = new TextDecoder().decode(raw);
    const start = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw new ContractViolation(
      'body',
      `${what} answered ${response.status} with a body that is not JSON: ${JSON.stringify(start)}`,
    );
  }
}
