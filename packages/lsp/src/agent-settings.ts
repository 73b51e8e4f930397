import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { BudgetLimits } from '@specl/agent';

/**
 * The editor's settings of the agent (section `specl.agent`): `impl`, the implementation
 * folder relative to the workspace folder; `model`; and the budgets `maxTurns`, `maxTokens`,
 * `budgetUsd`; `runs`, the runs per check of each verification.
 */
export interface AgentSettings {
  readonly impl?: string;
  readonly model?: string;
  readonly budget: Partial<BudgetLimits>;
  readonly runs?: number;
}

const positive = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Asks the editor for the `specl.agent` settings of a spec (missing or bad values are left out). */
export async function readAgentSettings(
  connection: Connection,
  specUri: string,
): Promise<AgentSettings> {
  let raw: unknown;
  try {
    raw = await connection.workspace.getConfiguration({
      scopeUri: specUri,
      section: 'specl.agent',
    });
  } catch {
    raw = undefined; // an editor without workspace/configuration: the defaults
  }
  const settings = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const maxTurns = positive(settings['maxTurns']);
  const maxTokens = positive(settings['maxTokens']);
  const maxUsd = positive(settings['budgetUsd']);
  const impl = text(settings['impl']);
  const model = text(settings['model']);
  const runs = positive(settings['runs']);
  return {
    ...(impl !== undefined && { impl }),
    ...(model !== undefined && { model }),
    budget: {
      ...(maxTurns !== undefined && { maxTurns: Math.floor(maxTurns) }),
      ...(maxTokens !== undefined && { maxTokens: Math.floor(maxTokens) }),
      ...(maxUsd !== undefined && { maxUsd }),
    },
    ...(runs !== undefined && { runs: Math.floor(runs) }),
  };
}

/** Where a spec's agent works: its implementation folder and its project root. */
export interface AgentPlaces {
  readonly specFile: string;
  readonly implDir: string;
  /** Where `.specl/` (the audit logs, steering) is. */
  readonly projectRoot: string;
}

const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
};

/**
 * The places of a spec: the implementation folder is `impl` of the settings, relative to the
 * workspace folder that holds the spec, else `<spec folder>/impl`. The project root is the
 * nearest folder above the spec with a `.specl/`, else that workspace folder, else the
 * spec's folder.
 */
export async function agentPlaces(
  connection: Connection,
  specUri: string,
  settings: AgentSettings,
): Promise<AgentPlaces> {
  const specFile = fileURLToPath(specUri);
  const specDir = dirname(specFile);
  let folders: string[];
  try {
    const answered = (await connection.workspace.getWorkspaceFolders()) ?? [];
    folders = answered.map((folder) => fileURLToPath(folder.uri));
  } catch {
    folders = []; // an editor without workspace folders
  }
  const workspace = folders.find((folder) => inside(folder, specFile));
  let projectRoot: string | undefined;
  for (let dir = specDir; projectRoot === undefined; dir = dirname(dir)) {
    if (existsSync(join(dir, '.specl'))) projectRoot = dir;
    else if (dirname(dir) === dir) break;
  }
  return {
    specFile,
    implDir:
      settings.impl !== undefined
        ? resolve(workspace ?? specDir, settings.impl)
        : join(specDir, 'impl'),
    projectRoot: projectRoot ?? workspace ?? specDir,
  };
}
