import type { ExtensionContext, Uri } from 'vscode';
import { commands, window, workspace } from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let started: Promise<void> | undefined;

/**
 * Starts the Specl language server for `.specl` files: the server bundled with the extension,
 * or the command set in `specl.server.command` (a project's own `specl lsp --stdio`). All the
 * features come from the server; the extension only connects VS Code to it.
 */
export async function activate(context: ExtensionContext): Promise<void> {
  const command = workspace.getConfiguration('specl').get<string[]>('server.command') ?? [];
  const serverOptions: ServerOptions =
    command.length > 0
      ? { command: command[0]!, args: command.slice(1), transport: TransportKind.stdio }
      : {
          module: context.asAbsolutePath('dist/server/language-server.mjs'),
          transport: TransportKind.stdio,
        };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'specl' }],
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.specl') },
  };
  client = new LanguageClient('specl', 'Specl', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('specl.importIntoSpecl', (uri?: Uri) => importIntoSpecl(uri)),
  );
  started = client.start();
  await started;
}

/** What the server's `specl.importOpenApi` answers. */
type ImportOutcome =
  { status: 'imported'; uri: string; summary: string } | { status: 'error'; message: string };

/**
 * "Import into Specl": asks the server to import the OpenAPI or Swagger file (the one clicked in
 * the explorer, or the active editor's) beside it, then opens the spec it wrote.
 */
async function importIntoSpecl(uri?: Uri): Promise<void> {
  const target = uri ?? window.activeTextEditor?.document.uri;
  if (!client || !target) {
    await window.showErrorMessage('Import into Specl: open an OpenAPI or Swagger file first.');
    return;
  }
  await started;
  const outcome = (await client.sendRequest('workspace/executeCommand', {
    command: 'specl.importOpenApi',
    arguments: [target.toString()],
  })) as ImportOutcome;
  if (outcome.status === 'error') {
    await window.showErrorMessage(`Import into Specl: ${outcome.message}`);
    return;
  }
  const document = await workspace.openTextDocument(
    target.with({ path: new URL(outcome.uri).pathname }),
  );
  await window.showTextDocument(document);
  await window.showInformationMessage(`Specl: ${outcome.summary}`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
