import fc from 'fast-check';

/**
 * An arbitrary built on first use: the same values, shrinks and seeds as the one `build`
 * returns, but nothing is built while no value is drawn. fast-check builds large tables for
 * some arbitraries when they are made (strings of any code point map all 1.1 million of them,
 * about a second and 100 MB), and a compiled `properties.ts` makes every arbitrary when it is
 * imported, also by a server that imports it only for its contracts (the middleware).
 */
class DeferredArbitrary<T> extends fc.Arbitrary<T> {
  private built: fc.Arbitrary<T> | undefined;

  constructor(private readonly build: () => fc.Arbitrary<T>) {
    super();
  }

  private get underlying(): fc.Arbitrary<T> {
    this.built ??= this.build();
    return this.built;
  }

  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.underlying.generate(random, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.underlying.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.underlying.shrink(value, context);
  }
}

/** The arbitrary `build` returns, built the first time a value is drawn or shrunk. */
export function deferred<T>(build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  return new DeferredArbitrary(build);
}
