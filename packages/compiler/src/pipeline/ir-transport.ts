import { deserialize, serialize } from 'node:v8';
import { LoweredLocation, LoweredLocationList } from '../ir/lowered-location.js';
import type { SpecIR } from '../ir/spec-ir.js';

/**
 * An IR on its way between threads: JSON when JSON carries it whole (parsing JSON is about
 * twice as fast as V8's structured clone at N = 5,000), V8's serialization otherwise. Neither
 * keeps an object's prototype: `nullObjects` numbers the objects without one (the IR's JSON
 * values, which the language builds with `Object.create(null)`), in the order of
 * {@link inspectIR}'s walk, so that {@link unpackIR} gives them back without one. Lowering's
 * locations (`LoweredLocation`, `LoweredLocationList`) come back as the plain objects and
 * arrays their JSON is: their classes serve only the fingerprint, made before the IR leaves
 * lowering, and giving them back would cost a walk of the whole IR (95-143 ms at N = 5,000).
 */
export type PackedIR = (
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'v8'; readonly bytes: Uint8Array }
) & { readonly nullObjects: readonly number[] };

/** Packs an IR to hand to another thread (see {@link unpackIR}). */
export function packIR(ir: SpecIR): PackedIR {
  const { json, nullObjects } = inspectIR(ir);
  return json
    ? { kind: 'json', text: JSON.stringify(ir), nullObjects }
    : { kind: 'v8', bytes: serialize(ir), nullObjects };
}

/**
 * The IR that {@link packIR} packed, equal to it in every property, value and prototype, but
 * for lowering's locations, plain objects and arrays (see {@link PackedIR}).
 */
export function unpackIR(packed: PackedIR): SpecIR {
  const ir =
    packed.kind === 'json'
      ? (JSON.parse(packed.text) as SpecIR)
      : (deserialize(packed.bytes) as SpecIR);
  return withNullObjects(ir, packed.nullObjects);
}

/** What {@link inspectIR} finds. */
export interface IRInspection {
  /**
   * Whether `JSON.parse(JSON.stringify(ir))` gives back the same values: only objects,
   * arrays, strings, booleans, `null` and finite numbers other than -0, and no property or
   * element that is `undefined` (JSON drops or changes each of those). Objects met twice are
   * written twice by JSON, which the IR's readers cannot tell apart (they compare values).
   * Lowering's locations count as the plain objects and arrays they are written as.
   */
  readonly json: boolean;
  /** The objects without a prototype, numbered in the walk's order. */
  readonly nullObjects: number[];
}

/** Walks an IR depth first (each object's keys in `for...in` order, as JSON writes them). */
export function inspectIR(ir: unknown): IRInspection {
  let json = true;
  const nullObjects: number[] = [];
  let objects = 0;
  walkObjects(
    ir,
    (_value, proto) => {
      if (proto === null) nullObjects.push(objects);
      else if (!plainInJson(proto)) json = false;
      objects++;
      return true;
    },
    () => {
      json = false;
    },
  );
  return { json, nullObjects };
}

/** Whether JSON carries the objects of a prototype whole (as plain objects or arrays). */
function plainInJson(proto: unknown): boolean {
  return (
    proto === Object.prototype ||
    proto === Array.prototype ||
    proto === LoweredLocation.prototype ||
    proto === LoweredLocationList.prototype
  );
}

/** Takes away the prototype of the objects `nullObjects` numbers (see {@link inspectIR}). */
export function withNullObjects<T>(ir: T, nullObjects: readonly number[]): T {
  if (nullObjects.length === 0) return ir;
  let next = 0;
  let objects = 0;
  walkObjects(ir, (value) => {
    if (nullObjects[next] === objects++) {
      Object.setPrototypeOf(value, null);
      next++;
    }
    return next < nullObjects.length;
  });
  return ir;
}

/**
 * Calls `visit` with every object and array of a tree, depth first, until it returns false;
 * `notJson` for every value JSON does not carry as it is.
 */
function walkObjects(
  root: unknown,
  visit: (value: object, proto: unknown) => boolean,
  notJson: () => void = () => {},
): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    switch (typeof item) {
      case 'string':
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(item) || Object.is(item, -0)) notJson();
        continue;
      case 'object': {
        if (item === null) continue;
        if (!visit(item, Object.getPrototypeOf(item))) return;
        // Pushed in reverse, so that children are visited in order.
        if (Array.isArray(item)) {
          for (let i = item.length - 1; i >= 0; i--) {
            if (!(i in item)) notJson();
            stack.push(item[i]);
          }
          continue;
        }
        const record = item as Record<string, unknown>;
        const keys = Object.keys(record);
        for (let i = keys.length - 1; i >= 0; i--) {
          const field = record[keys[i]!];
          if (field === undefined) notJson();
          stack.push(field);
        }
        continue;
      }
      default:
        notJson();
    }
  }
}
