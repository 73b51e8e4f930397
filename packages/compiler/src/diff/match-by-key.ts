/** One thing of either version matched with its counterpart: `a` old, `b` new, or both. */
export interface Matched<T> {
  readonly key: string;
  readonly a: T | undefined;
  readonly b: T | undefined;
}

const byCodeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The things of two versions matched by key (a name, a status, a wire name), sorted by key:
 * each with the old thing, the new one, or both (the other `undefined`). Keys are unique in
 * each version. Built with loops and one literal a match: a diff matches the fields, members,
 * parameters and responses of every type and endpoint, most of them in both versions.
 */
export function matchByKey<T>(
  before: readonly T[],
  after: readonly T[],
  key: (thing: T) => string,
): Matched<T>[] {
  const olds = new Map<string, T>();
  for (const thing of before) olds.set(key(thing), thing);
  const news = new Map<string, T>();
  for (const thing of after) news.set(key(thing), thing);
  const keys = [...olds.keys()];
  for (const k of news.keys()) if (!olds.has(k)) keys.push(k);
  keys.sort(byCodeUnits);
  const matched: Matched<T>[] = [];
  for (const k of keys) matched.push({ key: k, a: olds.get(k), b: news.get(k) });
  return matched;
}
