/** Types of gen-spec.mjs, for the tests that build the benchmark's specs. */
export const RING: number;

export function generateSpec(
  n: number,
  options?: { shape?: 'check' | 'peer'; link?: 'none' | 'ring' | 'chain' },
): string;
