/**
 * Whether a value is absent: `null` and `undefined` both mean "no value" in Specl (`x == null`).
 * Deliberately not a type guard, so that generated conditions do not narrow types.
 */
export function isAbsent(value: unknown): boolean {
  return value === null || value === undefined;
}

function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function presentKeys(record: { readonly [key: string]: unknown }): string[] {
  return Object.keys(record).filter((key) => !isAbsent(record[key]));
}

/**
 * Structural equality, as Specl's `==`: absent values (`null`, `undefined`) equal each other
 * and nothing else; numbers, strings and booleans by value; lists item by item; records and
 * maps key by key, where a key whose value is absent counts as missing (`{ a: 1, b: null }`
 * equals `{ a: 1 }`); bytes byte by byte. Values that are none of these (class instances) compare by identity.
 * Strings inside lists and records compare as text, so two `DateTime`s that name one instant
 * with different offsets are equal only at the top level (see {@link sameInstant}).
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (isAbsent(a) || isAbsent(b)) return isAbsent(a) && isAbsent(b);
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  // Bytes: equal byte for byte.
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length)
      return false;
    return a.every((byte, index) => byte === b[index]);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = presentKeys(a);
  if (keys.length !== presentKeys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
}
