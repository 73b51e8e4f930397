import type { ValidationResult } from './validation-result.js';
import { invalid, valid } from './validation-result.js';

/** A record's invariant, translated to TypeScript when the spec was compiled. */
export interface Invariant<T> {
  /** The condition as the spec writes it: `end >= start`. */
  readonly source: string;
  /** Where the spec writes it: `vacation.specl:29:3`. */
  readonly at: string;
  /** Whether a value (whose fields are valid) satisfies it. */
  readonly holds: (value: T) => boolean;
}

/**
 * Checks a value's invariants in order; the first that fails gives
 * `invariant failed: <source> (<at>)` at `path`. An invariant that throws fails, with the error.
 */
export function checkInvariants<T>(
  value: T,
  path: string,
  invariants: readonly Invariant<T>[],
): ValidationResult {
  for (const invariant of invariants) {
    let holds: boolean;
    try {
      holds = invariant.holds(value);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return invalid(path, `invariant failed: ${invariant.source} (${invariant.at}): ${reason}`);
    }
    if (!holds) return invalid(path, `invariant failed: ${invariant.source} (${invariant.at})`);
  }
  return valid;
}
