import type { SourceLocation } from './spec-ir.js';

/**
 * A source location as lowering makes it: the IR's every `location`, `bodyLocation` and
 * entry of `errorLocations` is one (the user's data never holds one). Its class lets the
 * fingerprint leave the IR's locations out of `JSON.stringify` through `toJSON` (see
 * {@link withLocationsHidden}) instead of a replacer called for every key, several times
 * slower. Otherwise its JSON is that of `{ file, line, column }`, and an IR handed over by a
 * worker or read from the cache has that plain object in its place (see `PackedIR`).
 */
export class LoweredLocation implements SourceLocation {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {}
}

/** A list of source locations as lowering makes it (`errorLocations`): see {@link LoweredLocation}. */
export class LoweredLocationList extends Array<SourceLocation> {
  /** What `map`, `filter`, `slice` and the like make of one: plain arrays. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
}

/** `toJSON` while locations are hidden: `JSON.stringify` leaves the key out (or writes null). */
function hidden(): undefined {
  return undefined;
}

// An own, non-enumerable `toJSON` on each prototype, `undefined` (not called) unless hidden:
// set and unset by assignment, so the prototypes keep their shape.
for (const prototype of [LoweredLocation.prototype, LoweredLocationList.prototype]) {
  Object.defineProperty(prototype, 'toJSON', {
    value: undefined,
    writable: true,
    enumerable: false,
    configurable: false,
  });
}

type Hideable = { toJSON: (() => undefined) | undefined };

/**
 * Runs `work` with lowered locations hidden from `JSON.stringify`: a key whose value is a
 * {@link LoweredLocation} or a {@link LoweredLocationList} is left out of the JSON made
 * meanwhile. Synchronous work only: locations are shown again when it returns or throws.
 */
export function withLocationsHidden<T>(work: () => T): T {
  const location = LoweredLocation.prototype as unknown as Hideable;
  const list = LoweredLocationList.prototype as unknown as Hideable;
  location.toJSON = hidden;
  list.toJSON = hidden;
  try {
    return work();
  } finally {
    location.toJSON = undefined;
    list.toJSON = undefined;
  }
}
