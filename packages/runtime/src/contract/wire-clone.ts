/**
 * Copies of the values an in-process target passes, made without serialising them: a
 * request's copy for the handler, and an answer's body as JSON would carry it. Both walk plain
 * values (what generated requests and most answers are) directly, and hand anything else to
 * the general means (`structuredClone`, a JSON round trip), so the result is always theirs.
 */

/** Deeper than this, the general means take over (and find a cycle, if there is one). */
const MAX_DEPTH = 64;

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Sets a key as `JSON.parse` would: `__proto__` as an own property, not the prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown) {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}

/** Not a plain value: the walk gives up and the general means copy the whole value. */
const OTHER = Symbol('other');

function copyPlain(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return OTHER;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return OTHER;
      const item = copyPlain(value[i], depth + 1);
      if (item === OTHER) return OTHER;
      copy[i] = item;
    }
    return copy;
  }
  if (value instanceof Uint8Array && value.constructor === Uint8Array) return value.slice();
  if (!isPlainObject(value)) return OTHER;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyPlain(value[key], depth + 1);
    if (item === OTHER) return OTHER;
    define(copy, key, item);
  }
  return copy;
}

/** A deep copy of a request, as `structuredClone` makes it. */
export function cloneRequest<T>(request: T): T {
  const copy = copyPlain(request, 0);
  return copy === OTHER ? structuredClone(request) : (copy as T);
}

function asJson(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case 'object':
      break;
    default:
      return OTHER;
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH) return OTHER;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      // JSON writes a missing item, and one it cannot carry, as null.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') {
        copy[i] = null;
        continue;
      }
      const json = asJson(item, depth + 1);
      if (json === OTHER) return OTHER;
      copy[i] = json;
    }
    return copy;
  }
  if (!isPlainObject(value) || typeof value['toJSON'] === 'function') return OTHER;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    // JSON leaves out a field it cannot carry.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    const json = asJson(item, depth + 1);
    if (json === OTHER) return OTHER;
    define(copy, key, json);
  }
  return copy;
}

/**
 * A body as `JSON.parse(JSON.stringify(body))` gives it: what a server would send. Throws as
 * that does, for a value JSON cannot carry (a `BigInt`, a cycle).
 */
export function cloneAsJson(body: unknown): unknown {
  const copy = asJson(body, 0);
  return copy === OTHER ? (JSON.parse(JSON.stringify(body)) as unknown) : copy;
}
