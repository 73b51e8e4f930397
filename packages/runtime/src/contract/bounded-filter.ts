/** How many generated values in a row may fail a filter before generation gives up. */
export const FILTER_LIMIT = 10_000;

/** Thrown when a filter rejects too many values in a row: the condition is (nearly) unsatisfiable. */
export class UnsatisfiableFilter extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsatisfiableFilter';
  }
}

/**
 * A filter predicate that gives up, with a clear error, after {@link FILTER_LIMIT} rejections
 * in a row, so that generation never loops forever on a condition random values (almost) never
 * meet. `what` names the condition and where the spec writes it.
 */
export function boundedFilter<T>(
  what: string,
  predicate: (value: T) => boolean,
): (value: T) => boolean {
  let misses = 0;
  return (value) => {
    if (predicate(value)) {
      misses = 0;
      return true;
    }
    if (++misses >= FILTER_LIMIT)
      throw new UnsatisfiableFilter(
        `cannot generate ${what}: ${FILTER_LIMIT} generated values in a row failed it. ` +
          'Specl generates values by construction for invariants that pin a field (`f == v`, `f in [..]`), ' +
          'bound it (`f <= 10`, `len(f) >= 1`) or order two fields (`end >= start`); ' +
          'write the condition in such terms, or check it is satisfiable.',
      );
    return false;
  };
}
