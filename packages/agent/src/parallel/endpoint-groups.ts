import type { SpecIR } from '@specl/compiler';

/** Endpoints one agent of a parallel run works on. */
export interface EndpointGroup {
  /** The resources (or tags) it holds, joined: `/employees`, `/products/{}/photo + /health`. */
  readonly name: string;
  /** Its endpoints, in the compiled spec's order (by name). */
  readonly endpoints: readonly string[];
}

/** How the endpoints were grouped: by the spec's tags, or by resource. */
export interface EndpointGrouping {
  readonly by: 'tag' | 'resource';
  readonly groups: readonly EndpointGroup[];
}

/**
 * The resource a path acts on: the path up to its last literal segment, parameters written
 * `{}` (`/employees/{id}` → `/employees`, `/employees/{id}/requests` → `/employees/{}/requests`).
 */
export function resourceOf(path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '');
  let last = segments.length;
  while (last > 0 && segments[last - 1]!.startsWith('{')) last -= 1;
  const kept = segments.slice(0, last).map((segment) => (segment.startsWith('{') ? '{}' : segment));
  return `/${kept.join('/')}`;
}

/**
 * Splits the endpoints in scope into at most `parallel` groups: by the first tag of each
 * endpoint when every one in scope has a tag, else by resource ({@link resourceOf}); a tag or
 * a resource is never split. When there are more of them than agents, each goes (largest
 * first) to the group with the fewest endpoints so far. The same spec and scope always give
 * the same groups, ordered by their first endpoint in the compiled spec.
 */
export function groupEndpoints(
  ir: SpecIR,
  scope: readonly string[],
  parallel: number,
): EndpointGrouping {
  const inScope = ir.endpoints.filter((endpoint) => scope.includes(endpoint.name));
  const byTag = inScope.length > 0 && inScope.every((endpoint) => endpoint.tags?.length);
  const keyed = new Map<string, string[]>();
  for (const endpoint of inScope) {
    const key = byTag ? endpoint.tags![0]! : resourceOf(endpoint.path);
    keyed.set(key, [...(keyed.get(key) ?? []), endpoint.name]);
  }
  const keys = [...keyed.keys()].sort(
    (a, b) => keyed.get(b)!.length - keyed.get(a)!.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  const buckets: { keys: string[]; size: number }[] = [];
  for (const key of keys) {
    const size = keyed.get(key)!.length;
    if (buckets.length < Math.max(1, parallel)) buckets.push({ keys: [key], size });
    else {
      const smallest = buckets.reduce((a, b) => (b.size < a.size ? b : a));
      smallest.keys.push(key);
      smallest.size += size;
    }
  }
  const order = (name: string) => inScope.findIndex((endpoint) => endpoint.name === name);
  const groups = buckets.map((bucket) => ({
    name: bucket.keys.join(' + '),
    endpoints: bucket.keys.flatMap((key) => keyed.get(key)!).sort((a, b) => order(a) - order(b)),
  }));
  groups.sort((a, b) => order(a.endpoints[0]!) - order(b.endpoints[0]!));
  return { by: byTag ? 'tag' : 'resource', groups };
}
