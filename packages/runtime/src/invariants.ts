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

/** Told of every invariant evaluated by {@link checkInvariants}: for coverage. */
export type InvariantObserver = (invariant: Invariant<never>, held: boolean) => void;

let observer: InvariantObserver | undefined;

/**
 * Sets (or, with `undefined`, clears) the one observer of invariant checks: the verifier uses
 * it to count how often each invariant was exercised on the values it checked.
 */
export function observeInvariants(next: InvariantObserver | undefined): void {
  observer = next;
}

/** Runs `check` with no observer of invariants: for checks of requests, not of answers. */
export function unobserved<T>(check: () => T): T {
  const saved = observer;
  observer = undefined;
  try {
    return check();
  } finally {
    observer = saved;
  }
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
      observer?.(invariant as Invariant<never>, false);
      const reason = error instanceof Error ? error.message : String(error);
      return invalid(path, `invariant failed: ${invariant.source} (${invariant.at}): ${reason}`);
    }
    observer?.(invariant as Invariant<never>, holds);
    if (!holds) return invalid(path, `invariant failed: ${invariant.source} (${invariant.at})`);
  }
  return valid;
}
