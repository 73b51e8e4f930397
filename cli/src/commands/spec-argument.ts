import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { CliError } from '../cli-error.js';

/**
 * The absolute path of a command's root spec argument, or a usage error that says what is
 * wrong with it (missing, or not a `.specl` file).
 */
export function specArgument(argument: string, cwd: string): string {
  const spec = resolve(cwd, argument);
  let isFile: boolean;
  try {
    isFile = statSync(spec).isFile();
  } catch {
    throw new CliError(`cannot find \`${argument}\`; check the path (it is relative to ${cwd})`);
  }
  if (!isFile || extname(spec) !== '.specl')
    throw new CliError(`\`${argument}\` is not a .specl file`);
  return spec;
}
