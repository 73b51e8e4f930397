import { startSpeclLanguageServer } from '@specl/lsp';
import { CliError, ExitCode } from '../cli-error.js';
import type { CommandContext } from './command-context.js';
import { lspHelp } from './lsp-help.js';
import { parseCommandArgs } from './parse-command-args.js';

/** `specl lsp --stdio`: runs the language server until the editor closes the connection. */
export async function runLsp(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('lsp', argv, {
    stdio: { type: 'boolean' },
    // vscode-languageclient passes the client's process id; the server does not need it.
    clientProcessId: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    context.stdout.write(lspHelp);
    return ExitCode.ok;
  }
  if (positionals.length > 0) {
    throw new CliError(
      `\`specl lsp\` takes no files (got \`${positionals[0]}\`); see \`specl lsp --help\``,
    );
  }
  if (!values.stdio) {
    throw new CliError(
      'the language server talks over stdin and stdout: run `specl lsp --stdio` (editors do this for you)',
    );
  }
  await startSpeclLanguageServer();
  return ExitCode.ok;
}
