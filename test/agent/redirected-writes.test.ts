import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AgentError,
  RedirectedWrite,
  checkRoot,
  prepareWrite,
  readInside,
  resolveImplPath,
} from '@specl/agent';
import type { FakeMessagesApi } from './fake-messages-api.js';
import { finalText, startFakeMessagesApi, toolCalls } from './fake-messages-api.js';
import { agentOn, correctHandlers, snapshot, vacationProject } from './agent-helpers.js';

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

  it('writes into the folder it checked even when that folder is swapped for a symlink before the rename', () => {
    const root = mkdtempSync(join(tmpdir(), 'specl-root-'));
    const outside = outsideFolder();
    mkdirSync(join(root, 'sub'));
    const checked = checkRoot(root);
    const pending = prepareWrite(checked, 'sub/race.ts', 'export {};\n');
    renameSync(join(root, 'sub'), join(root, 'sub-moved'));
    symlinkSync(join(outside, 'sub'), join(root, 'sub'));
    pending.commit();
    expect(snapshot(outside)).toEqual({});
    expect(readFileSync(join(root, 'sub-moved', 'race.ts'), 'utf8')).toBe('export {};\n');
    expect(() => prepareWrite(checked, 'sub/again.ts', 'x')).toThrow(RedirectedWrite);
    expect(readInside(checked, 'sub/race.ts')).toBeNull();
    expect(snapshot(outside)).toEqual({});
  });

  it('refuses the root itself once it was replaced', () => {
    const parent = mkdtempSync(join(tmpdir(), 'specl-root-'));
    const outside = outsideFolder();
    mkdirSync(join(parent, 'impl'));
    const checked = checkRoot(join(parent, 'impl'));
    rmSync(join(parent, 'impl'), { recursive: true });
    symlinkSync(outside, join(parent, 'impl'));
    expect(() => prepareWrite(checked, 'x.ts', 'x')).toThrow(RedirectedWrite);
    expect(snapshot(outside)).toEqual({});
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
