// The CLI bundle gives chevrotain's parser module chevrotain's own applyMixins run on a prototype
// in dictionary mode (scripts/bundle/dictionary-prototype.mjs, through a plugin of
// scripts/bundle-cli.mjs), so that copying the mixins' methods does not copy V8's list of the
// prototype's properties at each one: the prototype it makes must be the one chevrotain makes,
// and every bundle file that holds chevrotain's Parser must make it so.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

type Mixer = (derived: new () => object, bases: (new () => object)[]) => void;

const chevrotainMixins = join(
  repoRoot,
  'node_modules/chevrotain/lib/src/parse/parser/utils/apply_mixins.js',
);
const { applyMixins } = (await import(pathToFileURL(chevrotainMixins).href)) as {
  applyMixins: Mixer;
};
const { onDictionaryPrototype, toDictionaryMode } = (await import(
  pathToFileURL(join(repoRoot, 'scripts/bundle/dictionary-prototype.mjs')).href
)) as { onDictionaryPrototype: (mixer: Mixer) => Mixer; toDictionaryMode: (o: object) => void };

/** A class like chevrotain's Parser and mixins like its own: methods, accessors, constructors. */
function classes() {
  class Derived {
    count = 0;
    own(): number {
      return 1;
    }
  }
  class First {
    recover(): string {
      return 'first';
    }
    get depth(): number {
      return 2;
    }
  }
  class Second {
    stored = 0;
    lookAhead(): string {
      return 'second';
    }
    set value(value: number) {
      this.stored = value;
    }
    get value(): number {
      return this.stored;
    }
    own(): number {
      return 3;
    }
  }
  for (let i = 0; i < 40; i++) {
    Object.defineProperty(Second.prototype, `rule${i}`, { value: () => i, writable: true });
  }
  return { Derived, bases: [First, Second] as (new () => object)[] };
}

/** The prototype's own keys, in order, with their descriptors. */
function shape(prototype: object): [PropertyKey, PropertyDescriptor | undefined][] {
  return Reflect.ownKeys(prototype).map((key) => [
    key,
    Object.getOwnPropertyDescriptor(prototype, key),
  ]);
}

describe("chevrotain's applyMixins on a prototype in dictionary mode", () => {
  it('makes the prototype chevrotain makes: the same keys, in order, and descriptors', () => {
    const plain = classes();
    applyMixins(plain.Derived, plain.bases);
    const dictionary = classes();
    onDictionaryPrototype(applyMixins)(dictionary.Derived, dictionary.bases);

    const expected = shape(plain.Derived.prototype);
    const actual = shape(dictionary.Derived.prototype);
    expect(actual.map(([key]) => key)).toStrictEqual(expected.map(([key]) => key));
    expect(actual.length).toBe(46);
    for (const [i, [key, descriptor]] of actual.entries()) {
      const [, wanted] = expected[i]!;
      // The functions are each class set's own: compare what else the descriptors say.
      expect(Object.keys(descriptor!), String(key)).toStrictEqual(Object.keys(wanted!));
      for (const field of ['writable', 'enumerable', 'configurable'] as const) {
        expect(descriptor![field], `${String(key)}.${field}`).toBe(wanted![field]);
      }
    }
    const instance = new dictionary.Derived() as unknown as Record<string, unknown> & {
      value: number;
    };
    expect((instance.own as () => number)()).toBe(3);
    expect((instance.rule7 as () => number)()).toBe(7);
    expect(instance.depth).toBe(2);
    instance.value = 5;
    expect(instance.value).toBe(5);
  });

  it('leaves an object the properties it had', () => {
    const object = { a: 1, b: 2 };
    toDictionaryMode(object);
    expect(Reflect.ownKeys(object)).toStrictEqual(['a', 'b']);
    expect(object).toStrictEqual({ a: 1, b: 2 });
  });

  it('is what every bundle file holding chevrotain’s Parser applies its mixins with', () => {
    const bundle = join(repoRoot, 'cli/dist/bundle');
    const holders = readdirSync(bundle)
      .filter((file) => /\.(m?js|cjs)$/.test(file))
      .map((file) => readFileSync(join(bundle, file), 'utf8'))
      .filter((text) => /\bapplyMixins\d*\(Parser\d*, \[\s*Recoverable\b/.test(text));
    // The CLI's language chunk, the diff worker's program and the agent's sandbox child.
    expect(holders.length).toBeGreaterThanOrEqual(2);
    for (const text of holders) {
      const call = /\b(applyMixins\d*)\(Parser\d*, \[\s*Recoverable\b/.exec(text)![1];
      expect(text).toMatch(
        new RegExp(`\\b${call} = onDictionaryPrototype\\d*\\(applyMixins\\d*\\)`),
      );
    }
  });
});
