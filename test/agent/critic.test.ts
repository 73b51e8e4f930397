import { afterEach, describe, expect, it } from 'vitest';
import type { FakeMessagesApi } from './fake-messages-api.js';
import { finalText, startFakeConversations, toolCalls } from './fake-messages-api.js';
import { agentOn, auditEntries, correctHandlers, vacationProject } from './agent-helpers.js';

let api: FakeMessagesApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const AUTHOR = 'You are the implementation agent of Specl';
const CRITIC = 'You are the critic of Specl';
const writeAndVerify = toolCalls([
  { name: 'write_file', input: { path: 'handlers.ts', content: correctHandlers } },
  { name: 'verify', input: {} },
]);

describe('the critic of a run of one agent', () => {
  it('sends its objections back at most --critic-rounds times, then accepts what verifies', async () => {
    api = await startFakeConversations([
      {
        key: AUTHOR,
        turns: [writeAndVerify, finalText('The objection is wrong: ids are random.')],
      },
      {
        key: CRITIC,
        turns: [
          toolCalls([
            {
              name: 'review',
              input: { verdict: 'object', objections: ['handlers.ts: ids could collide', ' ', 42] },
            },
          ]),
        ],
      },
    ]);
    const result = await agentOn(api, vacationProject(), { critic: true, criticRounds: 1 });
    expect(result.outcome).toBe('verified');
    expect(api.remaining()).toBe(0);
    // The one objection that is text went back; the empty and the non-text ones did not.
    const second = api.requestsOf(AUTHOR)[1]!.body.messages.at(-1).content.at(-1).text as string;
    expect(second).toContain('(round 1 of 1):\n1. handlers.ts: ids could collide\n\nFix what');
    expect(second).not.toContain('2.');
    expect(result.agents.map((a) => [a.id, a.role, a.turns])).toEqual([
      ['agent', 'author', 2],
      ['agent.critic', 'critic', 1],
    ]);
    const reviews = auditEntries(result.auditLog).filter((e) => e.type === 'review');
    expect(reviews).toEqual([
      expect.objectContaining({
        agent: 'agent.critic',
        role: 'critic',
        verdict: 'object',
        round: 1,
      }),
      expect.objectContaining({
        verdict: 'accept',
        reason: 'accepted on the verifier alone after 1 round of objections',
      }),
    ]);
  });

  it('takes an answer that is no review as acceptance, and logs it so', async () => {
    api = await startFakeConversations([
      { key: AUTHOR, turns: [writeAndVerify] },
      {
        key: CRITIC,
        turns: [toolCalls([{ name: 'review', input: { verdict: 'maybe', objections: 'all' } }])],
      },
    ]);
    const result = await agentOn(api, vacationProject(), { critic: true });
    expect(result.outcome).toBe('verified');
    expect(api.requestsOf(AUTHOR)).toHaveLength(1);
    expect(auditEntries(result.auditLog).find((e) => e.type === 'review')).toMatchObject({
      agent: 'agent.critic',
      verdict: 'accept',
      reason: 'the critic gave no usable review; accepted on the verifier alone',
    });
  });
});
