import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';
import { baseTypesOf, enumMembers } from './schema-shape.js';
import { listConstraints, numberConstraints, stringConstraints } from './type-constraints.js';

/**
 * The Specl type of `allOf: [{ $ref: Alias }, { maximum: 10 }]` (the `allOf` at `pointer` with
 * `parts`), as Specl compiles constraints on a reference to an alias: the alias with the other
 * parts' constraints (`Alias { max: 10 }`). Undefined when the parts are not of that shape: the
 * first is no reference to a string, number or list schema, or another part is a reference, has
 * properties or a type of its own. `typeOf` gives the type of the first part at its pointer.
 */
export function constrainedAlias(
  context: ImportContext,
  parts: unknown[],
  pointer: string,
  typeOf: (part: unknown, at: string) => string,
): string | undefined {
  const [first, ...rest] = parts;
  if (!isObject(first) || typeof first.$ref !== 'string') return undefined;
  const { value: target } = context.deref(first, pointer);
  if (!isObject(target) || enumMembers(target)) return undefined;
  const type = baseTypesOf(context, target, pointer);
  if (type.length !== 1 || type[0] === 'object' || type[0] === 'boolean') return undefined;
  const extra: Record<string, unknown> = {};
  for (const part of rest) {
    if (!isObject(part) || part.$ref !== undefined || isObject(part.properties)) return undefined;
    if (part.type !== undefined && part.type !== type[0]) return undefined;
    Object.assign(extra, part);
  }
  const at = childPointer(pointer, 'allOf', 1);
  const base = typeOf(first, childPointer(pointer, 'allOf', 0));
  const constraints =
    type[0] === 'string'
      ? stringConstraints(context, extra, at)
      : type[0] === 'array'
        ? listConstraints(extra)
        : numberConstraints(context, extra, at, type[0] === 'integer');
  return base + constraints;
}
