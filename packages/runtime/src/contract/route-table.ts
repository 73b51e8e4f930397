import type { EndpointContract } from './contract.js';

/** An incoming request matched to an endpoint: its contract and path parameters (decoded). */
export interface RoutedRequest {
  readonly contract: EndpointContract;
  /** Path parameters by wire name, as text: `{ id: '42' }`. */
  readonly pathParams: Readonly<Record<string, string>>;
}

interface Route {
  readonly contract: EndpointContract;
  readonly segments: readonly (string | { readonly param: string })[];
  /** Literal segments: a route with more of them wins (`/a/me` before `/a/{id}`). */
  readonly literals: number;
}

function compileRoute(contract: EndpointContract): Route {
  const segments = contract.path
    .split('/')
    .slice(1)
    .map((segment) => {
      const param = /^\{([^}]+)\}$/.exec(segment);
      return param ? { param: param[1]! } : segment;
    });
  const literals = segments.filter((segment) => typeof segment === 'string').length;
  return { contract, segments, literals };
}

function decodeSegment(segment: string): string | undefined {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // a malformed escape: no parameter value
  }
}

/**
 * A request's path parameters if its segments (`parts`, from splitting the path on `/`, the
 * empty text before the first `/` included) match `segments`, else `undefined`.
 */
function matchSegments(
  segments: Route['segments'],
  parts: readonly string[],
): Record<string, string> | undefined {
  const pathParams: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const part = parts[index + 1]!;
    if (typeof segment === 'string') {
      if (segment !== part) return undefined;
      continue;
    }
    const value = part === '' ? undefined : decodeSegment(part);
    if (value === undefined) return undefined;
    pathParams[segment.param] = value;
  }
  return pathParams;
}

/**
 * Finds the endpoint an incoming request is for, by method and path template, from a compiled
 * contract's `endpoints` table: what a proxy or a middleware sees is a method and a URL. Routes
 * are grouped by method and number of segments, so a request is tried against the few routes
 * of its shape, not against every endpoint of a large API. The groups are found without
 * building a key of each request's method and length (a proxy routes every request).
 */
export class RouteTable {
  /** By method, the routes of each number of segments, those with more literals first. */
  private readonly byMethod = new Map<string, Route[][]>();

  constructor(endpoints: Readonly<Record<string, EndpointContract>>) {
    const routes = Object.values(endpoints)
      .map(compileRoute)
      .sort((a, b) => b.literals - a.literals);
    for (const route of routes) {
      let byLength = this.byMethod.get(route.contract.method);
      if (byLength === undefined) this.byMethod.set(route.contract.method, (byLength = []));
      (byLength[route.segments.length] ??= []).push(route);
    }
  }

  /** The endpoint of `method` and `pathname` (no query), or `undefined` when none matches. */
  match(method: string, pathname: string): RoutedRequest | undefined {
    const parts = pathname.split('/');
    const routes = this.byMethod.get(method.toUpperCase())?.[parts.length - 1];
    if (routes === undefined) return undefined;
    for (const route of routes) {
      const pathParams = matchSegments(route.segments, parts);
      if (pathParams !== undefined) return { contract: route.contract, pathParams };
    }
    return undefined;
  }
}
