import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { compileTargetNames, compileTargets } from '@specl/compiler';
import { CliError, ExitCode } from '../cli-error.js';
import { loadSpec } from '../compile/load-spec.js';
import { pathShower, writeOutputs } from '../compile/write-outputs.js';
import { ciWorkflow, editorSettings, handlersSkeleton, starterSpec } from '../init/init-files.js';
import { noColors } from '../report/colors.js';
import { makeFolder, writeNewFileAtomic } from '../write-file-set.js';
import type { CommandContext } from './command-context.js';
import { initHelp } from './init-help.js';
import { parseCommandArgs } from './parse-command-args.js';

/** A spec name from a folder name: `my-shop` gives `MyShop`; `App` when nothing is left. */
function specNameOf(folder: string): string {
  const words = folder.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return /^[A-Za-z]/.test(name) ? name : `App${name}`;
}

/** `specl init`: a new project in one command, refusing to overwrite anything. */
export async function runInit(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('init', argv, {
    name: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    context.stdout.write(initHelp);
    return ExitCode.ok;
  }
  if (positionals.length > 1) throw new CliError('init takes one folder; see `specl init --help`');
  const root = resolve(context.cwd, positionals[0] ?? '.');
  const name = (values.name as string | undefined) ?? specNameOf(basename(root));
  if (!/^[A-Za-z_]\w*$/.test(name)) {
    throw new CliError(`\`${name}\` cannot name a spec; use letters, digits and _, as in MyShop`);
  }
  const fileName = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const paths = {
    spec: `specs/${fileName}.specl`,
    generated: 'src/generated',
    impl: 'src/handlers.ts',
  };
  const files: [string, () => string][] = [
    [paths.impl, () => ''],
    ['.github/workflows/specl.yml', () => ciWorkflow(paths)],
    ['.vscode/settings.json', editorSettings],
  ];
  const shown = pathShower(context.cwd);
  const planned = [paths.spec, paths.generated, ...files.map(([path]) => path)];
  const existing = planned.filter((path) => existsSync(join(root, path)));
  if (existing.length > 0) {
    throw new CliError(
      `not starting a project in \`${shown(root)}\`: ${existing.map((path) => `\`${path}\``).join(', ')} ${existing.length === 1 ? 'exists' : 'exist'} already; choose another folder`,
    );
  }
  const specPath = join(root, paths.spec);
  makeFolder(dirname(specPath), shown(dirname(specPath)));
  writeNewFileAtomic(specPath, starterSpec(name), shown(specPath));
  const { ir } = await loadSpec(specPath, 'nothing more written', context, noColors);
  if (ir === undefined) return ExitCode.failed;
  const emitted = compileTargets(ir, [...compileTargetNames], { yaml: false });
  writeOutputs(emitted, join(root, paths.generated), shown, { check: false, force: false });
  files[0] = [paths.impl, () => handlersSkeleton(ir, './generated/types.js')];
  for (const [path, content] of files) {
    const full = join(root, path);
    makeFolder(dirname(full), shown(dirname(full)));
    writeNewFileAtomic(full, content(), shown(full));
  }
  context.stdout.write(
    `started ${name} in ${shown(root)}: ${[paths.spec, `${paths.generated}/`, ...files.map(([path]) => path)].join(', ')}\n` +
      `next: npm install --save-dev specl @specl/runtime, write ${paths.impl}, then\n` +
      `  npx specl verify ${paths.spec} --impl ${paths.impl}\n`,
  );
  return ExitCode.ok;
}
