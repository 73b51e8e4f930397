import type { Connection } from 'vscode-languageserver';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { NodeFileSystem } from 'langium/node';
import { startLanguageServer } from 'langium/lsp';
import { COMPLETION_STATE, createSpeclLspServices } from '@specl/language/lsp';
import type { CodeLensContribution } from './code-lens-contributions.js';
import { ComposedCodeLensProvider } from './code-lens-contributions.js';
import { BreakingChangeWarnings } from './breaking-change-warnings.js';

/** What the Specl language server is started with. */
export interface SpeclLanguageServerOptions {
  /** The connection to the editor; default: one over this process's stdin and stdout. */
  connection?: Connection;
  /**
   * Code lenses to show (the verifier's results, once it contributes them). Without any, the
   * server announces no code-lens support.
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
  const lenses = options.codeLenses ?? [];
  const { shared } = createSpeclLspServices(
    { connection, ...NodeFileSystem },
    lenses.length > 0
      ? { lsp: { CodeLensProvider: () => new ComposedCodeLensProvider(lenses) } }
      : {},
  );
  // Breaking changes since the git baseline, as warnings after each full check.
  new BreakingChangeWarnings(shared);
  const closed = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  // Completion and signature help answer from the current text, without waiting for a full check.
  startLanguageServer(shared, {
    CompletionProvider: COMPLETION_STATE,
    SignatureHelp: COMPLETION_STATE,
  });
  return closed;
}
