import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { withoutInlining } from '../../cli/src/without-inlining.js';

// V8 rejects a code cache made under other flags than the process has now: a cache made before
// the work tells whether the flags are those the process started with. Each script is a source
// of its own (V8 would find one it compiled before in its memory and not read the cache), of
// the same length (the only thing V8 checks of the source a cache is offered with).
let scripts = 0;
const nextSource = () =>
  `function plusOne(a) { return a + 1; } plusOne(${String(scripts++).padStart(4, '0')});`;

function cacheNow(): Buffer {
  const script = new Script(nextSource());
  script.runInThisContext();
  return script.createCachedData();
}

function rejected(cache: Buffer): boolean {
  return new Script(nextSource(), { cachedData: cache }).cachedDataRejected === true;
}

describe('withoutInlining (a command that runs once)', () => {
  it("runs the work under other V8 flags, and gives the process's back after it", async () => {
    const cache = cacheNow();
    expect(rejected(cache)).toBe(false);
    const answer = await withoutInlining(async () => {
      expect(rejected(cache)).toBe(true);
      return 42;
    });
    expect(answer).toBe(42);
    expect(rejected(cache)).toBe(false);
  });

  it("gives the process's flags back when the work fails", async () => {
    const cache = cacheNow();
    await expect(
      withoutInlining(() => Promise.reject(new Error('the work failed'))),
    ).rejects.toThrow('the work failed');
    expect(rejected(cache)).toBe(false);
  });
});
