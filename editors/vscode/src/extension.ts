import type { ExtensionContext } from 'vscode';
import { workspace } from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

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
      : { module: context.asAbsolutePath('dist/server.mjs'), transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'specl' }],
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.specl') },
  };
  client = new LanguageClient('specl', 'Specl', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
