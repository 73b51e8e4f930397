/** JSON pointers (RFC 6901) as URI fragments: `#/paths/~1pets~1{id}/get`. */

/** The pointer fragment of a path of keys. */
export function pointerOf(keys: readonly (string | number)[]): string {
  return `#${keys.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}

/** The pointer `base` with `keys` appended. */
export function childPointer(base: string, ...keys: (string | number)[]): string {
  return base + pointerOf(keys).slice(1);
}

/** The keys of a local pointer fragment (`#/a/b`), or undefined when it is not one. */
export function keysOf(fragment: string): string[] | undefined {
  if (fragment === '#' || fragment === '#/') return fragment === '#' ? [] : [''];
  if (!fragment.startsWith('#/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment.slice(2));
  } catch {
    return undefined;
  }
  return decoded.split('/').map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value a local pointer names in `root`, or undefined when it names nothing. */
export function resolvePointer(root: unknown, fragment: string): unknown {
  const keys = keysOf(fragment);
  if (!keys) return undefined;
  let node: unknown = root;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The last key of a local pointer fragment (`#/a/b~1c`: `b/c`), or undefined for `#`. */
export function lastKey(pointer: string): string | undefined {
  const key = pointer.split('/').at(-1);
  return key === undefined || key === '#' ? undefined : key.replace(/~1/g, '/').replace(/~0/g, '~');
}
