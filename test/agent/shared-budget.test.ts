import { describe, expect, it } from 'vitest';
import { Budget } from '../../packages/agent/src/budget.js';
import { priceOf } from '../../packages/agent/src/model-prices.js';

const { price } = priceOf('claude-sonnet-4-6');
const usage = (output: number) => ({ input: 1000, output, cacheWrite: 0, cacheRead: 0 });

describe('one budget shared by agents', () => {
  it('holds the worst case of each request in flight, and lets a waiting request go once they are charged', async () => {
    const budget = new Budget({ maxTurns: 10, maxTokens: 35_000, maxUsd: 100 }, price);
    const first = await budget.admit(3000, 16_000);
    const second = await budget.admit(3000, 16_000);
    expect(first).toMatchObject({ ok: true, maxTokens: 16_000 });
    // 35,000 less the first's worst case (19,000), less this one's input: 13,000 left.
    expect(second).toMatchObject({ ok: true, maxTokens: 13_000 });
    let third: Awaited<ReturnType<Budget['admit']>> | undefined;
    const waiting = budget.admit(3000, 16_000).then((decision) => (third = decision));
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBeUndefined(); // it fits only once the others are charged
    budget.charge(usage(500), first.ok ? first.reservation : undefined);
    budget.charge(usage(500), second.ok ? second.reservation : undefined);
    await waiting;
    expect(third).toMatchObject({ ok: true, maxTokens: 16_000 });
    expect(budget.turns).toBe(2);
    expect(budget.tokens).toBe(3000);
  });

  it('once a request is refused, refuses every later one, even one that would fit', async () => {
    const budget = new Budget({ maxTurns: 10, maxTokens: 10_000, maxUsd: 100 }, price);
    const big = await budget.admit(9500, 16_000);
    expect(big).toMatchObject({ ok: false, limit: 'tokens' });
    const small = await budget.admit(10, 2000);
    expect(small).toEqual(big);
    expect(budget.stopped).toEqual(big);
  });

  it('wakes a waiting request with a refusal when the budget is spent meanwhile', async () => {
    const budget = new Budget({ maxTurns: 1, maxTokens: 1e9, maxUsd: 100 }, price);
    const first = await budget.admit(100, 2000);
    const waiting = budget.admit(100, 2000);
    budget.charge(usage(100), first.ok ? first.reservation : undefined);
    expect(await waiting).toEqual({
      ok: false,
      limit: 'turns',
      reason: 'the turn budget is spent (1 of --max-turns 1)',
    });
  });

  it('gives back what a request held when it got no answer', async () => {
    const budget = new Budget({ maxTurns: 1, maxTokens: 1e9, maxUsd: 100 }, price);
    const first = await budget.admit(100, 2000);
    if (first.ok) budget.release(first.reservation);
    expect(await budget.admit(100, 2000)).toMatchObject({ ok: true });
  });
});
