import { ImportError } from './import-error.js';
import { childPointer, keysOf, resolvePointer } from './json-pointer.js';

/** The `$ref`s of a document, by kind. */
export interface RefScan {
  /** Refs to other files (`schemas.yaml#/Pet`), with where they stand. */
  readonly external: readonly { readonly ref: string; readonly pointer: string }[];
}

/** Keys whose values are data, not OpenAPI: a `$ref` inside them is not followed. */
const dataKeys = new Set(['example', 'examples', 'default', 'enum', 'const']);

/**
 * Walks a document for `$ref`s: refuses remote ones unless `allowRemote`, local ones that name
 * nothing, and chains of refs that lead back to themselves, each with its JSON pointer.
 * Answers the refs to other files (resolved afterwards by the bundler).
 */
export function scanRefs(root: unknown, allowRemote: boolean): RefScan {
  const external: { ref: string; pointer: string }[] = [];
  const stack: { node: unknown; pointer: string; key?: string }[] = [{ node: root, pointer: '#' }];
  while (stack.length > 0) {
    const { node, pointer, key: parentKey } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        stack.push({ node: node[i], pointer: childPointer(pointer, i) });
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    if (typeof ref === 'string') checkRef(root, ref, pointer, allowRemote, external);
    for (const key of Object.keys(record).reverse()) {
      // `default` of `responses` is a response; elsewhere it is a value.
      if (
        (dataKeys.has(key) && !(key === 'default' && parentKey === 'responses')) ||
        key.startsWith('x-')
      )
        continue;
      stack.push({ node: record[key], pointer: childPointer(pointer, key), key });
    }
  }
  return { external };
}

function checkRef(
  root: unknown,
  ref: string,
  pointer: string,
  allowRemote: boolean,
  external: { ref: string; pointer: string }[],
): void {
  const at = childPointer(pointer, '$ref');
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^file:/i.test(ref)) {
    if (!/^https?:/i.test(ref)) {
      throw new ImportError(`unsupported $ref \`${ref}\`: only local, file and http(s) refs`, at);
    }
    if (!allowRemote) {
      throw new ImportError(
        `remote $ref \`${ref}\` refused: import reads no URL unless asked; pass --allow-remote to fetch it`,
        at,
      );
    }
    external.push({ ref, pointer: at });
    return;
  }
  if (!ref.startsWith('#')) {
    external.push({ ref, pointer: at });
    return;
  }
  if (keysOf(ref) === undefined || resolvePointer(root, ref) === undefined) {
    throw new ImportError(`broken $ref \`${ref}\`: the document has nothing there`, at);
  }
  // A chain of refs that ends where it began names no schema at all.
  const seen = [ref];
  let target = resolvePointer(root, ref) as Record<string, unknown> | undefined;
  while (target && typeof target === 'object' && typeof target.$ref === 'string') {
    const next = target.$ref;
    if (!next.startsWith('#')) return;
    if (seen.includes(next)) {
      throw new ImportError(
        `a cycle of $refs that names no value: ${[...seen, next].join(' → ')}`,
        at,
      );
    }
    seen.push(next);
    target = resolvePointer(root, next) as Record<string, unknown> | undefined;
  }
}
