import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeMessagesApi, ScriptedAnswer } from './fake-messages-api.js';
import { finalText, startFakeConversations, toolCalls } from './fake-messages-api.js';
import { TEST_KEY, auditEntries, snapshot } from './agent-helpers.js';
import {
  MERGE_KEY,
  approvingRequests,
  authorKey,
  criticKey,
  modularProject,
  modules,
  parallelOn,
  storeModule,
} from './parallel-helpers.js';

let api: FakeMessagesApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const write = (path: string, content: string) => ({
  name: 'write_file',
  input: { path, content },
});
const verify = { name: 'verify', input: {} };
const review = (verdict: 'accept' | 'object', objections: string[] = []): ScriptedAnswer =>
  toolCalls([{ name: 'review', input: { verdict, objections } }]);

const HIRING = ['createEmployee'];
const EMPLOYEES = ['getEmployee'];
const REQUESTS = ['listRequests', 'requestVacation'];
const OBJECTION =
  'requests.ts: requestVacation answers status `approved`; the spec ensures response.status == pending (vacation.specl)';

/**
 * What makes a log coherent: whole JSON lines numbered 1..n, each naming its agent and role;
 * each agent's requests and responses alternate, each tool result follows its call by the
 * same agent, and the run's summary comes last.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function expectCoherent(entries: any[]) {
  expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, index) => index + 1));
  for (const entry of entries) {
    expect(typeof entry.agent).toBe('string');
    expect(['run', 'author', 'critic', 'merger']).toContain(entry.role);
  }
  const agents = [...new Set(entries.map((entry) => entry.agent as string))];
  for (const agent of agents) {
    const own = entries.filter((entry) => entry.agent === agent);
    const exchanges = own.filter((e) => e.type === 'request' || e.type === 'response');
    exchanges.forEach((entry, index) =>
      expect(entry.type).toBe(index % 2 === 0 ? 'request' : 'response'),
    );
    const open = new Set<string>();
    for (const entry of own) {
      if (entry.type === 'tool_call') open.add(entry.id);
      if (entry.type === 'tool_result') expect(open.delete(entry.id)).toBe(true);
    }
    expect(open.size).toBe(0);
  }
  expect(entries.at(-1)).toMatchObject({ type: 'summary', agent: 'run', role: 'run' });
}

/** Up to five sandboxed verifications a test, two at a time on two cores: more than the default. */
const SLOW = 180_000;

describe('specl implement --parallel', () => {
  it(
    'runs three agents with critics at once, sends an objection back, merges, and verifies the whole',
    async () => {
      const project = modularProject();
      api = await startFakeConversations([
        {
          key: authorKey(...HIRING),
          turns: [toolCalls([write('hiring.ts', modules['hiring.ts']), verify])],
        },
        { key: criticKey(...HIRING), turns: [review('accept')] },
        {
          key: authorKey(...EMPLOYEES),
          turns: [toolCalls([write('employees.ts', modules['employees.ts']), verify])],
        },
        { key: criticKey(...EMPLOYEES), turns: [review('accept')] },
        {
          key: authorKey(...REQUESTS),
          turns: [
            // Its own checks cannot see the defect: no employee exists without createEmployee.
            toolCalls([write('requests.ts', approvingRequests), verify]),
            toolCalls([write('requests.ts', modules['requests.ts']), verify]),
          ],
        },
        { key: criticKey(...REQUESTS), turns: [review('object', [OBJECTION]), review('accept')] },
      ]);
      const result = await parallelOn(api, project, { parallel: 3, critic: true, apply: true });

      expect(result.reason).toBe('every check held on the merged work of 3 agents');
      expect(result.outcome).toBe('verified');
      expect(result.applied).toBe(true);
      expect(api.remaining()).toBe(0);
      expect(result.held).toContain('property balanceDecreasesByDays');
      expect(result.held).toContain('stateful: call sequences');
      // The merged work is in the folder, as each agent wrote it.
      const files = snapshot(project.impl);
      for (const [name, text] of Object.entries(modules)) expect(files[name]).toBe(text);
      expect(result.conflicts).toEqual([]);

      // The critic's objection went back to its author, after the results of its tool calls.
      const [, second] = api.requestsOf(authorKey(...REQUESTS));
      const last = second!.body.messages.at(-1);
      expect(last.content.map((block: { type: string }) => block.type)).toEqual([
        'tool_result',
        'tool_result',
        'text',
      ]);
      expect(last.content[2].text).toContain(`1. ${OBJECTION}`);
      expect(last.content[2].text).toContain('round 1 of 2');
      // The critic read the candidate, the verifier's verdict, and the group's scope.
      const [firstReview, secondReview] = api.requestsOf(criticKey(...REQUESTS));
      const asked = firstReview!.body.messages[0].content[0].text as string;
      expect(asked).toContain(
        "+    const request: VacationRequest = { id: randomUUID(), employeeId: id, ...body, status: 'approved' };",
      );
      expect(asked).toContain('every check held');
      expect(firstReview!.body.tool_choice).toEqual({ type: 'tool', name: 'review' });
      expect(firstReview!.body.system[1].text).toContain('ensures response.status == pending');
      expect(secondReview!.body.messages[0].content[0].text).toContain("status: 'pending' }");
      for (const request of api.requests) expect(request.raw).not.toContain(TEST_KEY);

      // Each agent, and what it used; together, what the run used.
      expect(result.agents.map((a) => [a.id, a.role, a.endpoints, a.outcome, a.turns])).toEqual([
        ['group-1', 'author', HIRING, 'verified', 1],
        ['group-1.critic', 'critic', HIRING, 'verified', 1],
        ['group-2', 'author', EMPLOYEES, 'verified', 1],
        ['group-2.critic', 'critic', EMPLOYEES, 'verified', 1],
        ['group-3', 'author', REQUESTS, 'verified', 2],
        ['group-3.critic', 'critic', REQUESTS, 'verified', 2],
      ]);
      expect(result.turns).toBe(8);
      expect(result.agents.reduce((sum, a) => sum + a.tokens, 0)).toBe(result.tokens);
      expect(result.agents.reduce((sum, a) => sum + a.costUsd, 0)).toBeCloseTo(result.costUsd, 10);

      const entries = auditEntries(result.auditLog);
      expectCoherent(entries);
      expect(entries.find((e) => e.type === 'groups')).toMatchObject({
        by: 'tag',
        asked: 3,
        groups: [
          { agent: 'group-1', name: 'Hiring', endpoints: HIRING },
          { agent: 'group-2', name: 'Employees', endpoints: EMPLOYEES },
          { agent: 'group-3', name: 'Requests', endpoints: REQUESTS },
        ],
      });
      // The three authors asked at once: each first request before any verification ended.
      const firstVerification = entries.findIndex((e) => e.type === 'verification');
      for (const agent of ['group-1', 'group-2', 'group-3'])
        expect(entries.findIndex((e) => e.type === 'request' && e.agent === agent)).toBeLessThan(
          firstVerification,
        );
      // A group's own checks leave out what calls other groups' endpoints, and say so.
      const ownCheck = entries.find(
        (e) => e.type === 'tool_result' && e.agent === 'group-3' && e.name === 'verify',
      );
      expect(ownCheck.content).toContain(
        'left out here, checked on the merged whole: call sequences, property balanceDecreasesByDays',
      );
      expect(entries.filter((e) => e.type === 'review').map((e) => [e.agent, e.verdict])).toEqual(
        expect.arrayContaining([
          ['group-1.critic', 'accept'],
          ['group-2.critic', 'accept'],
          ['group-3.critic', 'object'],
          ['group-3.critic', 'accept'],
        ]),
      );
      expect(entries.find((e) => e.type === 'merge')).toMatchObject({
        files: ['employees.ts', 'hiring.ts', 'requests.ts'],
        conflicts: [],
      });
      expect(readFileSync(result.auditLog, 'utf8')).not.toContain(TEST_KEY);
    },
    SLOW,
  );

  it('stops every agent at once when the shared budget is spent', async () => {
    const project = modularProject();
    const look = toolCalls([{ name: 'list_files', input: {} }]);
    api = await startFakeConversations([
      { key: authorKey(...HIRING), turns: [look, look] },
      { key: authorKey(...EMPLOYEES), turns: [look, look] },
      { key: authorKey(...REQUESTS), turns: [look, look] },
    ]);
    const result = await parallelOn(api, project, { parallel: 3, budget: { maxTurns: 2 } });

    expect(result.outcome).toBe('budget');
    expect(result.limit).toBe('turns');
    expect(result.reason).toBe('the turn budget is spent (2 of --max-turns 2)');
    // Two requests in all, never a third, though each agent had more to say.
    expect(api.requests).toHaveLength(2);
    expect(result.turns).toBe(2);
    expect(result.agents.map((a) => a.outcome)).toEqual(['budget', 'budget', 'budget']);
    expect(result.agents.reduce((sum, a) => sum + a.turns, 0)).toBe(2);
    const entries = auditEntries(result.auditLog);
    expectCoherent(entries);
    // Every agent logged its stop, and no request followed the first stop.
    const stops = entries.filter((e) => e.type === 'stop');
    expect(stops.map((e) => e.agent).sort()).toEqual(['group-1', 'group-2', 'group-3']);
    const firstStop = entries.indexOf(stops[0]);
    expect(entries.slice(firstStop).filter((e) => e.type === 'request')).toEqual([]);
    expect(snapshot(project.impl)['hiring.ts']).not.toContain('createEmployee');
  });

  it(
    'reports two groups that wrote one file differently, and writes nothing',
    async () => {
      const project = modularProject();
      const storeA = `${storeModule}\n// hiring: employees are kept by id\n`;
      const storeB = `${storeModule}\n// employees: read by id\n`;
      api = await startFakeConversations([
        {
          key: authorKey(...HIRING, ...EMPLOYEES),
          turns: [
            toolCalls([
              write('store.ts', storeA),
              write('hiring.ts', modules['hiring.ts']),
              write('employees.ts', modules['employees.ts']),
              verify,
            ]),
          ],
        },
        {
          key: authorKey(...REQUESTS),
          turns: [
            toolCalls([
              write('store.ts', storeB),
              write('requests.ts', modules['requests.ts']),
              verify,
            ]),
          ],
        },
      ]);
      const before = snapshot(project.impl);
      const result = await parallelOn(api, project, {
        parallel: 2,
        conflicts: 'report',
        apply: true,
      });

      expect(result.outcome).toBe('conflict');
      expect(result.reason).toMatch(
        /^groups wrote a file differently: store\.ts \(by group-1 and group-2\); each group's changes are saved beside the audit log \(.*\.group-1\.diff, .*\.group-2\.diff\); merge them by hand, or run again without --conflicts report to let an agent merge them$/,
      );
      expect(result.conflicts).toEqual([
        {
          relative: 'store.ts',
          versions: [
            { agent: 'group-1', text: storeA },
            { agent: 'group-2', text: storeB },
          ],
        },
      ]);
      expect(result.applied).toBe(false);
      expect(snapshot(project.impl)).toEqual(before);
      const saved = readFileSync(result.auditLog.replace(/\.jsonl$/, '.group-2.diff'), 'utf8');
      expect(saved).toContain('+// employees: read by id');
      expect(saved).toContain('+++ b/impl/requests.ts');
      const entries = auditEntries(result.auditLog);
      expectCoherent(entries);
      expect(entries.find((e) => e.type === 'merge')).toMatchObject({
        files: ['employees.ts', 'hiring.ts', 'requests.ts'],
        conflicts: [{ file: 'store.ts', agents: ['group-1', 'group-2'] }],
      });
      expect(entries.at(-1)).toMatchObject({
        outcome: 'conflict',
        conflicts: [{ file: 'store.ts', agents: ['group-1', 'group-2'] }],
      });
    },
    SLOW,
  );

  it(
    'has a merge agent resolve the conflict, and verifies the merged whole',
    async () => {
      const project = modularProject();
      const storeA = `${storeModule}\n// hiring: employees are kept by id\n`;
      const storeB = `${storeModule}\n// employees: read by id\n`;
      const merged = `${storeModule}\n// hiring: employees are kept by id\n// employees: read by id\n`;
      api = await startFakeConversations([
        {
          key: authorKey(...HIRING, ...EMPLOYEES),
          turns: [
            toolCalls([
              write('store.ts', storeA),
              write('hiring.ts', modules['hiring.ts']),
              write('employees.ts', modules['employees.ts']),
            ]),
            finalText('Done.'),
          ],
        },
        {
          key: authorKey(...REQUESTS),
          turns: [
            toolCalls([write('store.ts', storeB), write('requests.ts', modules['requests.ts'])]),
            finalText('Done.'),
          ],
        },
        { key: MERGE_KEY, turns: [toolCalls([write('store.ts', merged), verify])] },
      ]);
      const result = await parallelOn(api, project, { parallel: 2, apply: true });

      expect(result.reason).toBe('every check held once the merge agent resolved the conflicts');
      expect(result.outcome).toBe('verified');
      expect(snapshot(project.impl)['store.ts']).toBe(merged);
      expect(snapshot(project.impl)['requests.ts']).toBe(modules['requests.ts']);
      const [mergeRequest] = api.requestsOf(MERGE_KEY);
      const first = mergeRequest!.body.messages[0].content[0].text as string;
      expect(first).toContain('## store.ts, as group-1 wrote it');
      expect(first).toContain('// hiring: employees are kept by id');
      expect(first).toContain('## store.ts, as group-2 wrote it');
      expect(first).toContain('// employees: read by id');
      expect(result.agents.map((a) => [a.id, a.role, a.outcome])).toEqual([
        ['group-1', 'author', 'verified'],
        ['group-2', 'author', 'verified'],
        ['merge', 'merger', 'verified'],
      ]);
      expectCoherent(auditEntries(result.auditLog));
      expect(existsSync(join(project.impl, 'store.ts'))).toBe(true);
    },
    SLOW,
  );
});
