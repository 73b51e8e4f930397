/** Types of gen-diff-spec.mjs, for the tests that diff the benchmark's versions. */
export function evolveSpec(
  text: string,
  n: number,
): { text: string; expected: Record<string, number> };
