// Bundles the CLI (and the packages it uses) into cli/dist/bundle: Node loads a few files
// instead of hundreds of modules, which cuts start-up from about 1 s to about 0.3 s.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outdir = resolve(root, 'cli/dist/bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [resolve(root, 'cli/dist/cli.js'), resolve(root, 'cli/dist/language-server.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
  // The verifier loads generated code that imports fast-check and @specl/runtime: both must be
  // the very modules the CLI uses, so they stay outside the bundle (as do the loaders). The
  // agent stays outside too: it starts its verification worker from a file of its own.
  external: ['fast-check', '@specl/runtime', 'esbuild', 'tsx', '@specl/agent', '@anthropic-ai/sdk'],
  // Some dependencies are CommonJS and call require(): give the ES module bundle one.
  banner: {
    js: "import { createRequire as __speclCreateRequire } from 'node:module'; const require = __speclCreateRequire(import.meta.url);",
  },
});
