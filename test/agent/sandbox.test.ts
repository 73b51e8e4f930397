import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeMessagesApi } from './fake-messages-api.js';
import { finalText, startFakeMessagesApi, toolCalls } from './fake-messages-api.js';
import {
  agentOn,
  auditEntries,
  correctHandlers,
  snapshot,
  toolResultsOf,
  vacationProject,
} from './agent-helpers.js';

let api: FakeMessagesApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** The project's files, less the audit logs the run writes. */
const projectFiles = (root: string) =>
  Object.fromEntries(
    Object.entries(snapshot(root)).filter(([path]) => !path.startsWith('.specl/runs/')),
  );

describe('what the agent refuses to touch', () => {
  it('refuses writes outside --impl, to spec files, through symlinks out; the model is told; nothing changes', async () => {
    const project = vacationProject({ 'handlers.ts': correctHandlers });
    const elsewhere = mkdtempSync(join(tmpdir(), 'specl-elsewhere-'));
    writeFileSync(join(elsewhere, 'secret.txt'), 'outside\n');
    symlinkSync(elsewhere, join(project.impl, 'link-out'));
    symlinkSync(join(elsewhere, 'secret.txt'), join(project.impl, 'file-link-out.ts'));
    symlinkSync(join(elsewhere, 'missing.ts'), join(project.impl, 'dangling.ts'));
    const before = projectFiles(project.root);
    const outsideBefore = snapshot(elsewhere);

    const attempts = [
      {
        name: 'write_file',
        input: { path: '../vacation.specl', content: 'spec Evil version "1"' },
      },
      { name: 'write_file', input: { path: '../outside.ts', content: 'x' } },
      { name: 'write_file', input: { path: join(project.root, 'outside.ts'), content: 'x' } },
      { name: 'write_file', input: { path: 'copy.specl', content: 'spec Copy version "1"' } },
      { name: 'write_file', input: { path: 'link-out/evil.ts', content: 'x' } },
      { name: 'write_file', input: { path: 'file-link-out.ts', content: 'x' } },
      { name: 'write_file', input: { path: 'dangling.ts', content: 'x' } },
      { name: 'write_file', input: { path: 'sub/../../escape.ts', content: 'x' } },
      { name: 'write_file', input: { path: '.specl/steering.md', content: 'obey' } },
      { name: 'read_file', input: { path: 'link-out/secret.txt' } },
      { name: 'read_file', input: { path: '../vacation.specl' } },
      { name: 'list_files', input: { path: '..' } },
      { name: 'run_shell', input: { command: 'rm -rf /' } },
    ];
    api = await startFakeMessagesApi([toolCalls(attempts), finalText('I could not write there.')]);
    const result = await agentOn(api, project);

    expect(result.outcome).toBe('verified');
    expect(result.edits).toEqual([]);
    const results = toolResultsOf(api.requests[1]!.body);
    expect(results.map((r) => r.isError)).toEqual(attempts.map(() => true));
    expect(results.map((r) => r.text)).toEqual([
      'refused: `../vacation.specl` leads out of the implementation folder (through `..`); stay inside it',
      'refused: `../outside.ts` leads out of the implementation folder (through `..`); stay inside it',
      `refused: \`${join(project.root, 'outside.ts')}\` is outside the implementation folder; paths are relative to it`,
      'refused: `copy.specl` is a spec file: the agent never writes specs; change the implementation so that it meets the spec',
      'refused: `link-out/evil.ts` goes through a symlink that leads out of the implementation folder',
      'refused: `file-link-out.ts` goes through a symlink that leads out of the implementation folder',
      'refused: `dangling.ts` goes through a symlink that points nowhere',
      'refused: `sub/../../escape.ts` leads out of the implementation folder (through `..`); stay inside it',
      'refused: `.specl/steering.md` is inside `.specl/`, which the agent never touches',
      'refused: `link-out/secret.txt` goes through a symlink that leads out of the implementation folder',
      'refused: `../vacation.specl` leads out of the implementation folder (through `..`); stay inside it',
      'refused: `..` leads out of the implementation folder (through `..`); stay inside it',
      'there is no tool `run_shell`; the tools are list_files, read_file, write_file, verify',
    ]);
    expect(projectFiles(project.root)).toEqual(before);
    expect(snapshot(elsewhere)).toEqual(outsideBefore);
    const logged = auditEntries(result.auditLog).filter((entry) => entry.type === 'tool_result');
    expect(logged).toHaveLength(attempts.length);
    expect(logged.every((entry) => entry.is_error === true)).toBe(true);
  });

  it('writes through a symlink that stays inside the folder, to its target', async () => {
    const project = vacationProject({ 'real/handlers.ts': '// placeholder\n' });
    symlinkSync(join(project.impl, 'real'), join(project.impl, 'alias'));
    api = await startFakeMessagesApi([
      toolCalls([
        { name: 'write_file', input: { path: 'alias/handlers.ts', content: correctHandlers } },
      ]),
      finalText('Done.'),
    ]);
    const result = await agentOn(api, project, { entry: 'real/handlers.ts', apply: true });
    expect(toolResultsOf(api.requests[1]!.body)[0]!.text).toMatch(/^staged real\/handlers\.ts/);
    expect(result.outcome).toBe('verified');
    expect(snapshot(project.impl)).toEqual({
      alias: '(symlink)',
      'real/handlers.ts': correctHandlers,
    });
  });

  it('ends a verification that never finishes at its time limit, and tells the model', async () => {
    const project = vacationProject();
    const hanging = correctHandlers.replace(
      'async createEmployee({ body }) {',
      'async createEmployee({ body }) {\n      for (;;) {}',
    );
    api = await startFakeMessagesApi([
      toolCalls([
        { name: 'write_file', input: { path: 'handlers.ts', content: hanging } },
        { name: 'verify', input: { endpoint: 'createEmployee' } },
      ]),
      toolCalls([
        { name: 'write_file', input: { path: 'handlers.ts', content: correctHandlers } },
        { name: 'verify', input: {} },
      ]),
    ]);
    const result = await agentOn(api, project, { verifyTimeoutMs: 20_000 });
    const [, verification] = toolResultsOf(api.requests[1]!.body);
    expect(verification!.text).toBe(
      'verification of endpoint createEmployee could not run: the verification did not finish within 20 s: a handler may loop forever or never answer',
    );
    expect(result.outcome).toBe('verified');
  });
});
