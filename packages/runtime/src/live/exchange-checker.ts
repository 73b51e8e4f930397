import { decodeBody, essenceOf, mediaKindOfContentType } from '../contract/body-codec.js';
import type { ApiResponse, EndpointContract } from '../contract/contract.js';
import { requestViolations } from '../contract/check-request.js';
import { responseViolations } from '../contract/check-response.js';
import type { IncomingHeaders, QueryValues } from '../contract/decode-request.js';
import { decodeRequest } from '../contract/decode-request.js';
import type { Exchange } from '../contract/failures.js';
import { ContractViolation } from '../contract/failures.js';
import type { RoutedRequest } from '../contract/route-table.js';
import { RouteTable } from '../contract/route-table.js';
import { headerTextsOf, headerViolations } from '../contract/response-headers.js';
import { shapeForStatus } from '../contract/shape-for-status.js';

/** What a compiled `properties.ts` exports that live checks need: the spec and its endpoints. */
export interface CompiledContract {
  readonly spec: { readonly name: string; readonly version: string; readonly fingerprint: string };
  readonly endpoints: Readonly<Record<string, EndpointContract>>;
}

/**
 * A body as it came over the wire: its media type and bytes (none for no body), or `unread`
 * for a body streamed through without being read (bytes, multipart, one over the cap): then
 * only its media type is checked.
 */
export interface WireBody {
  readonly contentType?: string;
  readonly bytes?: Uint8Array;
  readonly unread?: true;
}

/** A request matched to its endpoint and checked: the request object and what it broke. */
export interface CheckedRequest {
  readonly routed: RoutedRequest;
  readonly request: Readonly<Record<string, unknown>>;
  readonly violations: readonly ContractViolation[];
}

/** Whether a media type is JSON (`application/json`, `application/problem+json`, ...). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  return contentType !== undefined && mediaKindOfContentType(contentType) === 'json';
}

/** Whether a body of this media type is read to be checked: JSON, text and forms. */
export function isReadableMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return true; // no content type: read as JSON
  const kind = mediaKindOfContentType(contentType);
  return kind === 'json' || kind === 'text' || kind === 'form';
}

/** The query of a URL without one (most requests): no values for any name. */
const NO_QUERY: QueryValues = { getAll: () => [] };

/** A body's value, decoded by its media type; `undefined` for none or an unread body. */
function bodyValue(body: WireBody): { value: unknown } | { notJson: string } {
  if (body.unread || body.bytes === undefined) return { value: undefined };
  try {
    return { value: decodeBody(body.bytes, body.contentType) };
  } catch {
    const text = new TextDecoder().decode(body.bytes);
    return { notJson: text.length > 80 ? `${text.slice(0, 80)}…` : text };
  }
}

/** What is wrong with the media type of a request body, or `undefined`. */
function requestMediaProblem(contract: EndpointContract, contentType: string | undefined) {
  if (!contract.hasBody || contentType === undefined) return undefined;
  // Only JSON declared (no media types named): any JSON media type will do.
  if (contract.bodyMedia === undefined && isJsonMediaType(contentType)) return undefined;
  const declared = contract.bodyMedia?.map((shape) => shape.mediaType) ?? ['application/json'];
  const essence = essenceOf(contentType);
  if (declared.some((media) => essenceOf(media) === essence)) return undefined;
  return `${contract.method} ${contract.path}: the request body is ${contentType}, not one declared (${declared.join(', ')})`;
}

/** The contract with the request body's validator of the media type it came in. */
function forMedia(contract: EndpointContract, body: WireBody | { readonly parsed: unknown }) {
  if ('parsed' in body || contract.bodyMedia === undefined) return contract;
  if (body.unread) return { ...contract, validateBody: undefined };
  const essence = body.contentType === undefined ? 'application/json' : essenceOf(body.contentType);
  const shape = contract.bodyMedia.find((media) => essenceOf(media.mediaType) === essence);
  return { ...contract, validateBody: shape?.validate ?? contract.validateBody };
}

/** Status and media type of an answer whose body streamed through unread. */
function unreadViolations(
  contract: EndpointContract,
  status: number,
  contentType: string | undefined,
  exchange: Exchange,
): ContractViolation[] {
  const shape = shapeForStatus(contract.responses, status);
  const where = `${contract.method} ${contract.path}`;
  const clause = { source: contract.name, at: contract.at };
  if (shape === undefined) {
    const declared = contract.responses.map((r) => r.status).join(', ');
    const detail = `${where} answered ${status}, which the spec does not declare (declared: ${declared})`;
    return [new ContractViolation('status', detail, clause, exchange)];
  }
  const declared =
    shape.bodies?.map((b) => b.mediaType) ?? (shape.validate ? ['application/json'] : []);
  if (declared.length === 0 || contentType === undefined) return [];
  if (declared.some((media) => essenceOf(media) === essenceOf(contentType))) return [];
  const detail = `${where} answered ${status} with content type ${contentType}, not one declared (${declared.join(', ')})`;
  return [new ContractViolation('body', detail, clause, exchange)];
}

/**
 * Checks live exchanges against a compiled contract, one request and its response at a time, as
 * the verifier checks a single exchange: for a proxy or a middleware, which see a method, a URL,
 * headers and bytes. Framework-neutral: it reads no stream itself.
 */
export class ExchangeChecker {
  private readonly routes: RouteTable;

  constructor(readonly contract: CompiledContract) {
    this.routes = new RouteTable(contract.endpoints);
  }

  /** The endpoint of a request (`url` is its path and query), or `undefined` for none. */
  route(method: string, url: string): RoutedRequest | undefined {
    const query = url.indexOf('?');
    return this.routes.match(method, query === -1 ? url : url.slice(0, query));
  }

  /**
   * Checks a request: its parameters (path, query, headers) and body against their types, then
   * `requires`. `parsed` is a body a framework already parsed, used when given.
   */
  checkRequest(
    routed: RoutedRequest,
    url: string,
    headers: IncomingHeaders,
    body: WireBody | { readonly parsed: unknown },
  ): CheckedRequest {
    const { contract } = routed;
    const mark = url.indexOf('?');
    const query = mark === -1 ? NO_QUERY : new URLSearchParams(url.slice(mark + 1));
    const read = 'parsed' in body ? { value: body.parsed } : bodyValue(body);
    const value = 'value' in read ? read.value : undefined;
    const decoded = decodeRequest(contract, routed.pathParams, query, headers, value);
    const sent = {
      endpoint: contract.name,
      method: contract.method,
      path: url,
      request: decoded.request,
    };
    const media = 'parsed' in body ? undefined : requestMediaProblem(contract, body.contentType);
    if (media !== undefined) {
      const clause = { source: 'body', at: contract.at };
      const checkedOthers = requestViolations(
        { ...contract, validateBody: undefined },
        decoded.request,
        decoded.problems,
        { sent },
      );
      const first = new ContractViolation('request', media, clause, { sent });
      return { routed, request: decoded.request, violations: [first, ...checkedOthers] };
    }
    const violations = requestViolations(
      forMedia(contract, body),
      decoded.request,
      decoded.problems,
      {
        sent,
      },
    );
    if ('notJson' in read && contract.hasBody) {
      const detail = `${contract.method} ${contract.path}: the request body is not JSON: ${JSON.stringify(read.notJson)}`;
      const clause = { source: 'body', at: contract.at };
      // The body's type check saw no body: the one thing to say is that it is not JSON.
      const others = violations.filter((v) => v.clause?.source !== 'body');
      return {
        routed,
        request: decoded.request,
        violations: [new ContractViolation('request', detail, clause, { sent }), ...others],
      };
    }
    return { routed, request: decoded.request, violations };
  }

  /**
   * Checks the response to a checked request: status, media type, body, the declared headers
   * (when `headers` are given), and `ensures`.
   */
  checkResponse(
    checked: CheckedRequest,
    status: number,
    body: WireBody | { readonly parsed: unknown; readonly contentType?: string },
    headers?: Readonly<Record<string, unknown>>,
  ): ContractViolation[] {
    const { contract } = checked.routed;
    const read = 'parsed' in body ? { value: body.parsed } : bodyValue(body);
    const value = 'value' in read ? read.value : undefined;
    const contentType = body.contentType ?? 'none';
    // Two literals, not a spread of the headers (a call into V8's runtime on every answer).
    const response: ApiResponse =
      headers === undefined
        ? { status, body: value, contentType }
        : { status, body: value, contentType, headers: headerTextsOf(headers) };
    const exchange: Exchange = {
      sent: {
        endpoint: contract.name,
        method: contract.method,
        path: contract.path,
        request: checked.request,
      },
      response,
    };
    if (!('parsed' in body) && body.unread) {
      const shape = shapeForStatus(contract.responses, status);
      const where = `${contract.method} ${contract.path}`;
      const unread = unreadViolations(contract, status, body.contentType, exchange);
      return shape ? [...unread, ...headerViolations(shape, response, where, exchange)] : unread;
    }
    if ('notJson' in read) {
      const detail = `${contract.method} ${contract.path} answered ${status} with a body that is not JSON: ${JSON.stringify(read.notJson)}`;
      const clause = { source: contract.name, at: contract.at };
      return [new ContractViolation('body', detail, clause, exchange)];
    }
    return responseViolations(contract, checked.request, response, exchange);
  }
}
