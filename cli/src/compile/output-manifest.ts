import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forEachFileChunk } from './output-file-state.js';

/** The file in an output folder that says what specl wrote there. */
export const MANIFEST_NAME = '.specl-outputs.json';

/**
 * What specl wrote in an output folder: each file's name and the sha256 of the content it
 * wrote. A file is specl's to replace only when it is listed and still holds that content;
 * anything else (a user's file, or one edited since) needs `--force`.
 */
export interface OutputManifest {
  readonly files: Readonly<Record<string, string>>;
}

/** The hash of a file's bytes as a manifest records it; undefined when it cannot be read. */
export function fileHash(path: string): string | undefined {
  const hash = createHash('sha256');
  return forEachFileChunk(path, (chunk) => hash.update(chunk))
    ? `sha256:${hash.digest('hex')}`
    : undefined;
}

/** The manifest of an output folder; an empty one when it has none or it cannot be read. */
export function readManifest(outDir: string): OutputManifest {
  try {
    const parsed = JSON.parse(readFileSync(join(outDir, MANIFEST_NAME), 'utf8')) as unknown;
    const files = (parsed as { files?: unknown }).files;
    if (typeof files !== 'object' || files === null || Array.isArray(files)) return { files: {} };
    const entries = Object.entries(files).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    return { files: Object.fromEntries(entries) };
  } catch {
    return { files: {} };
  }
}

/**
 * Whether specl wrote the file at `path` under this name (and nobody changed it since): the
 * manifest lists it with the hash of its bytes.
 */
export function wroteIt(manifest: OutputManifest, name: string, path: string): boolean {
  return Object.hasOwn(manifest.files, name) && manifest.files[name] === fileHash(path);
}

/** The text of a manifest listing these files (sorted by name: the same files, the same text). */
export function manifestText(files: Readonly<Record<string, string>>): string {
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ generatedBy: 'specl', files: sorted }, null, 2)}\n`;
}
