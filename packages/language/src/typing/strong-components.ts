import type { AstNode } from 'langium';
import { workspaceMemo } from './workspace-memo.js';

/** A strongly connected component of a graph: nodes that all reach each other. */
export interface StrongComponent {
  /** How many nodes it has. */
  readonly size: number;
  /** Whether its nodes lie on a cycle: more than one node, or one with an edge to itself. */
  readonly cyclic: boolean;
}

/** One node being visited: its successors still to look at. */
interface Visit<T> {
  readonly node: T;
  readonly successors: Iterator<T>;
}

/**
 * The strongly connected components of a graph given by its successor function, found on
 * demand from any node (Tarjan's algorithm, with a stack of its own rather than recursion, so a
 * chain of any length fits) and memoised until the workspace changes. Two nodes reach each other
 * exactly when they have the same component: each question costs amortised constant time, where
 * a search per question costs time linear in the graph, and quadratic over all of it.
 */
export function strongComponents<T extends AstNode>(
  successors: (node: T) => Iterable<T>,
): (node: T) => StrongComponent {
  const components = workspaceMemo<T, StrongComponent>();
  return (start) => {
    const known = components.get(start);
    if (known) return known;
    const index = new Map<T, number>();
    const low = new Map<T, number>();
    const open: T[] = [];
    const onOpen = new Set<T>();
    const selfLoops = new Set<T>();
    const visits: Visit<T>[] = [];
    const enter = (node: T) => {
      index.set(node, index.size);
      low.set(node, index.get(node)!);
      open.push(node);
      onOpen.add(node);
      visits.push({ node, successors: successors(node)[Symbol.iterator]() });
    };
    enter(start);
    while (visits.length > 0) {
      const visit = visits[visits.length - 1]!;
      const step = visit.successors.next();
      if (!step.done) {
        const next = step.value;
        if (next === visit.node) selfLoops.add(next);
        // A node of a component found before is no part of this search.
        if (components.get(next)) continue;
        if (!index.has(next)) enter(next);
        else if (onOpen.has(next))
          low.set(visit.node, Math.min(low.get(visit.node)!, index.get(next)!));
        continue;
      }
      visits.pop();
      const parent = visits[visits.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(visit.node)!));
      if (low.get(visit.node) !== index.get(visit.node)) continue;
      const members: T[] = [];
      let member: T;
      do {
        member = open.pop()!;
        onOpen.delete(member);
        members.push(member);
      } while (member !== visit.node);
      const component: StrongComponent = {
        size: members.length,
        cyclic: members.length > 1 || selfLoops.has(visit.node),
      };
      for (const node of members) components.set(node, component);
    }
    return components.get(start)!;
  };
}
