// Copied into cli/dist/bundle by scripts/bundle-cli.mjs. Loads the bundle chunks that the build
// turned into CommonJS-style scripts (scripts/bundle/code-cache.mjs) through `vm.Script`, with
// the V8 code cache the build made for each: Node 20 compiles ES modules without any cache, and
// compiling the 1.4 MB language chunk (plus the functions a check compiles lazily) was a third of
// a one-endpoint `specl check`. This file is CommonJS, and so is the `specl` command
// (cli/bin/specl.js), which runs the CLI's entry as a script (runEntry): a command whose chunks
// are all scripts never starts Node's ES module loader (14 million instructions at least).
//
// The cache is trusted no further than this: it is read only from beside the script (the folder
// the user installed, written by the build, never at run time), and only if it belongs to the
// script's owner and no one else may write it (whoever can change it can change the script
// itself); it starts with the CRC-32 of the exact source compiled here and of the V8
// data after it, so a script edited in place or a damaged cache is never handed to V8 (V8 checks
// only the source's length, its own version and its flags, and release builds do not checksum the
// data); and V8 rejects what does not fit its version or flags. Whatever is missing, damaged or
// rejected, the script is compiled from its source as if there were no cache: the program behaves
// the same either way, only slower. (CRC-32, not SHA-256: loading node:crypto costs a check
// 8 ms, zlib's CRC-32 about 2; this guards against accidents, not an attacker, see above.)
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: the point of this file */
const { isAscii } = require('node:buffer');
const { closeSync, fstatSync, openSync, readFileSync, readSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { fileURLToPath, pathToFileURL } = require('node:url');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');

const HEAD =
  '(function (exports, require, module, __filename, __dirname, __speclImportMeta, __speclImport) {';
const TAIL = '\n})';
const HEADER_BYTES = 8;

/**
 * The one buffer every script's source, with HEAD and TAIL around it, and then its cache are read
 * into (see compile), grown to the largest: V8 copies what it keeps of either. It is let go once
 * the scripts loaded together have run (see releaseScratchSoon): a long-lived process (the
 * language server, the proxy) would otherwise hold the largest chunk's size, about 1.5 MB, for
 * nothing.
 */
let scratch = Buffer.alloc(0);

/** Whether a release of the scratch buffer is already scheduled. */
let releaseScheduled = false;

/**
 * Lets the scratch buffer go at the next turn of the event loop: the scripts required at start
 * (or together later) all load in one turn and share the buffer, and a script loaded later
 * reads into a new one.
 */
function releaseScratchSoon() {
  if (releaseScheduled) return;
  releaseScheduled = true;
  setImmediate(() => {
    scratch = Buffer.alloc(0);
    releaseScheduled = false;
  }).unref();
}

/** @type {{ filename: string, script: Script, sourceCrc: number, cache: string }[]} */
const loaded = [];

/** Each script compiled so far, by its file. */
const scriptOf = new Map();

/** The exports of each script run so far, by its file. */
const exportsOf = new Map();

/** A bundle chunk's specifier, as a script requires it: `./chunk-X.mjs`. */
const CHUNK = /^\.\/chunk-[A-Z0-9]+\.mjs$/;

/** The file scripts.json, written by the build: see chunkImports. */
const MANIFEST = join(__dirname, 'scripts.json');

/** @type {Record<string, string[]> | undefined} */
let manifest;

/**
 * Runs the script `url` once and returns its exports (the same object at every call): the module
 * standing in for a chunk (chunk-X.mjs beside its chunk-X.cjs) calls this. `imports` maps the
 * specifiers of the ES modules it requires, itself or through the scripts it loads (other bundle
 * chunks), to their namespaces; any other chunk it requires is a script of its own,
 * `chunk-X.cjs` beside it, loaded the same way; anything else goes to Node's require from the
 * script's folder (Node's own modules). `importMeta` is what the chunk reads as `import.meta`:
 * that of the module standing in its place, at the chunk's own path.
 */
function loadCachedScript(url, imports, importMeta) {
  return load(fileURLToPath(url), imports, importMeta);
}

/**
 * What `import('./chunk-X.mjs')` gives in a bundle chunk (scripts call this instead, as
 * `__speclImport`): the chunk's script, once the ES modules it requires are imported, or the
 * chunk's ES module if it is not a script (scripts.json says which are).
 */
async function importChunk(specifier) {
  const name = specifier.slice(2, -4);
  const modules = chunkImports(name);
  if (modules === undefined) return import(pathToFileURL(join(__dirname, specifier)).href);
  return load(join(__dirname, `${name}.cjs`), await importModules(modules), undefined);
}

/**
 * Runs the bundle's entry `name` (`cli`: `cli.cjs`, the script the build made of cli.mjs) and
 * returns its exports. Unlike a chunk, an entry is a program: it runs at every call (the build
 * runs two commands in one process to make the caches), compiled once.
 */
async function runEntry(name) {
  const modules = chunkImports(name);
  if (modules === undefined) throw new Error(`${name} is not a script of this bundle`);
  return run(join(__dirname, `${name}.cjs`), await importModules(modules), undefined);
}

/**
 * The ES modules the script of chunk `name` requires, itself or through the scripts it loads, or
 * undefined if the chunk is no script. scripts.json (written by the build) lists every chunk
 * that loads as a script with these modules, usually none.
 */
function chunkImports(name) {
  manifest ??= JSON.parse(readFileSync(MANIFEST, 'utf8'));
  return Object.hasOwn(manifest, name) ? manifest[name] : undefined;
}

/** The namespaces of the bundle's ES modules `names`, by the specifier a script requires. */
async function importModules(names) {
  const imports = {};
  for (const name of names) {
    imports[`./${name}.mjs`] = await import(pathToFileURL(join(__dirname, `${name}.mjs`)).href);
  }
  return imports;
}

function load(filename, imports, importMeta) {
  const known = exportsOf.get(filename);
  if (known !== undefined) return known;
  const exports = run(filename, imports, importMeta);
  exportsOf.set(filename, exports);
  return exports;
}

function run(filename, imports, importMeta) {
  const script = compile(filename);
  const folder = dirname(filename);
  let nodeRequire;
  const require = (id) => {
    if (Object.hasOwn(imports, id)) return imports[id];
    if (CHUNK.test(id)) return load(join(folder, `${id.slice(2, -4)}.cjs`), imports, undefined);
    nodeRequire ??= createRequire(filename);
    return nodeRequire(id);
  };
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(
      module.exports,
      module.exports,
      require,
      module,
      filename,
      folder,
      importMeta ?? new ScriptMeta(filename),
      importChunk,
    );
  return module.exports;
}

/**
 * `import.meta` of a script loaded without the module standing in for it: only `url` (the build
 * lets no script that reads more be loaded so).
 */
class ScriptMeta {
  #filename;
  constructor(filename) {
    this.#filename = filename;
  }
  get url() {
    return pathToFileURL(this.#filename).href;
  }
}

/**
 * The script in `filename`, compiled with its cache if it has a good one (once per file). The
 * source is read between HEAD and TAIL in the scratch buffer and made one string from there, and
 * the cache is read into the same buffer after it: a bundle's scripts are ASCII (esbuild escapes
 * the rest), and an ASCII text that large becomes a string outside V8's heap with one copy, where
 * decoding it as UTF-8 and joining it to HEAD and TAIL made three (each new memory's pages are a
 * cost of their own). A script that is not ASCII is decoded as UTF-8, as before.
 */
function compile(filename) {
  const known = scriptOf.get(filename);
  if (known !== undefined) return known;
  const { text, start, end, stat } = readWrapped(filename);
  const sourceCrc = crc32(text.subarray(start, end));
  const source = isAscii(text) ? text.latin1Slice(0, text.length) : text.utf8Slice(0, text.length);
  const cachedData = readCache(`${filename}.cache`, sourceCrc, stat);
  const script = new Script(source, { filename, cachedData });
  const cache =
    cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  loaded.push({ filename, script, sourceCrc, cache });
  scriptOf.set(filename, script);
  return script;
}

/**
 * HEAD, the file's bytes and TAIL, in the scratch buffer (`text`, the file's bytes from `start`
 * to `end`), and the file's stat.
 */
function readWrapped(filename) {
  const fd = openSync(filename, 'r');
  try {
    const stat = fstatSync(fd);
    const start = HEAD.length;
    const end = start + readInto(fd, stat.size, start, TAIL.length);
    scratch.latin1Write(HEAD, 0);
    scratch.latin1Write(TAIL, end);
    return { text: scratch.subarray(0, end + TAIL.length), start, end, stat };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the `size` bytes of `fd` (fewer if it ends first) into the scratch buffer at `offset`,
 * with room for `after` more bytes after them; returns how many it read.
 */
function readInto(fd, size, offset, after) {
  if (scratch.length < offset + size + after) {
    scratch = Buffer.allocUnsafeSlow(offset + size + after);
  }
  releaseScratchSoon();
  let read = 0;
  while (read < size) {
    const bytes = readSync(fd, scratch, offset + read, size - read, null);
    if (bytes === 0) break;
    read += bytes;
  }
  return read;
}

/**
 * The cache's V8 data if the file holds a cache made for exactly this source, else undefined.
 * Where files have owners (not on Windows), the cache must be a file of the script's owner that
 * no one else may write: a cache is code, and only who may change the script may give it one.
 */
function readCache(path, sourceCrc, scriptStat) {
  let fd;
  let bytes;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    if (
      process.platform !== 'win32' &&
      (stat.uid !== scriptStat.uid || (stat.mode & 0o022) !== 0)
    ) {
      return undefined;
    }
    const length = readInto(fd, stat.size, 0, 0); // may replace scratch with a larger buffer
    bytes = scratch.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.length <= HEADER_BYTES || bytes.readUInt32LE(0) !== sourceCrc) return undefined;
  const data = bytes.subarray(HEADER_BYTES);
  return bytes.readUInt32LE(4) === crc32(data) ? data : undefined;
}

/** A cache file: the CRC-32 of the script's source file and of the V8 data, then the data. */
function cacheFile(sourceCrc, data) {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(sourceCrc, 0);
  header.writeUInt32LE(crc32(data), 4);
  return Buffer.concat([header, data]);
}

/** The size of the buffer scripts are read into now (0 once it has been let go). */
function readBufferBytes() {
  return scratch.length;
}

/**
 * The scripts loaded so far in this process: their file, whether a cache was used ('accepted'),
 * refused by V8 ('rejected') or absent or not made for this source ('none'), and (for the build,
 * scripts/bundle/make-code-cache.mjs) the bytes of a cache file made from what has run so far.
 */
function loadedScripts() {
  return loaded.map(({ filename, script, sourceCrc, cache }) => ({
    filename,
    cache,
    cacheFile: () => cacheFile(sourceCrc, script.createCachedData()),
  }));
}

exports.loadCachedScript = loadCachedScript;
exports.importChunk = importChunk;
exports.runEntry = runEntry;
exports.loadedScripts = loadedScripts;
exports.readBufferBytes = readBufferBytes;
