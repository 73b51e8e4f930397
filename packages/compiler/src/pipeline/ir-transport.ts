import { deserialize, serialize } from 'node:v8';
import { LoweredLocation, LoweredLocationList } from '../ir/lowered-location.js';
import type { SpecIR } from '../ir/spec-ir.js';

/**
 * The objects of an IR whose prototype neither JSON nor V8's serialization keeps, numbered in
 * the order of {@link inspectIR}'s walk: those without one (the IR's JSON values, which the
 * language builds with `Object.create(null)`) and lowering's locations and lists of them
 * (`LoweredLocation`, `LoweredLocationList`), so that {@link withPrototypes} gives them back.
 */
export interface PrototypeMarks {
  readonly nullObjects: readonly number[];
  readonly locations: readonly number[];
  readonly locationLists: readonly number[];
}

/**
 * An IR on its way between threads: JSON when JSON carries it whole (parsing JSON is about
 * twice as fast as V8's structured clone at N = 5,000), V8's serialization otherwise, with the
 * prototypes neither keeps (see {@link PrototypeMarks}), so that {@link unpackIR} gives back
 * the very IR.
 */
export type PackedIR = (
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'v8'; readonly bytes: Uint8Array }
) & { readonly prototypes: PrototypeMarks };

/** Packs an IR to hand to another thread (see {@link unpackIR}). */
export function packIR(ir: SpecIR): PackedIR {
  const { json, prototypes } = inspectIR(ir);
  return json
    ? { kind: 'json', text: JSON.stringify(ir), prototypes }
    : { kind: 'v8', bytes: serialize(ir), prototypes };
}

/** The IR that {@link packIR} packed, equal to it in every property, value and prototype. */
export function unpackIR(packed: PackedIR): SpecIR {
  const ir =
    packed.kind === 'json'
      ? (JSON.parse(packed.text) as SpecIR)
      : (deserialize(packed.bytes) as SpecIR);
  return withPrototypes(ir, packed.prototypes);
}

/** What {@link inspectIR} finds. */
export interface IRInspection {
  /**
   * Whether `JSON.parse(JSON.stringify(ir))` gives back the same values: only objects,
   * arrays, strings, booleans, `null` and finite numbers other than -0, and no property or
   * element that is `undefined` (JSON drops or changes each of those). Objects met twice are
   * written twice by JSON, which the IR's readers cannot tell apart (they compare values).
   * Lowering's locations count as plain objects and arrays (their JSON is theirs).
   */
  readonly json: boolean;
  /** The objects whose prototype JSON does not keep, numbered in the walk's order. */
  readonly prototypes: PrototypeMarks;
}

/** Walks an IR depth first (each object's keys in `for...in` order, as JSON writes them). */
export function inspectIR(ir: unknown): IRInspection {
  let json = true;
  const nullObjects: number[] = [];
  const locations: number[] = [];
  const locationLists: number[] = [];
  let objects = 0;
  walkObjects(
    ir,
    (_value, proto) => {
      if (proto === null) nullObjects.push(objects);
      else if (proto === LoweredLocation.prototype) locations.push(objects);
      else if (proto === LoweredLocationList.prototype) locationLists.push(objects);
      else if (proto !== Object.prototype && proto !== Array.prototype) json = false;
      objects++;
      return true;
    },
    () => {
      json = false;
    },
  );
  return { json, prototypes: { nullObjects, locations, locationLists } };
}

/** Gives back the prototypes that `marks` numbers (see {@link inspectIR}). */
export function withPrototypes<T>(ir: T, marks: PrototypeMarks): T {
  const { nullObjects, locations, locationLists } = marks;
  let left = nullObjects.length + locations.length + locationLists.length;
  if (left === 0) return ir;
  let nextNull = 0;
  let nextLocation = 0;
  let nextList = 0;
  let objects = 0;
  walkObjects(ir, (value) => {
    const number = objects++;
    if (nullObjects[nextNull] === number) {
      Object.setPrototypeOf(value, null);
      nextNull++;
      left--;
    } else if (locations[nextLocation] === number) {
      Object.setPrototypeOf(value, LoweredLocation.prototype);
      nextLocation++;
      left--;
    } else if (locationLists[nextList] === number) {
      Object.setPrototypeOf(value, LoweredLocationList.prototype);
      nextList++;
      left--;
    }
    return left > 0;
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
