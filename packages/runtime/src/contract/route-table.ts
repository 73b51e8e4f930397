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

/** The routes a request can match: those of its method and number of segments. */
const bucketOf = (method: string, segments: number) => `${method} ${segments}`;

/**
 * Finds the endpoint an incoming request is for, by method and path template, from a compiled
 * contract's `endpoints` table: what a proxy or a middleware sees is a method and a URL. Routes
 * are grouped by method and number of segments, so a request is tried against the few routes
 * of its shape, not against every endpoint of a large API.
 */
export class RouteTable {
  private readonly buckets = new Map<string, Route[]>();

  constructor(endpoints: Readonly<Record<string, EndpointContract>>) {
    const routes = Object.values(endpoints)
      .map(compileRoute)
      .sort((a, b) => b.literals - a.literals);
    for (const route of routes) {
      const key = bucketOf(route.contract.method, route.segments.length);
      const bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, [route]);
      else bucket.push(route);
    }
  }

  /** The endpoint of `method` and `pathname` (no query), or `undefined` when none matches. */
  match(method: string, pathname: string): RoutedRequest | undefined {
    const parts = pathname.split('/').slice(1);
    const routes = this.buckets.get(bucketOf(method.toUpperCase(), parts.length));
    if (routes === undefined) return undefined;
    for (const route of routes) {
      const pathParams: Record<string, string> = {};
      const matched = route.segments.every((segment, index) => {
        const part = parts[index]!;
        if (typeof segment === 'string') return segment === part;
        const value = part === '' ? undefined : decodeSegment(part);
        if (value === undefined) return false;
        pathParams[segment.param] = value;
        return true;
      });
      if (matched) return { contract: route.contract, pathParams };
    }
    return undefined;
  }
}
