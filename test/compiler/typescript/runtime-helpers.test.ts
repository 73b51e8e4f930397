import { describe, expect, it } from 'vitest';
import { RUNTIME_HELPERS, RUNTIME_MODULE } from '@specl/compiler';
import * as runtime from '@specl/runtime';

describe('the runtime names generated code calls', () => {
  it('are exported by @specl/runtime, as functions', () => {
    expect(RUNTIME_MODULE).toBe('@specl/runtime');
    const exported = runtime as Record<string, unknown>;
    const missing = RUNTIME_HELPERS.filter((name) => typeof exported[name] !== 'function');
    expect(missing).toEqual([]);
  });
});
