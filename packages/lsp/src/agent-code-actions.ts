import { existsSync } from 'node:fs';
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type {
  CodeAction,
  CodeActionParams,
  Command,
  Connection,
  Range,
} from 'vscode-languageserver';
import type { SpecFile } from '@specl/language';
import { isEndpoint } from '@specl/language';
import type { AgentCommandArgs } from './agent-commands.js';
import { AGENT_COMMANDS } from './agent-commands.js';
import { agentPlaces, readAgentSettings } from './agent-settings.js';

/** The kind of the agent's code actions: a source action of Specl's own. */
export const AGENT_ACTION_KIND = 'source.specl.agent';

/**
 * The last verification of an endpoint, as the verification lenses know it: `failed` when a
 * check of it failed, `held` when all held, `undefined` when it was not verified (or nothing
 * keeps the results). The agent offers to repair an endpoint that failed; without a result it
 * offers to whenever the implementation folder exists.
 */
export type LastVerificationOf = (
  specUri: string,
  endpoint: string,
) => 'failed' | 'held' | undefined;

const contains = (outer: Range, position: Range['start']) =>
  (outer.start.line < position.line ||
    (outer.start.line === position.line && outer.start.character <= position.character)) &&
  (position.line < outer.end.line ||
    (position.line === outer.end.line && position.character <= outer.end.character));

/** The endpoint declared where a range starts, if any. */
function endpointAt(document: LangiumDocument, range: Range): string | undefined {
  const spec = document.parseResult.value as SpecFile;
  const endpoint = spec.declarations?.find(
    (declaration) =>
      isEndpoint(declaration) &&
      declaration.$cstNode !== undefined &&
      contains(declaration.$cstNode.range, range.start),
  );
  return endpoint?.name;
}

/**
 * Code actions: the quick fixes of `base`, and on an endpoint's declaration, "Implement
 * `name` with the agent" and "Repair `name` from the counterexample", each carrying its
 * command (`specl.agent.implement` / `specl.agent.repair`) with the spec and the endpoint.
 */
export class AgentCodeActionProvider implements CodeActionProvider {
  constructor(
    private readonly base: CodeActionProvider,
    private readonly connection: Connection,
    private readonly lastVerification?: LastVerificationOf,
  ) {}

  async getCodeActions(
    document: LangiumDocument,
    params: CodeActionParams,
  ): Promise<Array<Command | CodeAction>> {
    const fixes =
      (await (this.base.getCodeActions(document, params) as MaybePromise<
        Array<Command | CodeAction> | undefined
      >)) ?? [];
    const only = params.context.only;
    if (only && !only.some((kind) => AGENT_ACTION_KIND.startsWith(kind))) return fixes;
    const endpoint = endpointAt(document, params.range);
    if (endpoint === undefined || document.uri.scheme !== 'file') return fixes;
    const args: AgentCommandArgs = { specUri: document.uri.toString(), endpoint };
    const actions: CodeAction[] = [
      {
        title: `Implement \`${endpoint}\` with the agent`,
        kind: AGENT_ACTION_KIND,
        command: {
          title: `Implement ${endpoint}`,
          command: AGENT_COMMANDS.implement,
          arguments: [args],
        },
      },
    ];
    if (await this.mayRepair(args)) {
      actions.push({
        title: `Repair \`${endpoint}\` from the counterexample`,
        kind: AGENT_ACTION_KIND,
        command: { title: `Repair ${endpoint}`, command: AGENT_COMMANDS.repair, arguments: [args] },
      });
    }
    return [...fixes, ...actions];
  }

  /** Whether to offer a repair: the endpoint's last verification failed, or (unknown) there is code. */
  private async mayRepair(args: AgentCommandArgs): Promise<boolean> {
    const last = this.lastVerification?.(args.specUri, args.endpoint);
    if (last !== undefined) return last === 'failed';
    const settings = await readAgentSettings(this.connection, args.specUri);
    const places = await agentPlaces(this.connection, args.specUri, settings);
    return existsSync(places.implDir);
  }
}
