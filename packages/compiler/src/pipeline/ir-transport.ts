import { deserialize, serialize } from 'node:v8';
import type { SpecIR } from '../ir/spec-ir.js';

/**
 * An IR on its way between threads: JSON when JSON carries it whole (parsing JSON is about
 * twice as fast as V8's structured clone at N = 5,000), V8's serialization otherwise.
 */
export type PackedIR =
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'v8'; readonly bytes: Uint8Array };

/** Packs an IR to hand to another thread (see {@link unpackIR}). */
export function packIR(ir: SpecIR): PackedIR {
  return jsonCarries(ir)
    ? { kind: 'json', text: JSON.stringify(ir) }
    : { kind: 'v8', bytes: serialize(ir) };
}

/** The IR that {@link packIR} packed, equal to it in every own property and value. */
export function unpackIR(packed: PackedIR): SpecIR {
  return packed.kind === 'json'
    ? (JSON.parse(packed.text) as SpecIR)
    : (deserialize(packed.bytes) as SpecIR);
}

/**
 * Whether `JSON.parse(JSON.stringify(value))` gives back the same tree: only plain objects,
 * arrays, strings, booleans, `null` and finite numbers other than -0, and no property or
 * element that is `undefined` (JSON drops or changes each of those). Objects seen twice are
 * written twice by JSON, which the IR's readers cannot tell apart (they compare values).
 */
export function jsonCarries(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    switch (typeof item) {
      case 'string':
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(item) || Object.is(item, -0)) return false;
        continue;
      case 'object': {
        if (item === null) continue;
        if (Array.isArray(item)) {
          for (let i = 0; i < item.length; i++) {
            if (!(i in item)) return false;
            stack.push(item[i]);
          }
          continue;
        }
        const proto = Object.getPrototypeOf(item) as unknown;
        if (proto !== Object.prototype && proto !== null) return false;
        const record = item as Record<string, unknown>;
        for (const key in record) {
          const field = record[key];
          if (field === undefined) return false;
          stack.push(field);
        }
        continue;
      }
      default:
        return false;
    }
  }
  return true;
}
