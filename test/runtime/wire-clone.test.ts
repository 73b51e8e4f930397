import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneAsJson, cloneRequest } from '../../packages/runtime/src/contract/wire-clone.js';

// The in-process target's copies, made by walking plain values, must be exactly what the
// general means give: `JSON.parse(JSON.stringify(body))` for an answer, `structuredClone` for
// a request, whatever the value (the walk hands what it does not know to them).

/** Values of every kind JSON and structured cloning treat specially. */
const awkward = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true }),
    fc.constantFrom(undefined, NaN, -0, Infinity, -Infinity, 0, '', null),
    fc.date({ noInvalidDate: true }),
    fc.uint8Array({ maxLength: 8 }),
    fc.constant({ toJSON: () => 'custom' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', '__proto__', '0', '10', 'two words'), tie('value'), {
      maxKeys: 4,
    }),
  ),
}));

const sameBytes = (a: unknown, b: unknown) => expect(a).toStrictEqual(b);

describe('wire clones', () => {
  it('copies an answer as a JSON round trip does, or throws as it does', () => {
    fc.assert(
      fc.property(awkward.value, (value) => {
        let expected: unknown;
        let threw = false;
        try {
          expected = JSON.parse(JSON.stringify(value) ?? 'undefined') as unknown;
        } catch {
          threw = true;
        }
        if (threw) expect(() => cloneAsJson(value)).toThrow();
        else sameBytes(cloneAsJson(value), expected);
      }),
      { numRuns: 400, seed: 1 },
    );
  });

  it('copies a request as structuredClone does, sharing nothing with it', () => {
    fc.assert(
      fc.property(
        awkward.value.filter((v) => !hasFunction(v)),
        (value) => {
          const copy = cloneRequest(value);
          sameBytes(copy, structuredClone(value));
          if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value);
        },
      ),
      { numRuns: 400, seed: 1 },
    );
  });

  it('keeps a `__proto__` field as a field, not a prototype', () => {
    const body = JSON.parse('{"__proto__":{"admin":true},"a":1}') as Record<string, unknown>;
    const copy = cloneAsJson(body) as Record<string, unknown>;
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { admin?: unknown }).admin).toBeUndefined();
    expect(Object.keys(cloneRequest(body))).toEqual(['__proto__', 'a']);
  });

  it('throws for a cycle and a BigInt, as JSON does', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(() => cloneAsJson(cycle)).toThrow(TypeError);
    expect(() => cloneAsJson({ n: 1n })).toThrow(TypeError);
  });
});

/** Whether a value holds a function somewhere (structuredClone refuses those; requests have none). */
function hasFunction(value: unknown, depth = 0): boolean {
  if (typeof value === 'function') return true;
  if (typeof value !== 'object' || value === null || depth > 20) return false;
  return Object.values(value).some((item) => hasFunction(item, depth + 1));
}
