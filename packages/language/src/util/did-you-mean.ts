/**
 * The edit distance between two strings: insertions, deletions, substitutions and swaps of
 * two neighbouring letters (`cuont` is one edit from `count`).
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `name`, if it is close enough to be a likely typo: a case-only
 * difference, or an edit distance of at most a third of the name's length (at least 1).
 * Ties go to the first candidate in sorted order, so the answer is deterministic.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  // A candidate whose length differs by more than the limit is further than it (each edit
  // changes the length by one at most): left out before sorting, which a large file's names make
  // the bulk of the work.
  const near = new Set<string>();
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) <= limit) near.add(candidate);
  }
  for (const candidate of [...near].sort()) {
    if (candidate === name) continue;
    const distance =
      candidate.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, candidate);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean \`x\`?` when a close candidate exists, else the fallback (or nothing). */
export function didYouMean(name: string, candidates: Iterable<string>, fallback = ''): string {
  const closest = closestName(name, candidates);
  return closest ? `; did you mean \`${closest}\`?` : fallback;
}
