import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET, DEFAULT_MODEL } from '@specl/agent';
import { implementHelp, repairHelp } from '../../cli/src/commands/agent-help.js';
import { main } from '../../cli/src/main.js';
import { runSpecl, runSpeclAsync } from '../helpers/run-cli.js';
import type { FakeMessagesApi } from './fake-messages-api.js';
import { finalText, startFakeMessagesApi, toolCalls } from './fake-messages-api.js';
import {
  TEST_KEY,
  correctHandlers,
  snapshot,
  vacationProject,
  wrongHandlers,
} from './agent-helpers.js';

let api: FakeMessagesApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const env = (base: string) => ({
  ANTHROPIC_API_KEY: TEST_KEY,
  ANTHROPIC_BASE_URL: base,
  SPECL_MODEL: undefined,
});
const implement = ['implement', 'vacation.specl', '--impl', 'impl', '--runs', '20'];

/** Every file of the project's audit folder, joined. */
const auditText = (root: string) =>
  readdirSync(join(root, '.specl/runs'))
    .map((name) => readFileSync(join(root, '.specl/runs', name), 'utf8'))
    .join('\n');

describe('specl implement and specl repair', () => {
  it('refuses to start without ANTHROPIC_API_KEY, and says so', () => {
    const project = vacationProject();
    const run = runSpecl(implement, project.root, { ANTHROPIC_API_KEY: '' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'specl: no API key: set ANTHROPIC_API_KEY to an Anthropic API key (the agent reads it from there only)\n',
    );
    expect(snapshot(project.impl)).toEqual({});
  });

  it('prints the diff and writes nothing without --yes', async () => {
    const project = vacationProject({ 'handlers.ts': wrongHandlers });
    api = await startFakeMessagesApi([
      toolCalls([{ name: 'write_file', input: { path: 'handlers.ts', content: correctHandlers } }]),
      finalText('Fixed.'),
    ]);
    const run = await runSpeclAsync(
      ['repair', 'vacation.specl', '--impl', 'impl', '--runs', '20'],
      project.root,
      env(api.baseURL),
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--- a/impl/handlers.ts\n+++ b/impl/handlers.ts\n');
    expect(run.stdout).toContain("-        status: 'approved',\n+        status: 'pending',\n");
    expect(run.stdout).toContain('✓ verified: every check held (6 checks)');
    expect(run.stdout).toMatch(
      /not written: run again with --yes to write the changes \(the diff is saved in \.specl\/runs\/[\dT.Z-]+\.diff\)\n/,
    );
    expect(run.stdout).toMatch(/audit log: \.specl\/runs\/[\dT.Z-]+\.jsonl\n$/);
    expect(snapshot(project.impl)).toEqual({ 'handlers.ts': wrongHandlers });
    // The model was told the counterexample of the code as it was.
    expect(api.requests[0]!.body.messages[0].content[0].text).toContain(
      'clause: response.status == pending',
    );
  });

  it('writes the changes with --yes once every check holds', async () => {
    const project = vacationProject();
    api = await startFakeMessagesApi([
      toolCalls([
        { name: 'write_file', input: { path: 'handlers.ts', content: correctHandlers } },
        { name: 'verify', input: {} },
      ]),
    ]);
    const run = await runSpeclAsync(
      [...implement, '--yes', '--no-stream'],
      project.root,
      env(api.baseURL),
    );
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('+++');
    expect(run.stdout).toContain('written: impl/handlers.ts (new)\n');
    expect(snapshot(project.impl)).toEqual({ 'handlers.ts': correctHandlers });
    expect(api.requests[0]!.body.stream).toBeUndefined();
  });

  it('exits 1 when a budget runs out, saying what held and what did not', async () => {
    const project = vacationProject();
    api = await startFakeMessagesApi([
      toolCalls([{ name: 'write_file', input: { path: 'handlers.ts', content: wrongHandlers } }]),
    ]);
    const run = await runSpeclAsync(
      [...implement, '--max-turns', '1', '--yes'],
      project.root,
      env(api.baseURL),
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ stopped: the turn budget is spent (1 of --max-turns 1)\n');
    expect(run.stdout).toMatch(/ {2}held: endpoint createEmployee, endpoint getEmployee, .*\n/);
    expect(run.stdout).toContain(
      '  failed: property balanceDecreasesByDays, stateful: call sequences\n',
    );
    expect(run.stdout).toContain('not written: the checks did not all hold');
    expect(snapshot(project.impl)).toEqual({});
  });

  it('exits 3 with a clear message when the API stays overloaded', async () => {
    const project = vacationProject();
    const overloaded = {
      kind: 'error',
      status: 529,
      type: 'overloaded_error',
      message: 'Overloaded',
    } as const;
    api = await startFakeMessagesApi([overloaded, overloaded, overloaded, overloaded, overloaded]);
    const run = await runSpeclAsync(implement, project.root, env(api.baseURL));
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(
      /^specl: the Anthropic API is overloaded \(529, tried 5 times\); try again in a few minutes\nno file was changed \(audit log: \.specl\/runs\/.*\.jsonl\)\n$/,
    );
    expect(snapshot(project.impl)).toEqual({});
  });

  it('leaves the tree as it was when interrupted', async () => {
    const project = vacationProject({ 'handlers.ts': wrongHandlers });
    api = await startFakeMessagesApi([{ kind: 'silence', ms: 30_000 }]);
    const server = api;
    const run = await runSpeclAsync(
      ['repair', 'vacation.specl', '--impl', 'impl', '--runs', '20'],
      project.root,
      env(api.baseURL),
      (child) => {
        const poll = setInterval(() => {
          if (server.requests.length > 0) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 50);
      },
    );
    expect(run.status).toBe(130);
    expect(run.stdout).toContain('✗ stopped: the run was interrupted\n');
    expect(snapshot(project.impl)).toEqual({ 'handlers.ts': wrongHandlers });
  });

  it('never shows the API key: not in output, progress, errors or the audit log', async () => {
    const project = vacationProject();
    const leaky = correctHandlers.replace(
      'export function createHandlers(): Handlers {',
      'export function createHandlers(): Handlers {\n  console.log(`key: ${process.env.ANTHROPIC_API_KEY}`);',
    );
    api = await startFakeMessagesApi([
      (request) =>
        toolCalls(
          [
            { name: 'write_file', input: { path: 'handlers.ts', content: leaky } },
            { name: 'verify', input: { endpoint: 'getEmployee' } },
          ],
          {},
          `The header said ${String(request.headers.authorization ?? request.headers['x-api-key'])}`,
        ),
      (request) => ({
        kind: 'error',
        status: 401,
        type: 'authentication_error',
        message: `invalid key ${String(request.headers.authorization ?? request.headers['x-api-key'])}`,
      }),
    ]);
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await main([...implement, '--no-color'], {
      cwd: project.root,
      stdout: { write: (text: string) => stdout.push(text), isTTY: false },
      stderr: { write: (text: string) => stderr.push(text), isTTY: true },
      env: env(api.baseURL),
    });
    expect(code).toBe(3);
    const shown = stdout.join('') + stderr.join('');
    expect(shown).toContain('claude: The header said ');
    expect(shown).toContain('[redacted]');
    const progress = stderr.join('').split('\n');
    expect(progress.slice(0, 1)).toEqual(['turn 1/30']);
    expect(progress.slice(2, 9)).toEqual([
      '  claude: The header said Bearer [redacted]',
      '  write_file handlers.ts',
      '  verify getEmployee',
      '  verify: all 3 checks held',
      'turn 2/30',
      '  the API answered 401',
      'specl: the Anthropic API refused the key in ANTHROPIC_API_KEY (401): invalid key Bearer [redacted]; check the key',
    ]);
    const logged = auditText(project.root);
    expect(logged).toContain('key: undefined');
    for (const text of [shown, logged]) expect(text).not.toContain(TEST_KEY);
  });

  it('states the defaults of @specl/agent in its help', () => {
    for (const help of [implementHelp, repairHelp]) {
      expect(help).toContain(`(default: SPECL_MODEL, or ${DEFAULT_MODEL})`);
      expect(help).toContain(`requests to the model at most (default ${DEFAULT_BUDGET.maxTurns})`);
      expect(help).toContain(`tokens at most, of every kind (default ${DEFAULT_BUDGET.maxTokens})`);
      expect(help).toContain(`US dollars at most (default ${DEFAULT_BUDGET.maxUsd})`);
    }
  });
});
