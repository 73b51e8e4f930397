import { describe, expect, it } from 'vitest';
import { VerificationGate } from '../../packages/agent/src/parallel/verification-gate.js';

describe('the verification gate of a parallel run', () => {
  it('runs at most its limit at once, the waiting in the order they came, and frees a place on failure', async () => {
    const gate = new VerificationGate(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const job = (n: number, fail = false) =>
      gate.run(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(n);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        if (fail) throw new Error(`job ${n} failed`);
        return n;
      });
    const jobs = [job(1, true), job(2), job(3), job(4)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([1, 2]);
    releases.shift()!();
    await expect(jobs[0]).rejects.toThrow('job 1 failed');
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([1, 2, 3]);
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(jobs.slice(1))).toEqual([2, 3, 4]);
    expect(most).toBe(2);
  });
});
