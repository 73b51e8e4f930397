import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SpecDiagnostic } from '@specl/language';
import type { ReadSpecFile } from '@specl/language/node';
import { languageCodeFolder } from '@specl/language/node';
import type { SpecIR } from '../ir/spec-ir.js';
import { withNullObjects } from './ir-transport.js';

/**
 * A persistent cache of lowered specs (`specl diff --cache`: `.specl/cache` in the working
 * folder). An entry is keyed by the root's path and text and the toolchain's stamp (every
 * file of the compiler's and language's code, and Node's version), and holds the path and
 * SHA-256 of every file the build read: it is used only when each of them still reads the
 * same. An entry is input from disk: one that does not parse, has another stamp or format,
 * or whose IR does not match its own hash is ignored (and written again after the build).
 */
export interface SpecCache {
  /** The lowered spec of a root, when an entry holds it and every file it read is unchanged. */
  lookup(root: string, read: ReadSpecFile): Promise<CachedSpec | undefined>;
  /**
   * Stores a lowered spec (atomically: a temporary file renamed into place), given its IR as
   * JSON (which must carry it whole) and its objects without a prototype (see `inspectIR`).
   */
  store(root: string, spec: CachedSpec, ir: JsonIR): Promise<void>;
}

/** What an entry holds: the IR, the diagnostics (warnings) and the files read, hashed. */
export interface CachedSpec {
  readonly ir: SpecIR;
  readonly diagnostics: readonly SpecDiagnostic[];
  /** Every file the build read, by absolute path, with the SHA-256 of its text. */
  readonly files: readonly (readonly [string, string])[];
}

/** An IR as JSON, with the objects JSON gives a prototype they did not have (see `packIR`). */
export interface JsonIR {
  readonly text: string;
  readonly nullObjects: readonly number[];
}

const FORMAT = 'specl-ir-cache/1';
/** Entries larger than this are not read (an N = 5,000 spec's is about 20 MB). */
const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

interface EntryHeader {
  readonly format: string;
  readonly stamp: string;
  readonly root: string;
  readonly files: readonly (readonly [string, string])[];
  readonly diagnostics: readonly SpecDiagnostic[];
  readonly irSha256: string;
  readonly nullObjects: readonly number[];
}

/** The SHA-256 of a text, in hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A reader that also keeps the hash of every text it read (see {@link CachedSpec.files}). */
export function recordingReader(read: ReadSpecFile): {
  read: ReadSpecFile;
  files: () => [string, string][];
} {
  const seen = new Map<string, string>();
  return {
    read: async (path) => {
      const text = await read(path);
      if (text !== undefined) seen.set(path, sha256(text));
      return text;
    },
    files: () => [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

/** The cache in `folder` (created when first written to). */
export function specCache(folder: string): SpecCache {
  const entryPath = async (root: string, rootText: string) =>
    join(folder, `${sha256(`${await toolchainStamp()}\n${root}\n${sha256(rootText)}`)}.json`);
  return {
    async lookup(root, read) {
      const rootText = await read(root);
      if (rootText === undefined) return undefined;
      const text = await readBounded(await entryPath(root, rootText));
      if (text === undefined) return undefined;
      return parseEntry(text, root, await toolchainStamp(), read);
    },
    async store(root, spec, ir) {
      const rootHash = spec.files.find(([path]) => path === root)?.[1];
      if (rootHash === undefined) return;
      const header: EntryHeader = {
        format: FORMAT,
        stamp: await toolchainStamp(),
        root,
        files: spec.files,
        diagnostics: spec.diagnostics,
        irSha256: sha256(ir.text),
        nullObjects: ir.nullObjects,
      };
      const key = sha256(`${header.stamp}\n${root}\n${rootHash}`);
      await mkdir(folder, { recursive: true });
      const target = join(folder, `${key}.json`);
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, `${JSON.stringify(header)}\n${ir.text}`);
        await rename(temporary, target);
      } catch {
        // A cache that cannot be written only makes the next run slower.
        await rm(temporary, { force: true });
      }
    },
  };
}

async function readBounded(path: string): Promise<string | undefined> {
  try {
    const handle = await open(path, 'r');
    try {
      if ((await handle.stat()).size > MAX_ENTRY_BYTES) return undefined;
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

async function parseEntry(
  text: string,
  root: string,
  stamp: string,
  read: ReadSpecFile,
): Promise<CachedSpec | undefined> {
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  let header: EntryHeader;
  let ir: SpecIR;
  try {
    header = JSON.parse(text.slice(0, newline)) as EntryHeader;
    if (!isHeader(header) || header.format !== FORMAT) return undefined;
    if (header.stamp !== stamp || header.root !== root) return undefined;
    const irJson = text.slice(newline + 1);
    if (sha256(irJson) !== header.irSha256) return undefined;
    ir = withNullObjects(JSON.parse(irJson) as SpecIR, header.nullObjects);
  } catch {
    return undefined;
  }
  if (!isIr(ir)) return undefined;
  for (const [path, hash] of header.files) {
    const now = await read(path);
    if (now === undefined || sha256(now) !== hash) return undefined;
  }
  return { ir, diagnostics: header.diagnostics, files: header.files };
}

function isHeader(value: unknown): value is EntryHeader {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  return (
    typeof header.format === 'string' &&
    typeof header.stamp === 'string' &&
    typeof header.root === 'string' &&
    typeof header.irSha256 === 'string' &&
    Array.isArray(header.diagnostics) &&
    Array.isArray(header.nullObjects) &&
    header.nullObjects.every((n: unknown) => Number.isSafeInteger(n)) &&
    Array.isArray(header.files) &&
    header.files.every(
      (file: unknown) =>
        Array.isArray(file) &&
        file.length === 2 &&
        typeof file[0] === 'string' &&
        typeof file[1] === 'string',
    )
  );
}

function isIr(value: unknown): value is SpecIR {
  if (typeof value !== 'object' || value === null) return false;
  const ir = value as Record<string, unknown>;
  return (
    typeof ir.name === 'string' &&
    typeof ir.fingerprint === 'string' &&
    Array.isArray(ir.types) &&
    Array.isArray(ir.endpoints)
  );
}

let stamp: Promise<string> | undefined;

/**
 * The toolchain's stamp: Node's and V8's versions and the SHA-256 of every file that carries
 * code of the checker and lowerer (the CLI's bundle, or the compiler's and language's builds),
 * so any change to the toolchain, its grammar included, makes every entry foreign.
 */
export function toolchainStamp(): Promise<string> {
  stamp ??= computeStamp();
  return stamp;
}

async function computeStamp(): Promise<string> {
  const here = dirname(fileURLToPath(import.meta.url));
  // Bundled, the two are the bundle's folder: its files are hashed once.
  const folders = new Set([here.endsWith('pipeline') ? dirname(here) : here, languageCodeFolder]);
  return codeDigest(`${process.version} ${process.versions.v8}\n`, folders);
}

/**
 * The extensions of the files that carry code: ES modules and scripts (`.js`, `.mjs`, `.cjs`:
 * the bundle runs its chunks as `.cjs` scripts) and JSON (the bundle's `scripts.json` says
 * which chunks are scripts). V8's code caches (`.cache`) are made from these and not hashed.
 */
export const codeExtensions: readonly string[] = ['.js', '.mjs', '.cjs', '.json'];

/**
 * The SHA-256 of `prefix` and of the relative path and bytes of every file with a code
 * extension under the folders (recursively, in sorted order within each folder).
 */
export async function codeDigest(prefix: string, folders: Iterable<string>): Promise<string> {
  const hash = createHash('sha256').update(prefix);
  for (const folder of folders) {
    for (const file of await codeFiles(folder)) {
      hash.update(`${relative(folder, file)}\n`).update(await readFile(file));
    }
  }
  return hash.digest('hex');
}

async function codeFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && codeExtensions.includes(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
