import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deferred } from '@specl/runtime';

describe('deferred arbitraries', () => {
  it('build nothing until a value is drawn', () => {
    let builds = 0;
    const arbitrary = deferred(() => {
      builds++;
      return fc.integer();
    });
    expect(builds).toBe(0);
    fc.sample(arbitrary, { seed: 1, numRuns: 3 });
    fc.sample(arbitrary, { seed: 2, numRuns: 3 });
    expect(builds).toBe(1);
  });

  it('draw and shrink exactly as the arbitrary they defer', () => {
    const eager = () => fc.record({ name: fc.string({ maxLength: 40 }), n: fc.nat(1000) });
    for (const seed of [1, 2, 3]) {
      expect(fc.sample(deferred(eager), { seed, numRuns: 30 })).toEqual(
        fc.sample(eager(), { seed, numRuns: 30 }),
      );
      const counterexample = (arbitrary: fc.Arbitrary<{ name: string; n: number }>) =>
        fc.check(
          fc.property(arbitrary, (v) => v.name.length < 3 || v.n < 500),
          { seed },
        ).counterexample;
      expect(counterexample(deferred(eager))).toEqual(counterexample(eager()));
    }
  });
});
