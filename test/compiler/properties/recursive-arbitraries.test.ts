import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerSource } from '../../helpers/lower.js';
import { loadProperties } from './load-properties.js';

/**
 * Types that recurse into each other through lists that may not be empty, across ground ranks
 * (`Node` has values without the others, `Pair` needs a `Node`, `Group` a `Pair`), and a type
 * outside the cycle that holds lists of them. Each step down in rank once kept its recursion
 * level, so every round of the cycle multiplied the values below it by the three lists' items
 * (50 values of `Group` reached 225 KB of JSON, a `Node` 30 KB, where they now stay under 5 KB),
 * and lists outside recursive types took any number of them (`Forest` ran out of memory).
 */
const MUTUAL = `
type Node {
  label: Int { min: 0, max: 9 }
  children: List<Group>
}
type Pair {
  node: Node
  nodes: List<Node> { minItems: 2, maxItems: 8 }
}
type Group {
  lead: Pair
  pairs: List<Pair> { minItems: 2, maxItems: 8 }
}
type Forest {
  trees: Map<List<Group>>
}
`;

/**
 * A recursive record holding lists of lists of records, and a record of lists three deep.
 */
const NESTED = `
type Leaf { tag: "leaf", note: String }
type Tree {
  leaves: List<List<Leaf>>
  left?: Tree
  right?: Tree
}
type Shelf { rows: List<List<List<Int>>> }
`;

/** The most bytes of JSON a value of `NESTED` may take (its innermost lists spread to 256). */
const NESTED_SIZE_BOUND = 64 * 1024;

/** The most bytes of JSON a generated value of these small types may take. */
const SIZE_BOUND = 12 * 1024;

describe('the arbitraries of mutually recursive types', () => {
  it('give valid values of bounded size through non-empty lists across ranks', async () => {
    const ir = await lowerSource(MUTUAL);
    const { arbitraries, validators } = await loadProperties('recursive-arbitraries', ir);
    for (const name of ['Node', 'Pair', 'Group', 'Forest']) {
      const values = fc.sample(arbitraries[name]!, { seed: 7, numRuns: 50 });
      for (const value of values) {
        expect({ name, ...validators[name]!(value) }).toEqual({ name, ok: true });
        expect(JSON.stringify(value).length, `the JSON of a ${name}`).toBeLessThan(SIZE_BOUND);
      }
    }
  }, 60_000);

  it('give values of bounded size through lists of lists, in recursive types too', async () => {
    // Found by the random specs (a recursive record holding `List<List<Review2>>`): every
    // list's length was spread up to 256 items, nested lists multiplied their spreads (256 ×
    // 256 records), and a recursive type held them again at every level: 5 values of such a
    // type took 12 s and 730 KB of JSON (here: a `Tree` 3.7 MB, a `Shelf` 8 MB, 18 s). Lists
    // whose items hold lists, and lists within a recursive type, now spread over at most 8
    // items (a `Tree` 16 KB, a `Shelf` 34 KB).
    const ir = await lowerSource(NESTED);
    const { arbitraries, validators } = await loadProperties('nested-lists', ir);
    for (const name of ['Tree', 'Shelf']) {
      let largest = 0;
      for (const value of fc.sample(arbitraries[name]!, { seed: 11, numRuns: 50 })) {
        expect({ name, ...validators[name]!(value) }).toEqual({ name, ok: true });
        largest = Math.max(largest, JSON.stringify(value).length);
      }
      expect(largest, `the JSON of the largest ${name}`).toBeLessThan(NESTED_SIZE_BOUND);
    }
  }, 60_000);
});
