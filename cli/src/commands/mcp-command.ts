import { resolve } from 'node:path';
import { Refused, serveStdio } from '@specl/mcp';
import { CliError, ExitCode } from '../cli-error.js';
import { cliVersion } from '../version.js';
import type { CommandContext } from './command-context.js';
import { mcpHelp } from './mcp-help.js';
import { parseCommandArgs } from './parse-command-args.js';

/** `specl mcp`: serves Specl to MCP clients over stdio until the client goes away. */
export async function runMcp(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('mcp', argv, {
    root: { type: 'string' },
    'write-dir': { type: 'string' },
    'allow-remote': { type: 'boolean' },
    'unsafe-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    context.stdout.write(mcpHelp);
    return ExitCode.ok;
  }
  if (positionals.length > 0)
    throw new CliError(
      `\`specl mcp\` takes no files (got \`${positionals[0]}\`); name the workspace with --root <dir>`,
    );
  const writeDir = values['write-dir'] as string | undefined;
  try {
    await serveStdio(
      {
        root: resolve(context.cwd, (values.root as string | undefined) ?? '.'),
        ...(writeDir !== undefined && { writeDir: resolve(context.cwd, writeDir) }),
        allowRemote: values['allow-remote'] === true,
        unsafeRun: values['unsafe-run'] === true,
        version: cliVersion(),
      },
      {
        stdin: process.stdin,
        stdout: process.stdout,
        log: (line) => context.stderr.write(`${line}\n`),
      },
    );
  } catch (error) {
    if (error instanceof Refused) throw new CliError(error.message);
    throw error;
  }
  // The client is gone: nothing may keep the process (a socket left open by a verified server).
  setTimeout(() => process.exit(ExitCode.ok), 1000).unref();
  return ExitCode.ok;
}
