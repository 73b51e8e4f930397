/**
 * Where an object made by {@link statusKeyed} first puts an indexed property (taken away at
 * once): far enough past the end of its indexed properties (more than V8's gap of 1,024) that V8
 * keeps them in a dictionary instead of an array.
 */
const FAR_INDEX = 1 << 20;

/**
 * An object of `entries`, keyed by HTTP status (`"200"`, `"4XX"`, `"default"`), as
 * `Object.fromEntries` makes it (the same keys, values and order, so the same JSON), but small.
 * A status is an array index to V8, and an object's indexed properties are held as an array as
 * long as the highest index: a `responses` object of 200, 404 and 422 kept 5 KB, mostly holes,
 * for as long as the OpenAPI document lived, and the young generation's collections copied it
 * twice. Made with an index far past its end first, the object holds them in a dictionary
 * instead (about 200 bytes), which stays one as the statuses are added.
 */
export function statusKeyed<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  const object: Record<string, T> = {};
  object[FAR_INDEX] = undefined as T;
  delete object[FAR_INDEX];
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    object[key] = value;
  }
  return object;
}
