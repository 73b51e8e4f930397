import type { ApiResponse, EndpointContract } from './contract.js';
import { decodeRequest } from './decode-request.js';
import type { ContractViolation } from './failures.js';
import { requestUrl } from './http-target.js';
import { MAX_LINK_HEADER_LENGTH, nextLinkTarget, parseLinkHeader } from './link-header.js';
import type { PageWalk } from './page-walk.js';
import { gatherPages } from './page-walk.js';

/**
 * The origin links resolve against in process, where handlers have no origin of their own: a
 * reserved name (RFC 6761), so a handler's relative links are followed and absolute ones,
 * naming a real host, are not.
 */
export const IN_PROCESS_BASE = 'http://in-process.invalid';

/** The most characters of a URL a failure quotes. */
const QUOTED_URL = 200;

function quotedUrl(url: string): string {
  return JSON.stringify(url.length > QUOTED_URL ? `${url.slice(0, QUOTED_URL)}…` : url);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher of the endpoint's path under the target's base (its path prefix included): the
 * path parameters' texts by name, or undefined for a path of another shape.
 */
function pathMatcher(base: URL, contract: EndpointContract) {
  const prefix = base.pathname.replace(/\/+$/, '');
  const names: string[] = [];
  const pattern = contract.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (!param) return escapeRegExp(part);
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('');
  const regex = new RegExp(`^${escapeRegExp(prefix)}${pattern}$`);
  return (pathname: string): Record<string, string> | undefined => {
    const match = regex.exec(pathname);
    if (!match) return undefined;
    const params: Record<string, string> = {};
    try {
      names.forEach((name, index) => (params[name] = decodeURIComponent(match[index + 1]!)));
    } catch {
      return undefined;
    }
    return params;
  };
}

/**
 * Walks every page of an endpoint paginated `by link`: the request as given for the first page,
 * then the URL of each answer's `Link` header with `rel="next"`, until an answer has none. The
 * server is not trusted: a next URL is followed only when it is on the target's origin (scheme,
 * host and port) and its path is the endpoint's path (under the target's base); it becomes a
 * request of the endpoint (its path and query parameters decoded and checked against their
 * types, the first request's header parameters and body kept), so a query parameter the
 * endpoint does not declare fails the walk too. Also fails, naming the page and the URL, on a
 * page that does not succeed, items that are not a list, a `Link` header longer than
 * {@link MAX_LINK_HEADER_LENGTH} or that does not parse, a URL asked for before, and the page
 * and item bounds of the cursor walk. `send` sends one page's request and checks its answer.
 */
export async function walkLinkPages(
  send: (request: Readonly<Record<string, unknown>>) => Promise<ApiResponse>,
  contract: EndpointContract,
  request: Readonly<Record<string, unknown>>,
  walk: PageWalk,
  base: string,
  lastExchange: () => ContractViolation['exchange'],
): Promise<unknown[]> {
  const origin = new URL(base);
  const matchPath = pathMatcher(origin, contract);
  const queryNames = new Set(contract.query.map((param) => param.wireName));
  // Credentials the target places in the query may come back in the links.
  for (const scheme of contract.security ?? [])
    if (scheme.in === 'query' && scheme.parameter) queryNames.add(scheme.parameter);
  const seen = new Map<string, number>();
  let pageRequest = request;
  let url = requestUrl(base, contract, request);
  return gatherPages<ApiResponse>({
    walk,
    lastExchange,
    asked: (page) =>
      page === 1 ? 'page 1' : `page ${page} (${quotedUrl(url)}, the previous page's next link)`,
    unending: 'still linked a next',
    ask: () => send(pageRequest),
    bodyOf: (response) => response.body,
    advance: (response, page, fail) => {
      const header = response.headers?.['link'];
      if (header === undefined) return false;
      if (header.length > MAX_LINK_HEADER_LENGTH)
        fail(
          `its Link header has ${header.length} characters; a walk reads at most ${MAX_LINK_HEADER_LENGTH}`,
        );
      const links = parseLinkHeader(header);
      if (links === undefined)
        fail(`its Link header ${quotedUrl(header)} is not a list of <url>; rel=... links`);
      const target = nextLinkTarget(links!);
      if (target === undefined) return false;
      let next: URL;
      try {
        next = new URL(target, url);
      } catch {
        return fail(`its next link ${quotedUrl(target)} is not a URL`);
      }
      const followed = (reason: string) =>
        fail(`its next link ${quotedUrl(next.href)} ${reason}; the walk does not follow it`);
      if (next.origin !== origin.origin)
        followed(`is not on the target's origin (${origin.origin})`);
      const pathParams = matchPath(next.pathname);
      if (pathParams === undefined)
        followed(`is not a path of ${contract.method} ${contract.path}`);
      const unknown = [...new Set(next.searchParams.keys())].find((name) => !queryNames.has(name));
      if (unknown !== undefined)
        followed(
          `carries the query parameter ${JSON.stringify(unknown)}, which ${contract.name} does not declare`,
        );
      const decoded = decodeRequest(contract, pathParams!, next.searchParams, {}, request['body']);
      const problem = decoded.problems.find((p) => p.place !== 'header');
      if (problem !== undefined)
        followed(`has the ${problem.place} parameter ${problem.shape.wireName} ${problem.message}`);
      const first = seen.get(next.href);
      if (first !== undefined || next.href === requestUrl(base, contract, request))
        followed(
          `was already asked for (page ${(first ?? 0) + 1}): the walk would go round for ever`,
        );
      seen.set(next.href, page);
      // The next request: the link's path and query, the first request's headers and body.
      const headers = Object.fromEntries(
        contract.headers.flatMap((param) =>
          request[param.name] === undefined ? [] : [[param.name, request[param.name]]],
        ),
      );
      pageRequest = { ...headers, ...decoded.request };
      url = next.href;
      return true;
    },
  });
}
