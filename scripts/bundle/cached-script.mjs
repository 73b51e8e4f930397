// Copied into cli/dist/bundle by scripts/bundle-cli.mjs. Loads a bundle chunk that the build
// turned into a CommonJS-style script (scripts/bundle/code-cache.mjs) through `vm.Script`, with
// the V8 code cache the build made for it: Node 20 compiles ES modules without any cache, and
// compiling the 1.4 MB language chunk (plus the functions a check compiles lazily) was a third of
// a one-endpoint `specl check`.
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
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

const HEAD = '(function (exports, require, module, __filename, __dirname, __speclImportMeta) {';
const TAIL = '\n})';
const HEADER_BYTES = 8;

/** @type {{ filename: string, script: Script, sourceCrc: number, cache: string }[]} */
const loaded = [];

/** The exports of each script run so far, by its file. */
const exportsOf = new Map();

/** A bundle chunk's specifier, as a script requires it: `./chunk-X.mjs`. */
const CHUNK = /^\.\/chunk-[A-Z0-9]+\.mjs$/;

/**
 * Runs the script `url` once and returns its exports (the same object at every call). `imports`
 * maps the specifiers of the ES modules it requires, itself or through the scripts it loads
 * (other bundle chunks), to their namespaces; any other chunk it requires is a script of its own,
 * `chunk-X.cjs` beside it, loaded the same way; anything else goes to Node's require from the
 * script's folder (Node's own modules). `importMeta` is what the chunk read as `import.meta`:
 * that of the module standing in its place, at the chunk's own path (a script loaded by another
 * does not read it: scripts/bundle/code-cache.mjs).
 */
export function loadCachedScript(url, imports, importMeta) {
  return load(fileURLToPath(url), imports, importMeta);
}

function load(filename, imports, importMeta) {
  const known = exportsOf.get(filename);
  if (known !== undefined) return known;
  const bytes = readFileSync(filename);
  const sourceCrc = crc32(bytes);
  const source = HEAD + bytes.toString('utf8') + TAIL;
  const cachedData = readCache(`${filename}.cache`, sourceCrc, statSync(filename));
  const script = new Script(source, { filename, cachedData });
  const cache =
    cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  loaded.push({ filename, script, sourceCrc, cache });
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
    .call(module.exports, module.exports, require, module, filename, folder, importMeta);
  exportsOf.set(filename, module.exports);
  return module.exports;
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
    bytes = readFileSync(fd);
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

/**
 * The scripts loaded so far in this process: their file, whether a cache was used ('accepted'),
 * refused by V8 ('rejected') or absent or not made for this source ('none'), and (for the build,
 * scripts/bundle/make-code-cache.mjs) the bytes of a cache file made from what has run so far.
 */
export function loadedScripts() {
  return loaded.map(({ filename, script, sourceCrc, cache }) => ({
    filename,
    cache,
    cacheFile: () => cacheFile(sourceCrc, script.createCachedData()),
  }));
}
