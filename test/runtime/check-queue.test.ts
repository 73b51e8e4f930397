import { describe, expect, it } from 'vitest';
import { CheckQueue } from '../../packages/runtime/src/live/check-queue.js';

/** One turn of the event loop's check phase, where the queue runs its slices. */
const nextTurn = () => new Promise<void>((done) => setImmediate(done));

describe('CheckQueue options', () => {
  it('takes its slice and limit from an options object', async () => {
    const ran: number[] = [];
    const queue = new CheckQueue({ sliceMs: 0, limit: 2 });
    expect([0, 1, 2].map((n) => queue.check(() => ran.push(n)))).toEqual([true, true, false]);
    expect(queue.skipped).toBe(1);
    // A slice of 0 ms runs one job a turn, then gives the loop back.
    await nextTurn();
    expect(ran).toEqual([0]);
    await queue.flush();
    expect(ran).toEqual([0, 1]);
  });

  it('runs every job queued in one turn when the slice is long enough', async () => {
    const ran: number[] = [];
    const queue = new CheckQueue({ sliceMs: 60_000 });
    for (let n = 0; n < 5; n++) queue.check(() => ran.push(n));
    await nextTurn();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
  });

  it('defaults to a bounded queue of 10,000 pending checks', () => {
    const queue = new CheckQueue();
    let accepted = 0;
    for (let n = 0; n < 10_001; n++) if (queue.check(() => {})) accepted++;
    expect(accepted).toBe(10_000);
    expect(queue.skipped).toBe(1);
  });

  it('runs a job with the receiver it was queued with, and frees its place once run', async () => {
    const queue = new CheckQueue({ limit: 1 });
    const seen: string[] = [];
    const exchange = {
      name: 'first',
      check(this: { name: string }) {
        seen.push(this.name);
      },
    };
    expect(queue.check(exchange.check, exchange)).toBe(true);
    expect(queue.check(exchange.check, { name: 'second' })).toBe(false);
    queue.always(exchange.check, { name: 'always' });
    await queue.flush();
    expect(queue.check(exchange.check, { name: 'third' })).toBe(true);
    await queue.flush();
    expect(seen).toEqual(['first', 'always', 'third']);
  });
});
