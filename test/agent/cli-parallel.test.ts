import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CRITIC_ROUNDS } from '@specl/agent';
import { implementHelp, repairHelp } from '../../cli/src/commands/agent-help.js';
import { main } from '../../cli/src/main.js';
import type { FakeMessagesApi } from './fake-messages-api.js';
import { startFakeConversations, toolCalls } from './fake-messages-api.js';
import { TEST_KEY, snapshot } from './agent-helpers.js';
import { authorKey, modularProject } from './parallel-helpers.js';

let api: FakeMessagesApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** Runs `specl` in this process; answers the exit code, stdout and stderr (a terminal). */
async function specl(argv: string[], cwd: string, baseURL = 'http://127.0.0.1:9') {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, {
    cwd,
    stdout: { write: (text: string) => stdout.push(text), isTTY: false },
    stderr: { write: (text: string) => stderr.push(text), isTTY: true },
    env: { ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: baseURL, SPECL_MODEL: undefined },
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

const implement = ['implement', 'vacation.specl', '--impl', 'impl', '--no-color'];

describe('specl implement --parallel and --critic', () => {
  it.each([
    [['--parallel', '17'], '`--parallel 17` is too many: at most 16 agents'],
    [['--parallel', '0'], '`--parallel 0` is not a positive whole number'],
    [
      ['--parallel', '2', '--conflicts', 'merge'],
      '`--conflicts merge` is not a choice: agent (a final agent merges) or report',
    ],
    [['--conflicts', 'report'], '`--conflicts` is for parallel runs: give --parallel 2 or more'],
    [['--critic-rounds', '3'], '`--critic-rounds` needs --critic'],
  ])('refuses %j before it starts', async (flags, message) => {
    const project = modularProject();
    const before = snapshot(project.impl);
    const run = await specl([...implement, ...flags], project.root);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`specl: ${message}\n`);
    expect(snapshot(project.impl)).toEqual(before);
  });

  it('shows each agent in its progress and summary, and exits 1 when the shared budget is spent', async () => {
    const project = modularProject();
    const look = toolCalls([{ name: 'list_files', input: {} }]);
    api = await startFakeConversations([
      { key: authorKey('createEmployee', 'getEmployee'), turns: [look] },
      { key: authorKey('listRequests', 'requestVacation'), turns: [look] },
    ]);
    const run = await specl(
      [...implement, '--parallel', '2', '--critic', '--max-turns', '1'],
      project.root,
      api.baseURL,
    );
    expect(run.code).toBe(1);
    expect(api.requests).toHaveLength(1);
    expect(run.stderr).toContain(
      '2 agents: createEmployee, getEmployee | listRequests, requestVacation\n',
    );
    expect(run.stderr).toMatch(/^\[group-[12]\] turn 1\/1$/m);
    expect(run.stderr).toMatch(/^\[group-[12]\] list_files$/m);
    expect(run.stdout).toContain('✗ stopped: the turn budget is spent (1 of --max-turns 1)\n');
    expect(run.stdout).toMatch(
      /^ {2}group-1 \(author; createEmployee, getEmployee\): budget, \d turns, \$\d\.\d{4}$/m,
    );
    expect(run.stdout).toContain(
      '  group-2.critic (critic; listRequests, requestVacation): budget, 0 turns',
    );
    expect(run.stdout + run.stderr).not.toContain(TEST_KEY);
  });

  it('states its defaults in the help', () => {
    for (const help of [implementHelp, repairHelp]) {
      expect(help).toContain('--parallel <n>');
      expect(help).toContain('--critic ');
      expect(help).toContain(
        `objections sent back at most n times (default ${DEFAULT_CRITIC_ROUNDS})`,
      );
    }
  });
});
