import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeMessagesApi } from './fake-messages-api.js';
import { finalText, startFakeMessagesApi, toolCalls } from './fake-messages-api.js';
import {
  TEST_KEY,
  agentOn,
  auditEntries,
  correctHandlers,
  toolResultsOf,
  vacationProject,
  wrongHandlers,
} from './agent-helpers.js';

let api: FakeMessagesApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('the agent loop on the vacation example', () => {
  it.each([true, false])(
    'sends the counterexample of a wrong implementation back, and ends verified after the fix (streaming: %s)',
    async (stream) => {
      const project = vacationProject();
      api = await startFakeMessagesApi([
        toolCalls(
          [
            { name: 'list_files', input: {} },
            { name: 'write_file', input: { path: 'handlers.ts', content: wrongHandlers } },
            { name: 'verify', input: {} },
          ],
          { input_tokens: 9000, output_tokens: 1500, cache_creation_input_tokens: 8000 },
          'I will write the handlers.',
        ),
        toolCalls(
          [
            { name: 'write_file', input: { path: 'handlers.ts', content: correctHandlers } },
            { name: 'verify', input: {} },
          ],
          { input_tokens: 2500, output_tokens: 1400, cache_read_input_tokens: 8000 },
        ),
      ]);
      const result = await agentOn(api, project, { stream });

      expect(result.outcome).toBe('verified');
      expect(result.failed).toEqual([]);
      expect(result.held).toContain('property balanceDecreasesByDays');
      expect(result.turns).toBe(2);
      expect(api.remaining()).toBe(0);
      // Not asked to apply: the real folder is untouched, the diff holds the new file.
      expect(existsSync(join(project.impl, 'handlers.ts'))).toBe(false);
      expect(result.applied).toBe(false);
      expect(result.edits.map((edit) => [edit.relative, edit.before, edit.after])).toEqual([
        ['handlers.ts', null, correctHandlers],
      ]);
      expect(result.diff).toContain('+++ b/impl/handlers.ts');
      expect(readFileSync(result.savedDiff!, 'utf8')).toBe(result.diff);

      // The first turn's tool results: the listing, the write, and the counterexample.
      const [listing, write, verification] = toolResultsOf(api.requests[1]!.body);
      expect(listing!.text).toBe('(no files)');
      expect(write!.text).toMatch(/^staged handlers\.ts \(\d+ lines\)/);
      expect(verification!.isError).toBe(false);
      expect(verification!.text).toContain('✗ property balanceDecreasesByDays (ensures)');
      expect(verification!.text).toContain(
        'clause: response.status == pending  (at vacation.specl:61:3)',
      );
      expect(verification!.text).toMatch(/← 201 \{.*"status":"approved"/);
      expect(verification!.text).not.toContain('specl-agent-');

      // Requests: the contract is cached, the key travels only in a header.
      for (const request of api.requests) {
        expect(request.body.stream === true).toBe(stream);
        expect(request.body.system[1].cache_control).toEqual({ type: 'ephemeral' });
        expect(request.body.system[1].text).toContain('ensures response.status == pending');
        expect(request.body.system[1].text).toContain('export interface Handlers');
        expect(request.body.tools.map((t: { name: string }) => t.name)).toEqual([
          'list_files',
          'read_file',
          'write_file',
          'verify',
        ]);
        const lastMessage = request.body.messages[request.body.messages.length - 1];
        expect(lastMessage.content[lastMessage.content.length - 1].cache_control).toEqual({
          type: 'ephemeral',
        });
        expect(request.raw).not.toContain(TEST_KEY);
        expect(request.url).not.toContain(TEST_KEY);
        expect([request.headers['x-api-key'], request.headers.authorization]).toContain(
          request.headers['x-api-key'] === TEST_KEY ? TEST_KEY : `Bearer ${TEST_KEY}`,
        );
      }

      // The audit log shows each step, in order.
      const entries = auditEntries(result.auditLog);
      expect(result.auditLog).toMatch(/\.specl\/runs\/[\dT:.Z-]+\.jsonl$/);
      expect(entries.map((entry) => entry.type)).toEqual([
        'start',
        'request',
        'response',
        'tool_call',
        'tool_result',
        'tool_call',
        'tool_result',
        'tool_call',
        'verification',
        'tool_result',
        'request',
        'response',
        'tool_call',
        'tool_result',
        'tool_call',
        'verification',
        'tool_result',
        'summary',
      ]);
      const verifications = entries.filter((entry) => entry.type === 'verification');
      expect(verifications.map((entry) => entry.ok)).toEqual([false, true]);
      expect(verifications[0].checks).toContainEqual(
        expect.objectContaining({
          name: 'property balanceDecreasesByDays',
          status: 'failed',
          failure: expect.objectContaining({
            kind: 'ensures',
            clause: { source: 'response.status == pending', at: 'vacation.specl:61:3' },
          }),
        }),
      );
      const responses = entries.filter((entry) => entry.type === 'response');
      expect(responses[0].usage).toMatchObject({ input_tokens: 9000, output_tokens: 1500 });
      expect(entries.at(-1)).toMatchObject({
        type: 'summary',
        outcome: 'verified',
        turns: 2,
        tokens: 9000 + 1500 + 8000 + 2500 + 1400 + 8000,
        filesChanged: ['handlers.ts'],
        applied: false,
      });
      // claude-sonnet-4-6 prices: $3 input, $15 output, $3.75 cache write, $0.30 cache read per million.
      const expected = (11_500 * 3 + 2900 * 15 + 8000 * 3.75 + 8000 * 0.3) / 1e6;
      expect(result.costUsd).toBeCloseTo(expected, 10);
      expect(readFileSync(result.auditLog, 'utf8')).not.toContain(TEST_KEY);
    },
  );

  it('applies the verified changes with apply, all at once', async () => {
    const project = vacationProject({ 'handlers.ts': wrongHandlers });
    api = await startFakeMessagesApi([
      toolCalls([{ name: 'write_file', input: { path: 'handlers.ts', content: correctHandlers } }]),
      finalText('Fixed: new requests are pending.'),
    ]);
    const result = await agentOn(api, project, { mode: 'repair', apply: true });
    expect(result.outcome).toBe('verified');
    expect(result.applied).toBe(true);
    expect(readFileSync(join(project.impl, 'handlers.ts'), 'utf8')).toBe(correctHandlers);
    expect(result.savedDiff).toBeUndefined();
    // The repair started from the current counterexamples.
    const first = api.requests[0]!.body.messages[0].content[0].text as string;
    expect(first).toContain('does not meet the spec');
    expect(first).toContain('clause: response.status == pending');
  });

  it('keeps to the endpoints in scope: the tools, the verifier and the contract', async () => {
    const project = vacationProject({ 'handlers.ts': correctHandlers });
    api = await startFakeMessagesApi([
      toolCalls([
        { name: 'verify', input: { endpoint: 'getEmployee' } },
        { name: 'verify', input: {} },
      ]),
    ]);
    const result = await agentOn(api, project, { endpoints: ['createEmployee'] });
    expect(result.outcome).toBe('verified');
    expect(result.held).toEqual([
      'endpoint createEmployee',
      'property balanceDecreasesByDays',
      'stateful: call sequences',
    ]);
    const { body } = api.requests[0]!;
    expect(body.tools[3].input_schema.properties.endpoint.enum).toEqual(['createEmployee']);
    expect(body.system[0].text).toContain(
      'the endpoints `createEmployee` (keep the others as they are)',
    );
    const entries = auditEntries(result.auditLog);
    expect(entries.find((entry) => entry.type === 'tool_result')).toMatchObject({
      is_error: true,
      content: '`getEmployee` is not an endpoint in scope; the endpoints are createEmployee',
    });
  });

  it('refuses an unknown endpoint before it starts', async () => {
    api = await startFakeMessagesApi([]);
    await expect(agentOn(api, vacationProject(), { endpoints: ['fireEmployee'] })).rejects.toThrow(
      'the spec has no endpoint `fireEmployee`; it has createEmployee, getEmployee, listRequests, requestVacation',
    );
  });

  it('refuses an entry module outside the folder', async () => {
    api = await startFakeMessagesApi([]);
    await expect(agentOn(api, vacationProject(), { entry: '../vacation.specl' })).rejects.toThrow(
      '--entry: `../vacation.specl` leads out of the implementation folder (through `..`); stay inside it',
    );
  });

  it('does not run a tool call cut off by max_tokens, and says so', async () => {
    const project = vacationProject();
    api = await startFakeMessagesApi([
      {
        kind: 'message',
        content: [{ type: 'tool_use', name: 'write_file', input: { path: 'handlers.ts' } }],
        stopReason: 'max_tokens',
      },
      toolCalls([{ name: 'write_file', input: { path: 'handlers.ts', content: correctHandlers } }]),
      finalText('Done.'),
    ]);
    const result = await agentOn(api, project);
    expect(toolResultsOf(api.requests[1]!.body)).toEqual([
      {
        id: expect.any(String),
        isError: true,
        text: 'your answer was cut off (max_tokens) before this call was complete; nothing was done: write smaller files',
      },
    ]);
    expect(result.outcome).toBe('verified');
  });
});
