import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { closestName } from '@specl/language';
import { CliError } from '../cli-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments strictly, turning Node's parse errors into usage errors that
 * name the command's help.
 */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  options: Options,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return {
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
    };
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    const unknown = /Unknown option '([^']+)'/.exec(message);
    const text = unknown
      ? `unknown option \`${unknown[1]}\``
      : message.replace(/^Option '([^']+)'/, 'option `$1`');
    const closest = unknown ? suggestOption(unknown[1]!, options) : undefined;
    const help = `\`specl ${command} --help\``;
    throw new CliError(
      closest ? `${text}; did you mean \`${closest}\`? (see ${help})` : `${text}; see ${help}`,
    );
  }
}

/** The option a mistyped one most likely meant (`--otu`: `--out`), if any is close. */
function suggestOption(given: string, options: Options): string | undefined {
  const names = Object.keys(options).map((name) => `--${name}`);
  return closestName(given.split('=')[0]!, names);
}
