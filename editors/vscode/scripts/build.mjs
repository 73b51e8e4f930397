// Builds the VS Code extension: bundles the extension (CommonJS, as VS Code loads it) and the
// Specl language server (from @specl/lsp, built by `tsc -b` first) with esbuild into dist/, and
// packages both with `@vscode/vsce` into specl-<version>.vsix.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
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

await build({
  ...common,
  entryPoints: [join(root, 'packages/lsp/dist/stdio.js')],
  outfile: join(here, 'dist/server.mjs'),
  format: 'esm',
  // Some dependencies are CommonJS and call require(): give the ES module bundle one.
  banner: {
    js: "import { createRequire as __speclCreateRequire } from 'node:module'; const require = __speclCreateRequire(import.meta.url);",
  },
});

const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const vsix = `${name}-${version}.vsix`;
execFileSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix],
  { cwd: here, stdio: ['ignore', 'pipe', 'inherit'] },
);
console.log(`wrote editors/vscode/${vsix}`);
