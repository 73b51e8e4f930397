import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeMessagesApi } from './fake-messages-api.js';
import { startFakeMessagesApi, toolCalls } from './fake-messages-api.js';
import { agentOn, auditEntries, vacationProject, wrongHandlers } from './agent-helpers.js';

let api: FakeMessagesApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A first turn that writes the wrong implementation and verifies it; a second that would follow. */
const twoTurns = (usage: { input_tokens: number; output_tokens: number }) => [
  toolCalls(
    [
      { name: 'write_file', input: { path: 'handlers.ts', content: wrongHandlers } },
      { name: 'verify', input: {} },
    ],
    usage,
  ),
  toolCalls([{ name: 'list_files', input: {} }]),
];

describe('the budgets of a run', () => {
  it('stops before a request past --max-turns, saying what held and what did not', async () => {
    const project = vacationProject();
    api = await startFakeMessagesApi(twoTurns({ input_tokens: 5000, output_tokens: 1000 }));
    const result = await agentOn(api, project, { budget: { maxTurns: 1 } });
    expect(result.outcome).toBe('budget');
    expect(result.limit).toBe('turns');
    expect(result.reason).toBe('the turn budget is spent (1 of --max-turns 1)');
    expect(api.requests).toHaveLength(1);
    expect(result.failed).toEqual(['property balanceDecreasesByDays', 'stateful: call sequences']);
    expect(result.held).toContain('endpoint createEmployee');
    expect(result.applied).toBe(false);
    expect(existsSync(join(project.impl, 'handlers.ts'))).toBe(false);
    const entries = auditEntries(result.auditLog);
    expect(entries.find((entry) => entry.type === 'stop')).toMatchObject({ limit: 'turns' });
    expect(entries.at(-1)).toMatchObject({ type: 'summary', outcome: 'budget', turns: 1 });
  });

  it('stops before a request that could pass --max-tokens, and lowers max_tokens to fit', async () => {
    const project = vacationProject();
    api = await startFakeMessagesApi(twoTurns({ input_tokens: 12_000, output_tokens: 3000 }));
    const result = await agentOn(api, project, { budget: { maxTokens: 25_000 } });
    expect(result.outcome).toBe('budget');
    expect(result.limit).toBe('tokens');
    expect(result.reason).toMatch(
      /^the token budget would run out in the next request \(15000 used, about \d+ more to send, of --max-tokens 25000\)$/,
    );
    expect(api.requests).toHaveLength(1);
    const estimate = auditEntries(result.auditLog).find((entry) => entry.type === 'request')
      .estimatedInputTokens as number;
    expect(estimate).toBeGreaterThan(3000);
    expect(api.requests[0]!.body.max_tokens).toBe(Math.min(16_000, 25_000 - estimate));
    expect(result.tokens).toBe(15_000);
  });

  it('stops before a request that could pass --budget-usd', async () => {
    const project = vacationProject();
    api = await startFakeMessagesApi(twoTurns({ input_tokens: 5000, output_tokens: 1000 }));
    const result = await agentOn(api, project, { budget: { maxUsd: 0.06 } });
    expect(result.outcome).toBe('budget');
    expect(result.limit).toBe('dollars');
    expect(result.reason).toBe(
      'the dollar budget would run out in the next request ($0.0300 spent, of --budget-usd 0.06)',
    );
    expect(api.requests).toHaveLength(1);
    // The first request asked for no more output than the dollars left could pay for.
    const maxTokens = api.requests[0]!.body.max_tokens as number;
    expect(maxTokens).toBeLessThan(4000);
    expect(result.costUsd).toBeCloseTo((5000 * 3 + 1000 * 15) / 1e6, 10);
  });

  it('sends no request at all when the first could not fit', async () => {
    const project = vacationProject();
    api = await startFakeMessagesApi([]);
    const result = await agentOn(api, project, { budget: { maxTokens: 2000 } });
    expect(result).toMatchObject({ outcome: 'budget', limit: 'tokens', turns: 0, costUsd: 0 });
    expect(api.requests).toHaveLength(0);
  });
});
