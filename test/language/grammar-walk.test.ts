import { AstUtils } from 'langium';
import type { AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { SpeclGrammar } from '../../packages/language/src/generated/grammar.js';
import { allNodes } from '../../packages/language/src/parser/fast/grammar-walk.js';

/**
 * allNodes walks the grammar once and keeps what it found below the root and each of the root's
 * children: whatever was walked before, it must list the nodes Langium's streamAst lists, in
 * the same order.
 */
describe('allNodes', () => {
  const grammar = SpeclGrammar();
  const streamed = (node: AstNode) => AstUtils.streamAst(node).toArray();
  /** Whether two lists hold the very same nodes, in the same order. */
  const same = (a: readonly AstNode[], b: readonly AstNode[]) =>
    a.length === b.length && a.every((node, i) => node === b[i]);

  it('lists what streamAst lists below a node first asked deep inside a rule', () => {
    const deep = streamed(grammar.rules[5]!)[3]!;
    expect(same(allNodes(deep, false), streamed(deep).slice(1))).toBe(true);
  });

  it('lists what streamAst lists below each rule, then the grammar, then every node', () => {
    for (const rule of grammar.rules) {
      expect(same(allNodes(rule, false), streamed(rule).slice(1))).toBe(true);
    }
    const all = streamed(grammar);
    expect(all.length).toBeGreaterThan(1000);
    expect(same(allNodes(grammar, true), all)).toBe(true);
    for (const node of all) expect(same(allNodes(node, true), streamed(node))).toBe(true);
  });
});
