import type { EndpointContract } from '../contract/contract.js';
import { requestViolations } from '../contract/check-request.js';
import { responseViolations } from '../contract/check-response.js';
import type { IncomingHeaders } from '../contract/decode-request.js';
import { decodeRequest } from '../contract/decode-request.js';
import type { Exchange } from '../contract/failures.js';
import { ContractViolation } from '../contract/failures.js';
import type { RoutedRequest } from '../contract/route-table.js';
import { RouteTable } from '../contract/route-table.js';

/** What a compiled `properties.ts` exports that live checks need: the spec and its endpoints. */
export interface CompiledContract {
  readonly spec: { readonly name: string; readonly version: string; readonly fingerprint: string };
  readonly endpoints: Readonly<Record<string, EndpointContract>>;
}

/** A body as it came over the wire: its media type and bytes (none for no body). */
export interface WireBody {
  readonly contentType?: string;
  readonly bytes?: Uint8Array;
}

/** A request matched to its endpoint and checked: the request object and what it broke. */
export interface CheckedRequest {
  readonly routed: RoutedRequest;
  readonly request: Readonly<Record<string, unknown>>;
  readonly violations: readonly ContractViolation[];
}

/** Whether a media type is JSON (`application/json`, `application/problem+json`, ...). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' || media.endsWith('+json');
}

/** A body's value: parsed JSON for a JSON media type, text otherwise, `undefined` for none. */
function bodyValue(body: WireBody): { value: unknown } | { notJson: string } {
  if (body.bytes === undefined || body.bytes.length === 0) return { value: undefined };
  const text = new TextDecoder().decode(body.bytes);
  if (!isJsonMediaType(body.contentType)) return { value: text };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { notJson: text.length > 80 ? `${text.slice(0, 80)}…` : text };
  }
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
    const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
    const read = 'parsed' in body ? { value: body.parsed } : bodyValue(body);
    const value = 'value' in read ? read.value : undefined;
    const decoded = decodeRequest(contract, routed.pathParams, query, headers, value);
    const sent = {
      endpoint: contract.name,
      method: contract.method,
      path: url,
      request: decoded.request,
    };
    const violations = requestViolations(contract, decoded.request, decoded.problems, { sent });
    if ('notJson' in read && contract.hasBody) {
      const detail = `${contract.method} ${contract.path}: the request body is not JSON: ${JSON.stringify(read.notJson)}`;
      const clause = { source: 'body', at: contract.at };
      violations.unshift(new ContractViolation('request', detail, clause, { sent }));
    }
    return { routed, request: decoded.request, violations };
  }

  /** Checks the response to a checked request: status, media type, body, and `ensures`. */
  checkResponse(
    checked: CheckedRequest,
    status: number,
    body: WireBody | { readonly parsed: unknown; readonly contentType?: string },
  ): ContractViolation[] {
    const { contract } = checked.routed;
    const read = 'parsed' in body ? { value: body.parsed } : bodyValue(body);
    const response = {
      status,
      body: 'value' in read ? read.value : undefined,
      contentType: body.contentType ?? 'none',
    };
    const exchange: Exchange = {
      sent: {
        endpoint: contract.name,
        method: contract.method,
        path: contract.path,
        request: checked.request,
      },
      response,
    };
    if ('notJson' in read) {
      const detail = `${contract.method} ${contract.path} answered ${status} with a body that is not JSON: ${JSON.stringify(read.notJson)}`;
      const clause = { source: contract.name, at: contract.at };
      return [new ContractViolation('body', detail, clause, exchange)];
    }
    return responseViolations(contract, checked.request, response, exchange);
  }
}
