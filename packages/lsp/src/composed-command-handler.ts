import type { CancellationToken } from 'vscode-languageserver';
import type { ExecuteCommandHandler } from 'langium/lsp';

/**
 * One `workspace/executeCommand` handler over several (the verifier's, the agent's): it
 * announces every command they have, and hands each call to the one that owns the command.
 */
export class ComposedCommandHandler implements ExecuteCommandHandler {
  constructor(private readonly handlers: readonly ExecuteCommandHandler[]) {}

  get commands(): string[] {
    return this.handlers.flatMap((handler) => handler.commands);
  }

  executeCommand(name: string, args: unknown[], token?: CancellationToken): Promise<unknown> {
    const owner = this.handlers.find((handler) => handler.commands.includes(name));
    if (owner === undefined) return Promise.reject(new Error(`unknown command ${name}`));
    return owner.executeCommand(name, args, token);
  }
}
