// The bound on expensive MCP calls: at most `running` at once, `waiting` queued, the rest
// refused at once; a waiting call that is cancelled leaves the queue.
import { describe, expect, it } from 'vitest';
import { CallLimiter } from '../../packages/mcp/src/call-limiter.js';

/** A call that runs until released, and says when it started. */
function gate() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const state = { started: false };
  const work = async () => {
    state.started = true;
    await released;
    return 'done';
  };
  return { work, release, state };
}

describe('CallLimiter', () => {
  it('runs two at once, queues two, refuses the fifth, then runs the queued in order', async () => {
    const limiter = new CallLimiter(2, 2);
    const gates = [gate(), gate(), gate(), gate()];
    const calls = gates.map((g) => limiter.run(g.work));
    await Promise.resolve();
    expect(gates.map((g) => g.state.started)).toEqual([true, true, false, false]);
    await expect(limiter.run(async () => 'fifth')).rejects.toThrow(/the server is busy/);
    gates[0]!.release();
    await calls[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(gates.map((g) => g.state.started)).toEqual([true, true, true, false]);
    for (const g of gates) g.release();
    expect(await Promise.all(calls)).toEqual(['done', 'done', 'done', 'done']);
    // Every place is free again.
    expect(await Promise.all([limiter.run(async () => 1), limiter.run(async () => 2)])).toEqual([
      1, 2,
    ]);
  });

  it('drops a waiting call that is cancelled, and frees its place in the queue', async () => {
    const limiter = new CallLimiter(1, 1);
    const first = gate();
    const running = limiter.run(first.work);
    const controller = new AbortController();
    const waiting = limiter.run(async () => 'never', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow(/cancelled while it waited/);
    const next = gate();
    const queued = limiter.run(next.work);
    first.release();
    next.release();
    expect(await Promise.all([running, queued])).toEqual(['done', 'done']);
  });
});
