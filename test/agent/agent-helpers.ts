import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SpecIR } from '@specl/compiler';
import type { AgentOptions, AgentResult } from '@specl/agent';
import { runAgent } from '@specl/agent';
import { repoRoot, tempProject } from '../helpers/run-cli.js';
import { vacationIr } from '../compiler/typescript/typescript-helpers.js';
import type { FakeMessagesApi } from './fake-messages-api.js';

export { repoRoot };

/** A key that must never show up in any output or log. */
export const TEST_KEY = 'sk-ant-api03-specl-test-key-7b1f0c2e9d4a';

/** The vacation example's correct implementation, as the model would write it. */
export const correctHandlers = readFileSync(
  join(repoRoot, 'examples/vacation/impl/handlers.ts'),
  'utf8',
);

/** The same, except that a new vacation request is approved at once: `ensures status == pending` breaks. */
export const wrongHandlers = correctHandlers.replace("status: 'pending'", "status: 'approved'");
if (wrongHandlers === correctHandlers) throw new Error('the planted defect no longer applies');

/** A temporary project with the vacation spec, its compiled types and an implementation folder. */
export function vacationProject(implFiles: Record<string, string> = {}) {
  const root = tempProject({
    'vacation.specl': readFileSync(join(repoRoot, 'examples/vacation/vacation.specl'), 'utf8'),
    ...Object.fromEntries(Object.entries(implFiles).map(([path, text]) => [`impl/${path}`, text])),
  });
  mkdirSync(join(root, 'impl'), { recursive: true });
  cpSync(join(repoRoot, 'examples/vacation/generated'), join(root, 'generated'), {
    recursive: true,
  });
  return { root, spec: join(root, 'vacation.specl'), impl: join(root, 'impl') };
}

let ir: SpecIR | undefined;

/** Runs the agent on a vacation project against the stand-in API, 20 runs per check. */
export async function agentOn(
  api: FakeMessagesApi,
  project: ReturnType<typeof vacationProject>,
  options: Partial<AgentOptions> = {},
): Promise<AgentResult> {
  ir ??= await vacationIr();
  return runAgent({
    mode: 'implement',
    ir,
    specFile: project.spec,
    implDir: project.impl,
    projectRoot: project.root,
    apiKey: TEST_KEY,
    baseURL: api.baseURL,
    runs: 20,
    maxRetries: 1,
    ...options,
  });
}

/** The entries of a run's audit log. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function auditEntries(path: string): any[] {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
}

/** The files of a folder and their text, recursively, for before/after comparisons. */
export function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${path}/`);
      else if (entry.isSymbolicLink()) files[path] = '(symlink)';
      else files[path] = readFileSync(join(dir, entry.name), 'utf8');
    }
  };
  walk(folder, '');
  return files;
}

/** The text of the tool results a recorded request carried, joined. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toolResultsOf(body: any): { id: string; text: string; isError: boolean }[] {
  const last = body.messages[body.messages.length - 1];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (last.content as any[])
    .filter((block) => block.type === 'tool_result')
    .map((block) => ({
      id: block.tool_use_id,
      text: typeof block.content === 'string' ? block.content : JSON.stringify(block.content),
      isError: block.is_error === true,
    }));
}
