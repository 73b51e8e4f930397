import fc from 'fast-check';
import { unobserved } from '../invariants.js';

/** How a value is tied to another one in the same generated value. */
type TieKind = 'equal' | 'prefix' | 'extension' | 'case' | 'neighbour';

interface Tie {
  readonly kind: TieKind;
  readonly from: number;
  readonly to: number;
  /** Whether to tie two values of the same shape (two dates, two ids) when there are any. */
  readonly alike: boolean;
}

type Path = readonly (string | number)[];

interface Leaf {
  readonly path: Path;
  readonly value: string | number;
}

/** The most leaves looked at in one value (a few levels deep): enough for any request. */
const MAX_LEAVES = 200;
const MAX_DEPTH = 8;

/** The strings and numbers of a value, with their paths, in order. */
function leavesOf(value: unknown, path: Path = [], into: Leaf[] = []): Leaf[] {
  if (into.length >= MAX_LEAVES || path.length > MAX_DEPTH) return into;
  if (typeof value === 'string' || typeof value === 'number') into.push({ path, value });
  else if (Array.isArray(value)) value.forEach((item, i) => leavesOf(item, [...path, i], into));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) leavesOf(item, [...path, key], into);
  return into;
}

/** A copy of `value` with the leaf at `path` replaced (only the containers on the way copied). */
function replaced(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaced(copy[head as number], rest, leaf);
    return copy;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head!]: replaced(record[head!], rest, leaf) };
}

/** The value a tie gives the target leaf, from the source leaf's value. */
function tied(kind: TieKind, source: string | number): string | number | undefined {
  if (typeof source === 'number')
    return kind === 'equal' ? source : kind === 'neighbour' ? source + 1 : undefined;
  const points = [...source];
  switch (kind) {
    case 'equal':
      return source;
    case 'prefix':
      return points.length > 1 ? points.slice(0, Math.ceil(points.length / 2)).join('') : undefined;
    case 'extension':
      return source + (points.at(-1) ?? 'a');
    case 'case': {
      const swapped = source.toUpperCase() === source ? source.toLowerCase() : source.toUpperCase();
      return swapped === source ? undefined : swapped;
    }
    case 'neighbour':
      return undefined;
  }
}

/** A value's shape: numbers alike, strings by length and where letters and digits are. */
function shapeOf(value: string | number): string {
  return typeof value === 'number' ? '#' : value.replace(/[\p{L}\p{N}]/gu, 'x');
}

/** The source and target of a tie: two leaves of the same kind, alike in shape if asked. */
function pick(leaves: readonly Leaf[], tie: Tie): [Leaf, Leaf] | undefined {
  if (tie.alike) {
    const groups = new Map<string, Leaf[]>();
    for (const leaf of leaves) {
      const shape = shapeOf(leaf.value);
      groups.set(shape, [...(groups.get(shape) ?? []), leaf]);
    }
    const alike = [...groups.values()].filter((group) => group.length > 1);
    if (alike.length > 0) {
      const group = alike[tie.from % alike.length]!;
      const source = group[tie.to % group.length]!;
      const others = group.filter((leaf) => leaf !== source);
      return [source, others[(tie.from + tie.to) % others.length]!];
    }
  }
  const source = leaves[tie.from % leaves.length]!;
  const targets = leaves.filter((l) => l !== source && typeof l.value === typeof source.value);
  return targets.length === 0 ? undefined : [source, targets[tie.to % targets.length]!];
}

function applyTie(value: unknown, tie: Tie): unknown {
  const leaves = leavesOf(value);
  if (leaves.length < 2) return value;
  const picked = pick(leaves, tie);
  if (picked === undefined) return value;
  const [source, target] = picked;
  const leaf = tied(tie.kind, source.value);
  return leaf === undefined ? value : replaced(value, target.path, leaf);
}

const tieArbitrary: fc.Arbitrary<Tie> = fc.record({
  kind: fc.constantFrom<TieKind>(
    'equal',
    'equal',
    'equal',
    'prefix',
    'extension',
    'case',
    'neighbour',
  ),
  from: fc.nat({ max: MAX_LEAVES }),
  to: fc.nat({ max: MAX_LEAVES }),
  alike: fc.oneof(
    { weight: 3, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
});

/**
 * Values of `arbitrary`, where a third of the time one string or number inside is tied to
 * another of the same kind: made equal to it, a prefix or an extension of it, its case variant,
 * or its neighbour. Across the fields of a record and the items of a list, that brings the
 * collisions (same key twice, equal values at a sort or page boundary, a name that extends
 * another) that independent values almost never show. A tied value that `accept` refuses (it
 * broke a constraint or invariant) is dropped for the value as generated.
 */
export function relatedValues<T>(
  arbitrary: fc.Arbitrary<T>,
  accept: (value: T) => boolean,
): fc.Arbitrary<T> {
  return fc
    .tuple(
      arbitrary,
      fc.oneof(
        { weight: 2, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: tieArbitrary },
      ),
    )
    .map(([value, tie]) => {
      if (tie === undefined) return value;
      const candidate = applyTie(value, tie) as T;
      // A check of a generated value: not coverage of the answers' invariants.
      return candidate !== value && unobserved(() => accept(candidate)) ? candidate : value;
    });
}
