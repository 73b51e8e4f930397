/** One thing of either version matched with its counterpart: `a` old, `b` new, or both. */
export interface Matched<T> {
  readonly key: string;
  readonly a?: T;
  readonly b?: T;
}

/**
 * The things of two versions matched by key (a name, a status, a wire name), sorted by key:
 * each with the old thing, the new one, or both. Keys are unique in each version.
 */
export function matchByKey<T>(
  before: readonly T[],
  after: readonly T[],
  key: (thing: T) => string,
): Matched<T>[] {
  const olds = new Map(before.map((thing) => [key(thing), thing]));
  const news = new Map(after.map((thing) => [key(thing), thing]));
  const keys = [...new Set([...olds.keys(), ...news.keys()])].sort((x, y) =>
    x < y ? -1 : x > y ? 1 : 0,
  );
  return keys.map((k) => ({
    key: k,
    ...(olds.has(k) ? { a: olds.get(k)! } : {}),
    ...(news.has(k) ? { b: news.get(k)! } : {}),
  }));
}
