import fc from 'fast-check';
import { it } from 'vitest';
it('interrupt', async () => {
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 1000, size: 'max' }), async (a) => {
        await new Promise((r) => setTimeout(r, 20));
        if (a.length > 20) throw new Error('too long ' + a.length);
      }),
      { seed: 1, numRuns: 100, interruptAfterTimeLimit: 2000, markInterruptAsFailure: false },
    );
    console.log('PASSED');
  } catch (e) {
    console.log('FAILED', String(e).slice(0, 600));
  }
});
