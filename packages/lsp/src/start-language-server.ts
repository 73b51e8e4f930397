import type { Connection } from 'vscode-languageserver';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node.js';
import { NodeFileSystem } from 'langium/node';
import { startLanguageServer } from 'langium/lsp';
import {
  COMPLETION_STATE,
  createSpeclLspServices,
  SpeclCodeActionProvider,
} from '@specl/language/lsp';
import type { LastVerificationOf } from './agent-code-actions.js';
import { AgentCodeActionProvider } from './agent-code-actions.js';
import { AgentCommandHandler } from './agent-command-handler.js';
import type { CodeLensContribution } from './code-lens-contributions.js';
import { ComposedCodeLensProvider } from './code-lens-contributions.js';
import { BreakingChangeWarnings } from './breaking-change-warnings.js';
import { VerificationLenses } from './verification/verification-lenses.js';
import { VerificationService } from './verification/verification-service.js';
import { VerifyCommandHandler } from './verification/verify-command-handler.js';
import { ComposedCommandHandler } from './composed-command-handler.js';
import { ImportCommandHandler } from './import-command-handler.js';
import { guardMalformedMessages } from './malformed-message-guard.js';
import { installLiveNodesProbe } from './live-nodes-probe.js';

/** What the Specl language server is started with. */
export interface SpeclLanguageServerOptions {
  /**
   * The connection to the editor; default: one over this process's stdin and stdout, where
   * messages with malformed parameters are answered with an error and go no further.
   */
  connection?: Connection;
  /**
   * Code lenses to show. Default: the verifier's results above each endpoint and property,
   * with the `specl.verify` command that verifies a spec. Given contributions replace them
   * (and the command); with none, the server announces no code-lens support.
   */
  codeLenses?: readonly CodeLensContribution[];
  /**
   * The last verification of an endpoint (from the verification lenses), so that "Repair"
   * is offered where it failed; without it, Repair is offered wherever there is code.
   */
  lastVerification?: LastVerificationOf;
  /** The environment of agent runs (ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL); default: this process's. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts the Specl language server on a connection (default: stdio) and answers when the
 * editor closes the connection. Nothing is written to stdout but the protocol: the connection
 * routes `console` to the editor's log.
 */
export function startSpeclLanguageServer(options: SpeclLanguageServerOptions = {}): Promise<void> {
  const connection = options.connection ?? stdioConnection();
  const verification = options.codeLenses ? undefined : new VerificationService(connection);
  const lenses = options.codeLenses ?? [new VerificationLenses(verification!)];
  const { shared } = createSpeclLspServices(
    {
      connection,
      ...NodeFileSystem,
      // The commands of the verifier and of the agent (which the code actions carry).
      sharedModule: {
        lsp: {
          ExecuteCommandHandler: (services) =>
            new ComposedCommandHandler([
              ...(verification ? [new VerifyCommandHandler(verification)] : []),
              new ImportCommandHandler(),
              new AgentCommandHandler({
                connection,
                env: options.env ?? process.env,
                openDocument: (uri) => {
                  const document = services.workspace.TextDocuments.get(uri);
                  return document && { version: document.version, text: document.getText() };
                },
              }),
            ]),
        },
      },
    },
    {
      lsp: {
        CodeActionProvider: () =>
          new AgentCodeActionProvider(
            new SpeclCodeActionProvider(),
            connection,
            options.lastVerification,
          ),
        ...(lenses.length > 0 && {
          CodeLensProvider: () => new ComposedCodeLensProvider(lenses),
        }),
      },
    },
  );
  // Breaking changes since the git baseline, as warnings after each full check.
  new BreakingChangeWarnings(shared);
  verification?.attach(shared);
  if ((options.env ?? process.env).SPECL_LSP_DEBUG_LIVE === '1')
    installLiveNodesProbe(shared, connection);
  const closed = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  // Completion and signature help answer from the current text, without waiting for a full check.
  startLanguageServer(shared, {
    CompletionProvider: COMPLETION_STATE,
    SignatureHelp: COMPLETION_STATE,
  });
  return closed;
}

/** A connection over stdin and stdout that turns away messages with malformed parameters. */
function stdioConnection(): Connection {
  const writer = new StreamMessageWriter(process.stdout);
  const reader = guardMalformedMessages(new StreamMessageReader(process.stdin), writer);
  return createConnection(ProposedFeatures.all, reader, writer);
}
