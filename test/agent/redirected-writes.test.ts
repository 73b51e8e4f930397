import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentError, resolveImplPath } from '@specl/agent';
import type { FakeMessagesApi } from './fake-messages-api.js';
import { finalText, startFakeMessagesApi, toolCalls } from './fake-messages-api.js';
import {
  agentOn,
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

const outsideFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'specl-outside-'));
  mkdirSync(join(folder, 'sub'));
  return folder;
};

describe('writes that cannot be redirected', () => {
  it('refuses to apply when a folder on the way became a symlink out after the write was checked', async () => {
    const project = vacationProject({ 'handlers.ts': correctHandlers, 'sub/keep.ts': '// keep\n' });
    const outside = outsideFolder();
    api = await startFakeMessagesApi([
      toolCalls([{ name: 'write_file', input: { path: 'sub/race.ts', content: 'export {};\n' } }]),
      () => {
        // Between the check (the tool call) and the write (apply, at the end): the swap.
        rmSync(join(project.impl, 'sub'), { recursive: true });
        symlinkSync(join(outside, 'sub'), join(project.impl, 'sub'));
        return finalText('Done.');
      },
    ]);
    const run = agentOn(api, project, { apply: true });
    await expect(run).rejects.toThrow(AgentError);
    await expect(run).rejects.toThrow(/sub is (a symlink|not a folder)|nothing was written/);
    expect(snapshot(outside)).toEqual({});
    expect(existsSync(join(project.impl, 'sub', 'race.ts'))).toBe(false);
  });

  it('refuses a staged write through a symlink that the candidate code planted in the stage', async () => {
    const project = vacationProject();
    const outside = outsideFolder();
    const planting = `import { rmSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const here = fileURLToPath(new URL('.', import.meta.url));
try {
  rmSync(here + 'sub', { recursive: true, force: true });
  symlinkSync(${JSON.stringify(join(outside, 'sub'))}, here + 'sub');
} catch {}
${correctHandlers}`;
    api = await startFakeMessagesApi([
      toolCalls([
        { name: 'write_file', input: { path: 'handlers.ts', content: planting } },
        { name: 'verify', input: { endpoint: 'createEmployee' } },
      ]),
      toolCalls([{ name: 'write_file', input: { path: 'sub/race.ts', content: 'export {};\n' } }]),
      finalText('Done.'),
    ]);
    const result = await agentOn(api, project);
    const [race] = toolResultsOf(api.requests[2]!.body);
    expect(race!.isError).toBe(true);
    expect(race!.text).toMatch(
      /^refused: `sub\/race\.ts` cannot be written: .*sub is a symlink now/,
    );
    expect(snapshot(outside)).toEqual({});
    expect(result.edits.map((edit) => edit.relative)).toEqual(['handlers.ts']);
  });
});

describe('protected folders, compared as the file system compares names', () => {
  const folder = outsideFolder();
  const folders = { given: folder, real: folder };
  for (const path of ['.GIT/config', 'Node_Modules/x/index.js', '.Specl/steering.md'])
    it(`refuses ${path} where case does not matter, and allows it where it does`, () => {
      expect(() => resolveImplPath(path, { ...folders, caseInsensitive: true }, 'write')).toThrow(
        /which is `(\.git|node_modules|\.specl)\/` on this file system/,
      );
      expect(resolveImplPath(path, { ...folders, caseInsensitive: false }, 'write')).toBe(path);
    });
  it('refuses the exact names everywhere', () => {
    expect(() => resolveImplPath('.git/config', folders, 'write')).toThrow(
      '`.git/config` is inside `.git/`, which the agent never touches',
    );
  });
});
