import { resolve } from 'node:path';
import type { CompileTarget } from '@specl/compiler';
import { compileTargetNames } from '@specl/compiler';
import { CliError, ExitCode } from '../cli-error.js';
import { compileOnce } from '../compile/compile-once.js';
import { watchAndCompile } from '../compile/watch-and-compile.js';
import { ansiColors, noColors, useColor } from '../report/colors.js';
import { resolveSpecFile } from '../resolve-spec-file.js';
import { sizeOfFiles, withRunOnceFlags } from '../run-once-flags.js';
import type { CommandContext } from './command-context.js';
import { compileHelp } from './compile-help.js';
import { parseCommandArgs } from './parse-command-args.js';

/** `specl compile`: compiles a spec to OpenAPI and TypeScript. */
export async function runCompile(
  argv: readonly string[],
  context: CommandContext,
): Promise<number> {
  const { values, positionals } = parseCommandArgs('compile', argv, {
    out: { type: 'string' },
    target: { type: 'string' },
    yaml: { type: 'boolean' },
    check: { type: 'boolean' },
    watch: { type: 'boolean' },
    force: { type: 'boolean' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    context.stdout.write(compileHelp);
    return ExitCode.ok;
  }
  if (positionals.length !== 1) {
    throw new CliError(
      positionals.length === 0
        ? 'name the spec to compile: `specl compile <spec> --out <dir>`'
        : `compile takes one spec (the root; it brings its imports), not ${positionals.length}`,
    );
  }
  if (values.out === undefined) throw new CliError('name the output folder with `--out <dir>`');
  if (values.check && values.watch)
    throw new CliError('`--check` and `--watch` do not go together');
  const spec = resolveSpecFile(positionals[0]!, context.cwd);
  const request = {
    spec,
    outDir: resolve(context.cwd, values.out as string),
    targets: parseTargets(values.target as string | undefined),
    yaml: values.yaml === true,
    check: values.check === true,
    force: values.force === true,
  };
  const colorFlag = values['no-color'] ? false : (values.color as boolean | undefined);
  const colors = useColor(colorFlag, context.stdout) ? ansiColors : noColors;
  if (values.watch) return watchAndCompile(request, context, colors);
  // The root's size stands for the spec's (its imports are found as it is read).
  const compiled = await withRunOnceFlags(sizeOfFiles([spec]), () =>
    compileOnce(request, context, colors),
  );
  return compiled.exitCode;
}

function parseTargets(list: string | undefined): CompileTarget[] {
  if (list === undefined) return [...compileTargetNames];
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(compileTargetNames as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new CliError(
      `unknown target \`${unknown[0] ?? list}\`; the targets are ${compileTargetNames.join(', ')}`,
    );
  }
  return [...new Set(names)] as CompileTarget[];
}
