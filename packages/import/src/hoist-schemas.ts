import { isObject } from './import-context.js';
import { childPointer, keysOf, pointerOf, resolvePointer } from './json-pointer.js';

/** Keys under which a value is a schema. */
const schemaKeys = new Set(['schema', 'items', 'additionalProperties', 'not']);
/** Keys whose entries are schemas. */
const schemaMaps = new Set(['properties', 'allOf', 'oneOf', 'anyOf', 'patternProperties']);

/**
 * Moves the schemas that the bundler copied in from other files (placed where each was first
 * used) to the document's named schemas (`components/schemas`, or `definitions` in Swagger 2.0),
 * named after what the `$ref` named (`Pet.yaml` → `Pet`), and points every ref at them.
 * `sites` maps each place that held a ref to another file to that name.
 */
export function hoistSchemas(
  document: Record<string, unknown>,
  sites: ReadonlyMap<string, string>,
  swagger: boolean,
): void {
  const home = swagger ? ['definitions'] : ['components', 'schemas'];
  let container: Record<string, unknown> = document;
  for (const key of home) {
    if (!isObject(container[key])) container[key] = {};
    container = container[key] as Record<string, unknown>;
  }
  const moved = new Map<string, string>();
  for (const [first, wanted] of sites) {
    // The bundler keeps the copy at one use and points the others at it: follow them there.
    let site = first;
    let value = resolvePointer(document, site);
    for (
      let hops = 0;
      hops < 16 && isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#');
      hops++
    ) {
      site = value.$ref;
      value = resolvePointer(document, site);
    }
    const keys = keysOf(site);
    if (moved.has(site) || !keys || keys.length < 1 || !isSchemaPlace(keys)) continue;
    if (keys.length === home.length + 1 && keys.slice(0, -1).join('/') === home.join('/')) continue;
    const parent = resolvePointer(document, pointerOf(keys.slice(0, -1)));
    if (!isObject(parent) || !isObject(value)) continue;
    let name = wanted.replace(/[^A-Za-z0-9_.-]/g, '_') || 'Schema';
    for (let n = 2; Object.prototype.hasOwnProperty.call(container, name); n++)
      name = `${wanted}${n}`;
    container[name] = value;
    const target = childPointer(`#/${home.join('/')}`, name);
    parent[keys.at(-1)!] = { $ref: target };
    moved.set(site, target);
  }
  if (moved.size === 0) return;
  rewriteRefs(document, moved);
}

function isSchemaPlace(keys: readonly string[]): boolean {
  const last = keys.at(-1)!;
  const before = keys.at(-2);
  return schemaKeys.has(last) || (before !== undefined && schemaMaps.has(before));
}

function rewriteRefs(root: unknown, moved: ReadonlyMap<string, string>): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      if (typeof node.$ref === 'string') {
        for (const [from, to] of moved) {
          if (node.$ref === from || node.$ref.startsWith(`${from}/`)) {
            node.$ref = to + node.$ref.slice(from.length);
            break;
          }
        }
      }
      stack.push(...Object.values(node));
    }
  }
}
