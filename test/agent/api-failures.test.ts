import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentError } from '@specl/agent';
import type { FakeMessagesApi, ScriptedTurn } from './fake-messages-api.js';
import { finalText, startFakeMessagesApi } from './fake-messages-api.js';
import {
  TEST_KEY,
  agentOn,
  auditEntries,
  correctHandlers,
  snapshot,
  vacationProject,
} from './agent-helpers.js';

let api: FakeMessagesApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const overloaded: ScriptedTurn = {
  kind: 'error',
  status: 529,
  type: 'overloaded_error',
  message: 'Overloaded',
};
const rateLimited: ScriptedTurn = {
  kind: 'error',
  status: 429,
  type: 'rate_limit_error',
  message: 'Number of request tokens has exceeded your per-minute rate limit',
};

/** A project whose code already holds: a model that only says "done" ends the run verified. */
const holdingProject = () => vacationProject({ 'handlers.ts': correctHandlers });

/** Runs the agent expecting an AgentError; answers it. */
async function failing(project: ReturnType<typeof vacationProject>, options = {}) {
  try {
    await agentOn(api!, project, options);
  } catch (error) {
    if (error instanceof AgentError) return error;
    throw error;
  }
  throw new Error('the run did not fail');
}

describe('failures of the Messages API', () => {
  it.each([
    ['a 429', rateLimited, true],
    ['a 529', overloaded, true],
    ['a connection dropped before the answer', { kind: 'drop', when: 'before-headers' }, true],
    ['an answer that breaks off while streaming', { kind: 'drop', when: 'mid-stream' }, true],
    ['a request past the timeout', { kind: 'silence', ms: 5000 }, false],
  ] as [string, ScriptedTurn, boolean][])(
    'retries %s, then goes on',
    async (_, failure, stream) => {
      const project = holdingProject();
      api = await startFakeMessagesApi([failure, finalText('The handlers are complete.')]);
      const result = await agentOn(api, project, { stream, requestTimeoutMs: 2000 });
      expect(result.outcome).toBe('verified');
      expect(api.requests).toHaveLength(2);
      expect(result.turns).toBe(1);
      const retries = auditEntries(result.auditLog).filter(
        (entry) => entry.type === 'attempt_failed',
      );
      expect(retries).toHaveLength(1);
    },
  );

  it('gives a clear error for a persistent 529, and changes no file', async () => {
    const project = holdingProject();
    const before = snapshot(project.impl);
    api = await startFakeMessagesApi([overloaded, overloaded]);
    const error = await failing(project);
    expect(error.kind).toBe('overloaded');
    expect(error.message).toBe(
      'the Anthropic API is overloaded (529, tried 2 times); try again in a few minutes',
    );
    expect(api.requests).toHaveLength(2);
    expect(snapshot(project.impl)).toEqual(before);
    const entries = auditEntries(error.auditLog!);
    expect(entries.map((entry) => entry.type)).toEqual([
      'start',
      'request',
      'attempt_failed',
      'attempt_failed',
      'error',
    ]);
  });

  it('gives a clear error for a persistent 429', async () => {
    api = await startFakeMessagesApi([rateLimited, rateLimited]);
    const error = await failing(holdingProject());
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toBe(
      'the Anthropic API is rate limiting this key (429, tried 2 times): Number of request tokens has exceeded your per-minute rate limit; wait a minute and run again',
    );
  });

  it('gives a clear error when every answer is past the timeout', async () => {
    api = await startFakeMessagesApi([
      { kind: 'silence', ms: 5000 },
      { kind: 'silence', ms: 5000 },
    ]);
    const error = await failing(holdingProject(), { requestTimeoutMs: 500 });
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      `the Anthropic API at ${api.baseURL} did not answer in time (tried 2 times); try again, or raise --timeout`,
    );
  });

  it('gives a clear error when the API cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    api = await startFakeMessagesApi([]);
    const error = await failing(holdingProject(), { baseURL: `http://127.0.0.1:${port}` });
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(
      new RegExp(
        `^cannot reach the Anthropic API at http://127\\.0\\.0\\.1:${port} \\(tried 2 times\\): .+; check the network, or ANTHROPIC_BASE_URL$`,
      ),
    );
  });

  it('refuses to start without an API key, naming ANTHROPIC_API_KEY', async () => {
    api = await startFakeMessagesApi([]);
    const error = await failing(holdingProject(), { apiKey: undefined });
    expect(error.kind).toBe('no-api-key');
    expect(error.message).toContain('ANTHROPIC_API_KEY');
    expect(api.requests).toHaveLength(0);
  });

  it('says when the key is refused, without showing it', async () => {
    api = await startFakeMessagesApi([
      { kind: 'error', status: 401, type: 'authentication_error', message: 'invalid x-api-key' },
    ]);
    const error = await failing(holdingProject());
    expect(error.kind).toBe('refused-key');
    expect(error.message).toBe(
      'the Anthropic API refused the key in ANTHROPIC_API_KEY (401): invalid x-api-key; check the key',
    );
    expect(error.message).not.toContain(TEST_KEY);
  });
});
