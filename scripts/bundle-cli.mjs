// Bundles the CLI (and the packages it uses) into cli/dist/bundle, the one folder the `specl`
// package ships: Node loads a few files instead of hundreds of modules (start-up about 0.3 s
// instead of 1 s), and a user installs two packages, `specl` and `@specl/runtime`, not eight.
// The bundle holds the CLI, the language server, the verifier and the agent, with the agent's
// sandbox child (the program model-written code runs in) as a file of its own beside them.
import { build } from 'esbuild';
import { addCodeCaches } from './bundle/code-cache.mjs';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const outdir = resolve(root, 'cli/dist/bundle');

/**
 * Left outside the bundle, installed as the `specl` package's dependencies: the verifier loads
 * generated code that imports fast-check and @specl/runtime, which must be the very modules
 * the CLI uses (as must the OpenTelemetry API, which keeps its state in one global); esbuild
 * has a native binary; tsx is a loader Node starts from its own files.
 */
const external = ['fast-check', '@specl/runtime', '@opentelemetry/api', 'esbuild', 'tsx'];

/**
 * Langium's document builder (which every command loads) imports two names from
 * vscode-languageserver-protocol; this plugin gives it a module that loads the protocol only when
 * one of them is first read (scripts/bundle/lazy-languageserver-protocol.cjs).
 */
const lazyProtocolForDocumentBuilder = {
  name: 'lazy-languageserver-protocol',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver-protocol$/ }, (args) =>
      /langium[\\/]lib[\\/]workspace[\\/]document-builder\.js$/.test(args.importer)
        ? { path: resolve(root, 'scripts/bundle/lazy-languageserver-protocol.cjs') }
        : undefined,
    );
  },
};

/**
 * The generated grammar module builds the grammar with Langium's loadGrammarFromJson, which
 * creates a whole set of grammar-language services and a document to link the grammar JSON's
 * references; this plugin gives that module, and it alone, Specl's own resolver of those
 * references instead (scripts/bundle/grammar-loader.mjs; the same graph, see
 * test/language/grammar-json.test.ts). The grammar stays the one langium-cli generated.
 */
const grammarLoaderForGeneratedGrammar = {
  name: 'grammar-loader',
  setup(build) {
    build.onResolve({ filter: /^langium$/ }, (args) =>
      /packages[\\/]language[\\/]dist[\\/]generated[\\/]grammar\.js$/.test(args.importer)
        ? { path: resolve(root, 'scripts/bundle/grammar-loader.mjs') }
        : undefined,
    );
  },
};

/**
 * The generated grammar's fingerprint, which the fast parser is enabled by: computed here once
 * rather than by walking the grammar at every start (isFastParserGrammar in
 * packages/language/src/parser/fast/grammar-fingerprint.ts). So are its keywords' longer
 * alternatives, which the token builder would find by matching each keyword against each
 * terminal's partial pattern (longerAltTable in packages/language/src/parser/shared-token-builder.ts).
 */
const languageDist = (path) => pathToFileURL(resolve(root, 'packages/language/dist', path)).href;
const { grammarFingerprint } = await import(languageDist('parser/fast/grammar-fingerprint.js'));
const { SpeclGrammar } = await import(languageDist('generated/grammar.js'));
const { longerAltTable } = await import(languageDist('parser/shared-token-builder.js'));

/**
 * The token builder's module of the longer alternatives (bundled-longer-alts.js, which exports
 * none) is given the table computed above, as an array literal. Not an esbuild `define`: a defined
 * array becomes a variable set by an initialiser that every module of the bundle calls, in a chunk
 * whose export changes after it has run (so it could not be a script, code-cache.mjs).
 */
const longerAltsForTokenBuilder = {
  name: 'bundled-longer-alts',
  setup(build) {
    build.onResolve({ filter: /^\.\/bundled-longer-alts\.js$/ }, (args) =>
      /packages[\\/]language[\\/]dist[\\/]parser[\\/]shared-token-builder\.js$/.test(args.importer)
        ? { path: 'bundled-longer-alts', namespace: 'specl-bundled' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'specl-bundled' }, () => ({
      contents: `export const bundledLongerAlts = ${JSON.stringify(longerAltTable(SpeclGrammar()))};\n`,
      loader: 'js',
    }));
  },
};

/**
 * Chevrotain's parser module copies ten mixins' methods onto its Parser's prototype at every
 * start, one at a time, each copy of V8's fast properties larger than the last; this plugin gives
 * that module chevrotain's own applyMixins run on a prototype in dictionary mode
 * (scripts/bundle/dictionary-prototype.mjs).
 */
const mixinsOntoDictionaryPrototype = {
  name: 'apply-mixins',
  setup(build) {
    build.onResolve({ filter: /^\.\/utils\/apply_mixins\.js$/ }, (args) =>
      /chevrotain[\\/]lib[\\/]src[\\/]parse[\\/]parser[\\/]parser\.js$/.test(args.importer)
        ? {
            path: 'apply-mixins',
            namespace: 'specl-apply-mixins',
            pluginData: { chevrotain: resolve(dirname(args.importer), args.path) },
          }
        : undefined,
    );
    build.onLoad({ filter: /^apply-mixins$/, namespace: 'specl-apply-mixins' }, (args) => ({
      contents: [
        `import { applyMixins as chevrotainApplyMixins } from ${JSON.stringify(args.pluginData.chevrotain)};`,
        `import { onDictionaryPrototype } from ${JSON.stringify(resolve(root, 'scripts/bundle/dictionary-prototype.mjs'))};`,
        'export const applyMixins = onDictionaryPrototype(chevrotainApplyMixins);',
        '',
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
  },
};

const common = {
  // The metafile's paths are relative to the root wherever the build is run from
  // (scripts/bundle/code-cache.mjs reads them).
  absWorkingDir: root,
  bundle: true,
  define: {
    SPECL_BUNDLED_GRAMMAR_FINGERPRINT: JSON.stringify(grammarFingerprint(SpeclGrammar())),
  },
  plugins: [
    lazyProtocolForDocumentBuilder,
    grammarLoaderForGeneratedGrammar,
    longerAltsForTokenBuilder,
    mixinsOntoDictionaryPrototype,
  ],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  external,
  // Some dependencies are CommonJS and call require(): give the ES module bundle one.
  banner: {
    js: "import { createRequire as __speclCreateRequire } from 'node:module'; const require = __speclCreateRequire(import.meta.url);",
  },
};

rmSync(outdir, { recursive: true, force: true });
const main = await build({
  ...common,
  entryPoints: [resolve(root, 'cli/dist/cli.js'), resolve(root, 'cli/dist/language-server.js')],
  outdir,
  splitting: true,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  metafile: true,
});
// `buildSpecs` finds its worker's program as `build-spec-worker.js` beside its own code: the
// compiler's whole pipeline in one file, which a worker thread loads.
await build({
  ...common,
  entryPoints: [resolve(root, 'packages/compiler/dist/pipeline/build-spec-worker.js')],
  outfile: resolve(outdir, 'build-spec-worker.js'),
});
// The agent finds its sandbox child as `sandbox-child.js` beside its own code.
await build({
  ...common,
  entryPoints: [resolve(root, 'packages/agent/dist/sandbox/sandbox-child.js')],
  outfile: resolve(outdir, 'sandbox-child.js'),
});
// Last, once the worker and sandbox files are in place: the big chunks a check and a compile load
// get a V8 code cache (scripts/bundle/code-cache.mjs), made by running `specl compile`.
const caches = addCodeCaches(outdir, main.metafile, root);
if (process.env.SPECL_BUNDLE_VERBOSE === '1') console.log(caches);
