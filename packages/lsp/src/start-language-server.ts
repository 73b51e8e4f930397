import type { Connection } from 'vscode-languageserver';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { NodeFileSystem } from 'langium/node';
import { startLanguageServer } from 'langium/lsp';
import { COMPLETION_STATE, createSpeclLspServices } from '@specl/language/lsp';
import type { CodeLensContribution } from './code-lens-contributions.js';
import { ComposedCodeLensProvider } from './code-lens-contributions.js';
import { VerificationLenses } from './verification/verification-lenses.js';
import { VerificationService } from './verification/verification-service.js';
import { VerifyCommandHandler } from './verification/verify-command-handler.js';

/** What the Specl language server is started with. */
export interface SpeclLanguageServerOptions {
  /** The connection to the editor; default: one over this process's stdin and stdout. */
  connection?: Connection;
  /**
   * Code lenses to show. Default: the verifier's results above each endpoint and property,
   * with the `specl.verify` command that verifies a spec. Given contributions replace them
   * (and the command); with none, the server announces no code-lens support.
   */
  codeLenses?: readonly CodeLensContribution[];
}

/**
 * Starts the Specl language server on a connection (default: stdio) and answers when the
 * editor closes the connection. Nothing is written to stdout but the protocol: the connection
 * routes `console` to the editor's log.
 */
export function startSpeclLanguageServer(options: SpeclLanguageServerOptions = {}): Promise<void> {
  const connection = options.connection ?? createConnection(ProposedFeatures.all);
  const verification = options.codeLenses ? undefined : new VerificationService(connection);
  const lenses = options.codeLenses ?? [new VerificationLenses(verification!)];
  const { shared } = createSpeclLspServices(
    {
      connection,
      ...NodeFileSystem,
      sharedModules: verification
        ? [{ lsp: { ExecuteCommandHandler: () => new VerifyCommandHandler(verification) } }]
        : [],
    },
    lenses.length > 0
      ? { lsp: { CodeLensProvider: () => new ComposedCodeLensProvider(lenses) } }
      : {},
  );
  verification?.attach(shared);
  const closed = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  // Completion and signature help answer from the current text, without waiting for a full check.
  startLanguageServer(shared, {
    CompletionProvider: COMPLETION_STATE,
    SignatureHelp: COMPLETION_STATE,
  });
  return closed;
}
