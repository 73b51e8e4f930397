import type { ExecuteCommandAcceptor } from 'langium/lsp';
import { AbstractExecuteCommandHandler } from 'langium/lsp';
import type { AgentCommandMode } from './agent-commands.js';
import { AGENT_COMMANDS, agentCommandArgs } from './agent-commands.js';
import type { AgentRunContext } from './agent-run.js';
import { runAgentInEditor } from './agent-run.js';
import { showMessage } from './show-message.js';

/**
 * The server's commands: `specl.agent.implement` and `specl.agent.repair`. Each starts an
 * agent run in the background and answers at once; the run reports through work-done
 * progress and messages, and ends with a `workspace/applyEdit`.
 */
export class AgentCommandHandler extends AbstractExecuteCommandHandler {
  constructor(private readonly context: AgentRunContext) {
    super();
  }

  registerCommands(accept: ExecuteCommandAcceptor): void {
    for (const mode of Object.keys(AGENT_COMMANDS) as AgentCommandMode[]) {
      accept(AGENT_COMMANDS[mode], (args) => {
        const parsed = agentCommandArgs(args);
        if (parsed === undefined) {
          showMessage(
            this.context.connection,
            'error',
            `Specl agent: ${AGENT_COMMANDS[mode]} needs { specUri, endpoint }`,
          );
          return null;
        }
        runAgentInEditor(mode, parsed, this.context).catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          showMessage(this.context.connection, 'error', `Specl agent: ${message}`);
          this.context.connection.console.error(
            error instanceof Error ? (error.stack ?? message) : message,
          );
        });
        return null;
      });
    }
  }
}
