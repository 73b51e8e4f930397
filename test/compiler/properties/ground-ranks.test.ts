import { describe, expect, it } from 'vitest';
import { groundRanks } from '../../../packages/compiler/src/emit/properties/ground-ranks.js';
import { lowerSource } from '../../helpers/lower.js';

// The round in which each named type first has a finite value: the order in which generated
// arbitraries may build types "downwards" without recursing for ever.
async function ranksOf(source: string): Promise<Record<string, number>> {
  const ir = await lowerSource(source);
  return Object.fromEntries(groundRanks(new Map(ir.types.map((decl) => [decl.name, decl]))));
}

describe('ground ranks', () => {
  it('ranks a type after the types its required parts use', async () => {
    expect(
      await ranksOf(`enum Colour { red, blue }
type Leaf { n: Int, colour: Colour }
type Pair { left: Leaf, right: Leaf }
type Tree { root: Pair, more: List<Tree> }
`),
    ).toEqual({ Colour: 0, Leaf: 0, Pair: 1, Tree: 2 });
  });

  it('needs one option of a union, and nothing of an optional field or a list that may be empty', async () => {
    expect(
      await ranksOf(`type Node { next: Node? }
type Cell { value: Int, rest: Chain }
type End { stop: Bool }
type Chain = Cell | End
type Bag { items: List<Bag> { minItems: 0 }, label: String }
`),
    ).toEqual({ Node: 0, End: 0, Bag: 0, Chain: 1, Cell: 2 });
  });

  it('ranks a chain of a thousand types one round each', async () => {
    const chain = Array.from({ length: 1000 }, (_, i) =>
      i === 0 ? 'type T0 { n: Int }' : `type T${i} { previous: T${i - 1} }`,
    ).join('\n');
    const ranks = await ranksOf(`${chain}\n`);
    expect(ranks.T0).toBe(0);
    expect(ranks.T999).toBe(999);
    expect(Object.keys(ranks)).toHaveLength(1000);
  });
});
