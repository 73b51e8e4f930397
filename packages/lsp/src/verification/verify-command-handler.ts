import { AbstractExecuteCommandHandler } from 'langium/lsp';
import type { ExecuteCommandAcceptor } from 'langium/lsp';
import { VERIFY_COMMAND } from './verification-lenses.js';
import type { VerificationService, VerifyOutcome } from './verification-service.js';

/** The URI a command was given: `"file:///…"` or `{ uri: "file:///…" }`. */
function uriArgument(args: unknown[]): string | undefined {
  const first = args[0];
  if (typeof first === 'string') return first;
  if (typeof first === 'object' && first !== null && 'uri' in first)
    return String((first as { uri: unknown }).uri);
  return undefined;
}

/**
 * The server's commands (workspace/executeCommand): `specl.verify <document URI>` verifies
 * the spec of a document and answers a {@link VerifyOutcome} once it ends.
 */
export class VerifyCommandHandler extends AbstractExecuteCommandHandler {
  constructor(private readonly service: VerificationService) {
    super();
  }

  registerCommands(accept: ExecuteCommandAcceptor): void {
    accept(VERIFY_COMMAND, (args, cancel): Promise<VerifyOutcome> | VerifyOutcome => {
      const uri = uriArgument(args);
      if (uri === undefined)
        return { status: 'error', message: `${VERIFY_COMMAND} takes the URI of a .specl document` };
      return this.service.verify(uri, cancel);
    });
  }
}
