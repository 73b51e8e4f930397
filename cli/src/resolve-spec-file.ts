import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { CliError } from './cli-error.js';

/**
 * The absolute path of the one spec file an argument names (relative to `cwd`). Throws a
 * usage error for a path that does not exist or is not a `.specl` file.
 */
export function resolveSpecFile(arg: string, cwd: string): string {
  const spec = resolve(cwd, arg);
  let isFile: boolean;
  try {
    isFile = statSync(spec).isFile();
  } catch {
    throw new CliError(`cannot find \`${arg}\`; check the path (it is relative to ${cwd})`);
  }
  if (!isFile || extname(spec) !== '.specl') throw new CliError(`\`${arg}\` is not a .specl file`);
  return spec;
}
