// Build step of scripts/bundle-cli.mjs: gives the bundle's chunks a V8 code cache, and loads them
// without Node's ES module loader. Node 20 compiles ES modules without a cache
// (`module.enableCompileCache` came in Node 22), and compiling the language chunk was a third of a
// one-endpoint `specl check`; each ES module costs besides its resolution, read, link and a
// `createRequire` (about a million instructions each), and the first one starts the ES module
// loader (14 million). Each chunk that can be is rewritten as a CommonJS-style script
// (`chunk-X.cjs`, loaded by cached-script.cjs through `vm.Script`) and a small ES module in its
// place that re-exports the script's exports, for the chunks that stay ES modules; a script's
// `require` of another script chunk loads that script directly, and its `import()` of a chunk
// goes through the loader (`__speclImport`), so only the chunks that cannot be scripts are still
// ES modules. The CLI's entry is a script too (`cli.cjs`, run by the CommonJS cli/bin/specl.js;
// cli.mjs stays for those who import it). scripts.json tells the loader which chunks are scripts,
// with the ES modules each requires. make-code-cache.mjs then runs a representative `specl check`
// and `specl compile` in a child Node and writes each loaded script's cache (`chunk-X.cjs.cache`).
// A chunk those runs did not load goes back to what esbuild wrote: without a cache the script
// would only cost the same compile.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { basename, join, relative, resolve } from 'node:path';
import { transformSync } from 'esbuild';

/**
 * Rewrites the eligible chunks of `outdir` (from esbuild's metafile of the build that wrote
 * them), runs make-code-cache.mjs, and restores the chunks it did not load. Returns the chunks
 * that kept a cache, with the reasons the others were left as they were.
 */
export function addCodeCaches(outdir, metafile, root) {
  for (const loader of ['cached-script.cjs', 'cached-script.mjs']) {
    copyFileSync(resolve(import.meta.dirname, loader), join(outdir, loader));
  }
  const chunks = chunkGraph(outdir, metafile, root);
  const converted = [];
  const skipped = [];
  for (const chunk of chunks.values()) {
    if (!chunk.name.startsWith('chunk-')) continue;
    const reason = convert(outdir, chunk, chunks);
    if (reason === undefined) converted.push(chunk);
    else skipped.push(`${chunk.name}: ${reason}`);
  }
  // cli/bin/specl.js runs the entry's script: the build fails rather than ship a bin without it.
  const entry = chunks.get('cli');
  const entryReason = entry === undefined ? 'no cli.mjs' : convert(outdir, entry, chunks);
  if (entryReason !== undefined) throw new Error(`cli.mjs cannot be a script: ${entryReason}`);
  writeStandIns(outdir, converted, chunks);
  writeManifest(outdir, [...converted, entry], chunks);
  const run = spawnSync(
    process.execPath,
    [resolve(import.meta.dirname, 'make-code-cache.mjs'), outdir, resolve(root, 'examples')],
    { encoding: 'utf8', env: withoutNodeOptions(process.env) },
  );
  if (run.status !== 0) {
    throw new Error(`make-code-cache.mjs failed (${run.status}):\n${run.stdout}${run.stderr}`);
  }
  const cached = [];
  for (const chunk of converted) {
    if (existsSync(join(outdir, `${chunk.name}.cjs.cache`))) {
      cached.push(chunk.name);
      continue;
    }
    writeFileSync(join(outdir, `${chunk.name}.mjs`), chunk.source);
    rmSync(join(outdir, `${chunk.name}.cjs`));
    chunk.script = undefined;
    skipped.push(`${chunk.name}: not loaded by the representative runs`);
  }
  if (!existsSync(join(outdir, 'cli.cjs.cache'))) throw new Error('cli.cjs was given no cache');
  // The chunks that went back are ES modules again: the stand-ins and scripts that reached them
  // through a script now import them.
  const scripts = converted.filter((chunk) => chunk.script !== undefined);
  writeStandIns(outdir, scripts, chunks);
  writeManifest(outdir, [...scripts, entry], chunks);
  return { cached, skipped };
}

/**
 * The cache must be made under the flags a user's `node` runs with: V8 rejects a cache made
 * under other flags, and NODE_OPTIONS would add the build's.
 */
function withoutNodeOptions(env) {
  const copy = { ...env };
  delete copy.NODE_OPTIONS;
  return copy;
}

/** The bundle's chunks by file name (without `.mjs`): size, exports, static chunk imports. */
function chunkGraph(outdir, metafile, root) {
  const chunks = new Map();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!path.endsWith('.mjs') || relative(outdir, resolve(root, path)).includes('/')) continue;
    const name = basename(path, '.mjs');
    chunks.set(name, {
      name,
      bytes: output.bytes,
      exports: output.exports,
      imports: output.imports
        .filter((i) => !i.external && i.kind === 'import-statement')
        .map((i) => basename(i.path, '.mjs')),
      packages: output.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => i.path),
      source: undefined,
      script: undefined,
    });
  }
  return chunks;
}

/**
 * Rewrites one chunk as a script (its stand-in module is written by writeStandIns), or says why it
 * cannot be. The chunk's `script` says whether the script reads more of `import.meta` than its
 * `url` (which only its stand-in can give it; the loader gives any script a `url`).
 */
function convert(outdir, chunk, chunks) {
  // The script's require is CommonJS: a package there would be a second copy of its ES module.
  if (chunk.packages.length > 0) return `it imports ${chunk.packages.join(', ')}`;
  if (chunk.exports.includes('default')) return 'it has a default export';
  if (inCycle(chunk.name, chunks)) return 'it is in an import cycle';
  const file = join(outdir, `${chunk.name}.mjs`);
  const source = readFileSync(file, 'utf8');
  // The banner (a `require` for CommonJS dependencies) is the first line; the script gets its own.
  const banner = source.slice(0, source.indexOf('\n') + 1);
  if (!banner.includes('__speclCreateRequire')) return 'it does not start with the banner';
  const body = source.slice(banner.length);
  const reassigned = reassignedExports(body, chunk.exports);
  if (reassigned.length > 0) return `exports may be reassigned (${reassigned.join(', ')})`;
  let code;
  try {
    code = transformSync(body, {
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // The module standing in for the chunk, at its path, hands the script its import.meta.
      define: { 'import.meta': '__speclImportMeta' },
    }).code;
  } catch (error) {
    return `esbuild cannot make it CommonJS: ${error.message.split('\n')[0]}`;
  }
  // A default or namespace import of a chunk would be wrapped for a CommonJS module's shape.
  if (/__toESM\(require\("\.\//.test(code)) return 'it imports a chunk whole';
  // A script has no import() of its own (vm.Script gives it none): it asks the loader for a
  // chunk. Anything else it imports dynamically (a package, a computed path) keeps it a module.
  const chunkImport = /(?<![\w$.])import\("(\.\/chunk-[A-Z0-9]+\.mjs)"\)/g;
  const dynamicImports = code.match(/(?<![\w$.])import\s*\(/g)?.length ?? 0;
  if (dynamicImports !== (code.match(chunkImport)?.length ?? 0)) {
    return 'it imports something other than a chunk dynamically';
  }
  code = code.replace(chunkImport, '__speclImport("$1")');
  code = plainExports(code);
  if (code === undefined) return 'esbuild wrote its exports in an unexpected shape';
  // Every script ends its last line (an empty chunk's script is that line break alone).
  writeFileSync(join(outdir, `${chunk.name}.cjs`), code.endsWith('\n') ? code : `${code}\n`);
  chunk.source = source;
  const meta = code.match(/__speclImportMeta\b(?:\.url\b)?/g) ?? [];
  chunk.script = { importMeta: meta.some((use) => use === '__speclImportMeta') };
  return undefined;
}

/**
 * esbuild's CommonJS gives each export a getter (`__export`), and `__toCommonJS` copies them onto
 * `module.exports` as getters again, before the chunk runs: two closures, two accessors and a
 * descriptor per export at every start (the language chunk has hundreds), and a getter call at
 * every read of an import from another script. A script's exports are read only once it has run
 * and are not assigned again (reassignedExports), as for the stand-in's copy: so the script sets
 * `module.exports` last, to a plain object of its exports' values. Returns undefined when the code
 * does not have the shape expected (an export block, its copy, the closing annotation).
 */
function plainExports(code) {
  const block =
    /^var stdin_exports = \{\};\n__export\(stdin_exports, \{\n([^]*?)\n\}\);\nmodule\.exports = __toCommonJS\(stdin_exports\);\n/m;
  const found = block.exec(code);
  if (found === null) return code.includes('stdin_exports') ? undefined : code;
  const pairs = found[1].split('\n').map((line) => /^ {2}([\w$]+): \(\) => ([\w$]+),?$/.exec(line));
  if (pairs.some((pair) => pair === null)) return undefined;
  const annotation = /\n0 && \(module\.exports = \{[^]*\}\);\n?$/;
  if (!annotation.test(code)) return undefined;
  const properties = pairs.map(([, name, local]) =>
    name === local ? `  ${name}` : `  ${name}: ${local}`,
  );
  const body = code.slice(0, found.index) + code.slice(found.index + found[0].length);
  return body.replace(annotation, `\nmodule.exports = {\n${properties.join(',\n')}\n};\n`);
}

/**
 * Writes the module that stands in for each converted chunk. A script requires the chunks it
 * imports: one that is a script too, and does not read `import.meta`, is loaded as a script by
 * cached-script.mjs (and so are the scripts it requires); any other is an ES module, which the
 * stand-in imports and hands to the script.
 */
function writeStandIns(outdir, converted, chunks) {
  for (const chunk of converted) {
    const modules = moduleImports(chunk, chunks);
    writeFileSync(
      join(outdir, `${chunk.name}.mjs`),
      reexportingModule(chunk.name, modules, chunk.exports),
    );
  }
}

/**
 * Writes scripts.json, which tells cached-script.cjs what `import()` of a chunk loads: each chunk
 * a script requires and imports as a script (and the entry), with the ES modules it requires
 * (moduleImports); a chunk that is not there is imported as an ES module.
 */
function writeManifest(outdir, scripts, chunks) {
  const manifest = {};
  for (const chunk of scripts) {
    if (loadsAsScript(chunk)) manifest[chunk.name] = moduleImports(chunk, chunks);
  }
  writeFileSync(join(outdir, 'scripts.json'), `${JSON.stringify(manifest)}\n`);
}

/** Whether `chunk` is loaded as a script when another script requires it. */
const loadsAsScript = (chunk) => chunk?.script !== undefined && !chunk.script.importMeta;

/**
 * The ES modules a chunk's script requires, itself or through the scripts it loads: each chunk
 * reached through scripts only that is not loaded as a script, in the order they are first
 * reached.
 */
function moduleImports(chunk, chunks) {
  const modules = [];
  const seen = new Set([chunk.name]);
  const visit = (name) => {
    for (const dep of chunks.get(name)?.imports ?? []) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      if (loadsAsScript(chunks.get(dep))) visit(dep);
      else modules.push(dep);
    }
  };
  visit(chunk.name);
  return modules;
}

/** The ES module that stands in for the chunk: the script's exports, read once it has run. */
function reexportingModule(name, modules, exports) {
  const lines = [
    `// ${name}.cjs, loaded with its V8 code cache (scripts/bundle/code-cache.mjs).`,
    "import { loadCachedScript } from './cached-script.mjs';",
    ...modules.map((dep, i) => `import * as chunk${i} from './${dep}.mjs';`),
    `const script = loadCachedScript(new URL('./${name}.cjs', import.meta.url), {`,
    ...modules.map((dep, i) => `  './${dep}.mjs': chunk${i},`),
    '}, import.meta);',
    `export const { ${exports.join(', ')} } = script;`,
    '',
  ];
  return lines.join('\n');
}

/**
 * The re-exporting module copies each export once, after the script ran: an ES module's live
 * binding that the chunk assigns again later would go stale. esbuild keeps the chunk's top-level
 * names unique and indents everything nested, so an exported name assigned anywhere but in its
 * top-level initialiser or a top-level TypeScript namespace (`})(X || (X = {}));`), both of which
 * run before the copy, keeps the chunk as esbuild wrote it: so does a nested local of the same
 * name, which makes this cautious, except a class field (`  x = ...` in a top-level class).
 * So does an export list this does not read as expected.
 */
function reassignedExports(body, exports) {
  const exportBlock = body.slice(body.lastIndexOf('\nexport {'));
  const locals = [...exportBlock.matchAll(/^\s+([\w$]+)(?: as [\w$]+)?,?$/gm)].map((m) => m[1]);
  if (locals.length !== exports.length) return ['the export list'];
  return locals.filter((local) => {
    const name = local.replace(/\$/g, '\\$');
    const assignment = new RegExp(
      `(?<![\\w$.])${name}\\s*(?:(?:[-+*/%&|^]|\\*\\*|<<|>>>?|&&|\\|\\||\\?\\?)?=(?!=)|\\+\\+|--)|(?:\\+\\+|--)${name}(?![\\w$])`,
      'g',
    );
    const initialiser = new RegExp(
      `^(?:var|let|const) ${name} =|^\\}\\)\\(${name} \\|\\| \\(${name} = \\{\\}\\)\\);$`,
    );
    return [...body.matchAll(assignment)].some((match) => {
      const lineStart = body.lastIndexOf('\n', match.index) + 1;
      const line = body.slice(lineStart, body.indexOf('\n', match.index));
      if (initialiser.test(line)) return false;
      return !(line.startsWith(`  ${local} = `) && inTopLevelClass(body, lineStart));
    });
  });
}

/** Whether the top-level statement around `lineStart` declares a class. */
function inTopLevelClass(body, lineStart) {
  let start = lineStart;
  while (start > 0) {
    start = body.lastIndexOf('\n', start - 2) + 1;
    if (!/\s/.test(body[start])) {
      const top = body.slice(start, body.indexOf('\n', start));
      return /^(?:var [\w$]+ = )?class\b/.test(top);
    }
  }
  return false;
}

/** Whether the chunk can reach itself through static imports. */
function inCycle(start, chunks) {
  const seen = new Set();
  const stack = [...(chunks.get(start)?.imports ?? [])];
  while (stack.length > 0) {
    const name = stack.pop();
    if (name === start) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...(chunks.get(name)?.imports ?? []));
  }
  return false;
}
