import { CliError, ExitCode } from './cli-error.js';
import type { CommandContext } from './commands/command-context.js';
import { cliVersion } from './version.js';

type CommandRunner = (argv: readonly string[], context: CommandContext) => Promise<number>;

// Commands, and their help, load on use: so that `specl --version` and `--help` start instantly,
// and a command loads its own help only (each help text is a module of its own in the bundle).
const commands: Record<
  string,
  {
    load: () => Promise<CommandRunner>;
    help: () => Promise<string>;
  }
> = {
  check: {
    load: async () => (await import('./commands/check-command.js')).runCheck,
    help: async () => (await import('./commands/check-help.js')).checkHelp,
  },
  compile: {
    load: async () => (await import('./commands/compile-command.js')).runCompile,
    help: async () => (await import('./commands/compile-help.js')).compileHelp,
  },
  verify: {
    load: async () => (await import('./commands/verify-command.js')).runVerify,
    help: async () => (await import('./commands/verify-help.js')).verifyHelp,
  },
  diff: {
    load: async () => (await import('./commands/diff-command.js')).runDiff,
    help: async () => (await import('./commands/diff-help.js')).diffHelp,
  },
  implement: {
    load: async () => (await import('./commands/agent-command.js')).runImplement,
    help: async () => (await import('./commands/agent-help.js')).implementHelp,
  },
  repair: {
    load: async () => (await import('./commands/agent-command.js')).runRepair,
    help: async () => (await import('./commands/agent-help.js')).repairHelp,
  },
  fmt: {
    load: async () => (await import('./commands/fmt-command.js')).runFmt,
    help: async () => (await import('./commands/fmt-help.js')).fmtHelp,
  },
  import: {
    load: async () => (await import('./commands/import-command.js')).runImport,
    help: async () => (await import('./commands/import-help.js')).importHelp,
  },
  init: {
    load: async () => (await import('./commands/init-command.js')).runInit,
    help: async () => (await import('./commands/init-help.js')).initHelp,
  },
  lsp: {
    load: async () => (await import('./commands/lsp-command.js')).runLsp,
    help: async () => (await import('./commands/lsp-help.js')).lspHelp,
  },
  proxy: {
    load: async () => (await import('./commands/proxy-command.js')).runProxy,
    help: async () => (await import('./commands/proxy-help.js')).proxyHelp,
  },
  mcp: {
    load: async () => (await import('./commands/mcp-command.js')).runMcp,
    help: async () => (await import('./commands/mcp-help.js')).mcpHelp,
  },
};

const mainHelp = `Usage: specl <command> [options]

Specl: specs for HTTP APIs, with types, invariants, pre/postconditions and properties.

Commands:
  check [files or folders...]   parse, link and validate specs, and report problems
  compile <spec> --out <dir>    compile a spec to OpenAPI 3.1, TypeScript and properties
  verify <spec> --impl|--url    check an implementation against a spec
  diff <old> <new>              classify the changes between two versions of a spec
  implement <spec> --impl <dir> let Claude implement the spec, verified as it goes
  repair <spec> --impl <dir>    let Claude repair the code from its counterexamples
  fmt [--check] [files...]      format specs in place (or check that they are)
  import <openapi> [--out file] write a spec for an OpenAPI 3.x or Swagger 2.0 document
  init [folder]                 start a project: a spec, its outputs, a skeleton, CI, editor
  lsp --stdio                   run the language server (for editors)
  proxy <spec> --target <url>   check live traffic against a spec, as a reverse proxy
  mcp [--root <dir>]            serve Specl to coding agents (Model Context Protocol, stdio)

Options:
  -v, --version   print the version
  -h, --help      show this help (or \`specl <command> --help\` for a command)
`;

/** Runs the `specl` command line and answers its exit code; never throws. */
export async function main(argv: readonly string[], context: CommandContext): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      const topic = first === 'help' ? rest[0] : undefined;
      const command = topic !== undefined && Object.hasOwn(commands, topic) && commands[topic];
      context.stdout.write(command ? await command.help() : mainHelp);
      return first === undefined ? ExitCode.usage : ExitCode.ok;
    }
    if (first === '-v' || first === '--version') {
      context.stdout.write(`${cliVersion()}\n`);
      return ExitCode.ok;
    }
    const command = commands[first];
    if (!Object.hasOwn(commands, first) || !command) {
      const hint = first.startsWith('-')
        ? `unknown option \`${first}\``
        : `unknown command \`${first}\``;
      // Loaded only here, so that starting a command stays quick.
      const { closestName } = await import('@specl/language');
      const closest = closestName(first, Object.keys(commands));
      const list = `the commands are ${Object.keys(commands).join(', ')}`;
      throw new CliError(
        closest
          ? `${hint}; did you mean \`${closest}\`? (${list}; see \`specl --help\`)`
          : `${hint}; ${list} (see \`specl --help\`)`,
      );
    }
    const run = await command.load();
    return await run(rest, context);
  } catch (error) {
    if (error instanceof CliError) {
      context.stderr.write(`specl: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.stderr.write(
      `specl: internal error: ${message}\nThis is a bug in specl; please report it with the input that caused it.\n`,
    );
    return ExitCode.usage;
  }
}
