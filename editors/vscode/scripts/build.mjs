// Builds the VS Code extension: bundles the extension (CommonJS, as VS Code loads it) with
// esbuild into dist/, copies the `specl` package's bundle (the language server, the verifier and
// the agent with its sandbox child, made by scripts/bundle-cli.mjs first) into dist/server/,
// with the packages it leaves outside (its dependencies: the runtime, fast-check, esbuild, tsx)
// into dist/node_modules/, and packages it all with `@vscode/vsce` into specl-<version>.vsix.
// The dependencies are copied as installed here, so the .vsix is for this platform (esbuild's
// binary): the extension verifies and runs the agent with nothing else installed.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const here = resolve(import.meta.dirname, '..');
const root = resolve(here, '../..');
const { name, version } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
rmSync(join(here, 'dist'), { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: [join(here, 'src/extension.ts')],
  outfile: join(here, 'dist/extension.js'),
  format: 'cjs',
  external: ['vscode'],
});

cpSync(join(root, 'cli/dist/bundle'), join(here, 'dist/server'), { recursive: true });

/**
 * Copies an installed package, and what it depends on, from the repository's node_modules: the
 * whole folder (with any node_modules of its own), or for a package of ours (a workspace link)
 * the files it publishes.
 */
function copyInstalled(name, copied) {
  if (copied.has(name)) return;
  copied.add(name);
  const from = join(root, 'node_modules', name);
  if (!existsSync(from)) return; // an optional dependency for another platform
  const json = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8'));
  const to = join(here, 'dist/node_modules', name);
  const published = lstatSync(from).isSymbolicLink() ? ['package.json', ...json.files] : ['.'];
  for (const file of published) {
    if (existsSync(join(from, file))) {
      cpSync(join(from, file), join(to, file), { recursive: true, dereference: true });
    }
  }
  for (const dep of Object.keys({ ...json.dependencies, ...json.optionalDependencies })) {
    copyInstalled(dep, copied);
  }
}

const cli = JSON.parse(readFileSync(join(root, 'cli/package.json'), 'utf8'));
const copied = new Set();
for (const name of Object.keys(cli.dependencies)) copyInstalled(name, copied);
console.log(
  `bundled with the extension: ${[...copied].filter((name) => existsSync(join(here, 'dist/node_modules', name))).join(', ')}`,
);

const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const vsix = `${name}-${version}.vsix`;
execFileSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix],
  { cwd: here, stdio: ['ignore', 'pipe', 'inherit'] },
);
console.log(`wrote editors/vscode/${vsix}`);
