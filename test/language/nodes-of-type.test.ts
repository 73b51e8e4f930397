import type { AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { nodesOfType } from '../../packages/language/src/util/by-type.js';

// The nodes of one type in a list, made as a list of exactly their number: the same nodes in
// the same order as a filter by `$type`, and no hole.
describe('the nodes of a type in a list', () => {
  const node = (type: string, n: number) => ({ $type: type, n }) as unknown as AstNode;
  const lists: AstNode[][] = [
    [],
    [node('A', 0)],
    [node('B', 0)],
    [node('A', 0), node('B', 1), node('A', 2), node('C', 3), node('A', 4)],
    Array.from({ length: 40 }, (_, i) => node(i % 3 === 0 ? 'A' : 'B', i)),
  ];

  it.each(lists.map((list, i) => [i, list] as const))('list %i', (_, list) => {
    for (const type of ['A', 'B', 'C', 'D']) {
      const found = nodesOfType(list, type);
      const expected = list.filter((n) => n.$type === type);
      expect(found).toEqual(expected);
      expect(found.length).toBe(expected.length);
      found.forEach((n, i) => expect(n).toBe(expected[i]));
      expect(Object.keys(found)).toHaveLength(expected.length);
    }
  });
});
