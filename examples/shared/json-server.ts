// What the examples' plain node:http servers share: routing by method and path template, JSON
// bodies in and out, and listening on 127.0.0.1. Each example's server/http-server.ts only
// lists its routes.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EndpointContract } from '@specl/runtime';
import { decodeRequest, handlerHeaders, requestViolations } from '@specl/runtime';

/** A request as a route sees it: path parameters by name (decoded), query, headers and body. */
export interface JsonRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** An answer: a status and a body (none when `undefined`): JSON, or text or bytes as typed. */
export interface JsonAnswer {
  readonly status: number;
  readonly body?: unknown;
  /** The media type of a text or bytes body (`text/plain`, `image/png`). */
  readonly contentType?: string;
  /** The response headers (`with NAME`), by their Specl names. */
  readonly headers?: object;
}

/** One operation: a method, a path template such as `/accounts/{id}`, and what it calls. */
export interface Route<H> {
  readonly method: string;
  readonly path: string;
  call(handlers: H, request: JsonRequest): Promise<JsonAnswer>;
}

interface CompiledRoute<H> extends Route<H> {
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

function compile<H>(route: Route<H>): CompiledRoute<H> {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { ...route, pattern: new RegExp(`^${source}$`), names };
}

/** The query parameter `name` as a number, or `undefined` when it is absent. */
export function numberParam(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  return text === null ? undefined : Number(text);
}

/** The header `name` as one string (`''` when absent). */
export function headerParam(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** The bearer token of a request (`Authorization: Bearer <token>`), for a handler's `auth`. */
export function bearerAuth<S extends string>(
  headers: IncomingHttpHeaders,
  scheme: S,
): { scheme: S; token: string } | undefined {
  const match = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
  return match ? { scheme, token: match[1]! } : undefined;
}

/**
 * A request body: multipart form data as a record (files as bytes, other parts as strings),
 * otherwise JSON (none when empty).
 */
async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Request('http://localhost/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
    const record: Record<string, unknown> = {};
    for (const [name, value] of form.entries())
      record[name] = typeof value === 'string' ? value : new Uint8Array(await value.arrayBuffer());
    return record;
  }
  const text = raw.toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType?: string,
  headers: Readonly<Record<string, string>> = {},
) {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  if (body instanceof Uint8Array || typeof body === 'string') {
    response.writeHead(status, { 'content-type': contentType ?? 'text/plain' }).end(body);
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The media type of a content type, lower case, without parameters. */
function essence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Why a request breaks its endpoint's contract (the compiled `endpoints` of `properties.ts`),
 * as an answer to send, or undefined: a body under a media type the endpoint does not take
 * (415), parameters or a body that do not match their declared types (400).
 */
function refusal(
  contract: EndpointContract,
  params: Readonly<Record<string, string>>,
  request: IncomingMessage,
  url: URL,
  body: unknown,
): JsonAnswer | undefined {
  const accepted = contract.bodyMedia?.map((media) => essence(media.mediaType)) ?? [
    'application/json',
  ];
  const type = essence(request.headers['content-type']);
  if (body !== undefined && !accepted.includes(type))
    return { status: 415, body: { message: `the body must be ${accepted.join(' or ')}` } };
  const { request: decoded, problems } = decodeRequest(
    contract,
    params,
    url.searchParams,
    request.headers,
    body,
  );
  const jsonBody = contract.bodyMedia === undefined || contract.bodyMedia[0]?.kind === 'json';
  // Bodies other than JSON (text, bytes, forms) are read as they come, not validated here.
  const checked = jsonBody ? contract : { ...contract, hasBody: false };
  const [first] = requestViolations(checked, decoded, problems).filter(
    (violation) => violation.kind === 'request',
  );
  return first && { status: 400, body: { message: first.detail } };
}

/**
 * Serves `handlers` over HTTP by `routes`: a request that matches no route gets 404, a body
 * that is not JSON 400, and a handler that throws 500. With the spec's compiled `endpoints`, a
 * request that breaks its endpoint's contract is refused before any handler sees it: 415 for
 * a body of another media type, 400 for a parameter or body of the wrong type or shape.
 */
export function jsonServer<H>(
  routes: readonly Route<H>[],
  handlers: H,
  endpoints: Readonly<Record<string, EndpointContract>> = {},
): Server {
  const compiled = routes.map(compile);
  const contracts = Object.values(endpoints);
  return createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = compiled.find((r) => r.method === request.method && r.pattern.test(url.pathname));
    if (!route)
      return send(response, 404, { message: `no route ${request.method} ${url.pathname}` });
    const contract = contracts.find((c) => c.method === route.method && c.path === route.path);
    const refuse = (answer: JsonAnswer) => {
      // A status the spec declares bodyless (`error BadRequest 400 no body`) gets no body.
      const shape = contract?.responses.find((r) => r.status === answer.status);
      send(response, answer.status, shape?.empty ? undefined : answer.body);
    };
    let body: unknown;
    try {
      body = await readBody(request);
    } catch {
      return refuse({ status: 400, body: { message: 'the body is neither JSON nor form data' } });
    }
    const match = route.pattern.exec(url.pathname)!;
    const params = Object.fromEntries(
      route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]),
    );
    const refused = contract && refusal(contract, params, request, url, body);
    if (refused) return refuse(refused);
    try {
      const answer = await route.call(handlers, {
        params,
        query: url.searchParams,
        headers: request.headers,
        body,
      });
      // Headers (`with NAME`) go out under their wire names, as text.
      const headers = contract ? handlerHeaders(contract, answer.status, answer.headers) : {};
      send(response, answer.status, answer.body, answer.contentType, headers);
    } catch (error) {
      send(response, 500, { message: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** Starts a server on 127.0.0.1 (port 0: any free one) and answers its base URL. */
export async function listen(server: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * When `moduleUrl` is the script node was started with, serves `server` on the port given as
 * the first argument (default 8080) until stopped, and says where.
 */
export async function serveWhenRun(moduleUrl: string, name: string, server: () => Server) {
  if (moduleUrl !== `file://${process.argv[1]}`) return;
  const base = await listen(server(), Number(process.argv[2] ?? 8080));
  console.log(`${name} listening on ${base}`);
}
