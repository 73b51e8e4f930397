import { existsSync, mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { AgentResult } from '@specl/agent';
import { AgentError, runAgent } from '@specl/agent';
import type { AgentCommandArgs, AgentCommandMode } from './agent-commands.js';
import { agentProgressMessage } from './agent-progress-message.js';
import { agentPlaces, readAgentSettings } from './agent-settings.js';
import { loadSpecIr } from './load-spec-ir.js';
import { showMessage } from './show-message.js';
import type { OpenDocumentOf } from './staged-edits-to-workspace-edit.js';
import {
  editsChangedInEditor,
  stagedEditsToWorkspaceEdit,
} from './staged-edits-to-workspace-edit.js';

/** What an agent run in the server needs from around it. */
export interface AgentRunContext {
  readonly connection: Connection;
  /** The server's environment: ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, SPECL_MODEL. */
  readonly env: NodeJS.ProcessEnv;
  /** What the editor holds of an open file. */
  readonly openDocument: OpenDocumentOf;
}

const PREFIX = 'Specl agent';

/** A list of check names for a message, shortened when long. */
function names(list: readonly string[]): string {
  if (list.length === 0) return 'none';
  return list.length <= 6
    ? list.join(', ')
    : `${list.slice(0, 6).join(', ')} and ${list.length - 6} more`;
}

/** Tells the editor how a run that did not verify ended; nothing was changed. */
function reportUnverified(context: AgentRunContext, result: AgentResult, what: string): void {
  if (result.outcome === 'interrupted') {
    showMessage(context.connection, 'info', `${PREFIX}: ${what} cancelled; nothing was changed.`);
    return;
  }
  const kept =
    result.savedDiff !== undefined ? ` The model's changes are in ${result.savedDiff}.` : '';
  const stopped = result.outcome === 'budget' ? 'budget reached' : 'stopped';
  showMessage(
    context.connection,
    'error',
    `${PREFIX}: ${what}: ${stopped}: ${result.reason}. Held: ${names(result.held)}. Failed: ${names(result.failed)}. Nothing was changed.${kept}`,
  );
}

/**
 * Runs the agent on one endpoint of a spec, with work-done progress the user can cancel, and
 * applies what it staged through `workspace/applyEdit` (one undoable edit) when the run
 * verified. Every failure is told to the user with `window/showMessage`; it never throws.
 */
export async function runAgentInEditor(
  mode: AgentCommandMode,
  args: AgentCommandArgs,
  context: AgentRunContext,
): Promise<void> {
  const { connection, env } = context;
  const what = `${mode === 'implement' ? 'implementing' : 'repairing'} \`${args.endpoint}\``;
  const fail = (message: string) => showMessage(connection, 'error', `${PREFIX}: ${message}`);
  const apiKey = env['ANTHROPIC_API_KEY'] || undefined;
  if (apiKey === undefined) {
    fail(
      'no API key: set ANTHROPIC_API_KEY in the environment the editor starts the Specl language server in, then restart the server',
    );
    return;
  }
  const settings = await readAgentSettings(connection, args.specUri);
  const places = await agentPlaces(connection, args.specUri, settings);
  const loaded = await loadSpecIr(places.specFile);
  if ('problem' in loaded) return fail(`${what}: ${loaded.problem}`);
  if (!existsSync(places.implDir)) {
    if (mode === 'repair')
      return fail(
        `${what}: there is no implementation folder ${places.implDir}; set \`specl.agent.impl\``,
      );
    mkdirSync(places.implDir, { recursive: true });
  }

  const progress = await connection.window.createWorkDoneProgress();
  const controller = new AbortController();
  progress.token.onCancellationRequested(() => controller.abort());
  progress.begin(`${PREFIX}: ${what}`, undefined, `in ${basename(places.implDir)}/`, true);
  let result: AgentResult;
  try {
    result = await runAgent({
      mode,
      ir: loaded.ir,
      specFile: places.specFile,
      implDir: places.implDir,
      projectRoot: places.projectRoot,
      endpoints: [args.endpoint],
      apiKey,
      ...(env['ANTHROPIC_BASE_URL'] && { baseURL: env['ANTHROPIC_BASE_URL'] }),
      ...((settings.model ?? env['SPECL_MODEL']) && {
        model: settings.model ?? env['SPECL_MODEL'],
      }),
      budget: settings.budget,
      ...(settings.runs !== undefined && { runs: settings.runs }),
      apply: false,
      signal: controller.signal,
      onProgress: (event) => {
        const message = agentProgressMessage(event);
        if (message !== undefined) progress.report(message);
      },
    });
  } catch (error) {
    if (!(error instanceof AgentError)) throw error;
    return fail(`${what}: ${error.message}`);
  } finally {
    progress.done();
  }
  if (result.outcome !== 'verified' || controller.signal.aborted)
    return reportUnverified(
      context,
      { ...result, outcome: controller.signal.aborted ? 'interrupted' : result.outcome },
      what,
    );
  if (result.edits.length === 0) {
    showMessage(connection, 'info', `${PREFIX}: \`${args.endpoint}\` verifies; nothing to change.`);
    return;
  }
  const changed = editsChangedInEditor(result.edits, context.openDocument);
  if (changed.length > 0)
    return fail(
      `${what}: ${changed.map((edit) => edit.relative).join(', ')} changed in the editor during the run; nothing was applied (the diff is in ${result.savedDiff ?? result.auditLog})`,
    );
  const applied = await connection.workspace.applyEdit({
    label: `${PREFIX}: ${mode} ${args.endpoint}`,
    edit: stagedEditsToWorkspaceEdit(result.edits, context.openDocument),
  });
  if (!applied.applied)
    return fail(
      `${what}: the editor did not apply the changes${applied.failureReason ? ` (${applied.failureReason})` : ''}; the diff is in ${result.savedDiff ?? result.auditLog}`,
    );
  showMessage(
    connection,
    'info',
    `${PREFIX}: \`${args.endpoint}\` verified (${result.held.length} checks held); changed ${result.edits.map((edit) => edit.relative).join(', ')}. Save to keep.`,
  );
}
