import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValueStack } from '../../packages/language/src/parser/fast/value-stack.js';

// The fast parser's stacks keep their room (an array emptied by `pop` gives it back to V8): a
// ValueStack must behave as an array used as a stack, under any run of pushes, pops, top
// replacements and clears.
describe('ValueStack', () => {
  it('behaves as an array used as a stack', () => {
    const op = fc.oneof(
      fc.record({ push: fc.integer() }),
      fc.constant('pop' as const),
      fc.record({ top: fc.integer() }),
      fc.constant('clear' as const),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const stack = new ValueStack<number>();
        const model: number[] = [];
        for (const o of ops) {
          if (o === 'pop') expect(stack.pop()).toBe(model.pop());
          else if (o === 'clear') {
            stack.clear();
            model.length = 0;
          } else if ('push' in o) {
            stack.push(o.push);
            model.push(o.push);
          } else if (model.length === 0) {
            expect(() => (stack.top = o.top)).toThrow();
          } else {
            stack.top = o.top;
            model[model.length - 1] = o.top;
          }
          expect(stack.depth).toBe(model.length);
          expect(stack.top).toBe(model[model.length - 1]);
        }
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
