import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { EmittedFile } from '@specl/compiler';
import { CliError } from '../cli-error.js';
import type { FileToWrite } from '../write-file-set.js';
import { makeFolder, sweepStaleTempFiles, writeFileSet } from '../write-file-set.js';
import { MANIFEST_NAME, manifestText, readManifest, wroteIt } from './output-manifest.js';
import { inspectOutputFile } from './output-file-state.js';

/** What writing (or checking) the outputs found, by file (paths as given to the user). */
export interface OutputsOutcome {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  /** With `check`: files that are missing or differ from what would be written. */
  readonly stale: readonly string[];
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes emitted files under `outDir` as one set (see {@link writeFileSet}), leaving files that
 * already hold the same text untouched, with the manifest that records what specl wrote; or,
 * with `check`, writes nothing and lists what differs. Refuses to replace a file that the
 * manifest does not list with its current content (a user's file, or one edited since) unless
 * `force`, so a mistyped `--out` loses nothing.
 */
export function writeOutputs(
  files: readonly EmittedFile[],
  outDir: string,
  shown: (path: string) => string,
  options: { check: boolean; force: boolean },
): OutputsOutcome {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new CliError(`\`${shown(outDir)}\` is a file, not a folder; choose another --out`);
  }
  const written: string[] = [];
  const unchanged: string[] = [];
  const stale: string[] = [];
  const manifest = readManifest(outDir);
  const plans = files.map((file) => {
    const path = join(outDir, file.path);
    return { file, path, ...inspectOutputFile(path, file) };
  });
  for (const plan of plans) {
    if (plan.state === 'not-a-file') {
      throw new CliError(
        `\`${shown(plan.path)}\` is not a file specl can replace; move it or choose another --out`,
      );
    }
    if (plan.state === 'same') unchanged.push(shown(plan.path));
    else if (options.check) stale.push(shown(plan.path));
    else if (
      plan.state === 'different' &&
      !options.force &&
      !wroteIt(manifest, plan.file.path, plan.path)
    ) {
      throw new CliError(
        `\`${shown(plan.path)}\` exists and was not written by specl (or was changed since); move it, choose another --out, or pass --force`,
      );
    }
  }
  if (options.check) return { written, unchanged, stale };
  makeFolder(outDir, shown(outDir));
  sweepStaleTempFiles(outDir);
  const toWrite: FileToWrite[] = plans
    .filter((plan) => plan.state !== 'same')
    .map(({ file, path }) => ({
      path,
      // Read only for an output that comes whole: a large one is written from its pieces.
      get content() {
        return file.content;
      },
      ...(file.pieces && { pieces: file.pieces }),
      shown: shown(path),
    }));
  // The manifest keeps what it listed of files still there, and lists this compilation's.
  const listed = Object.entries(manifest.files).filter(([name]) => existsSync(join(outDir, name)));
  const hashes = Object.fromEntries([
    ...listed,
    ...plans.map((plan) => [plan.file.path, plan.hash]),
  ]);
  const manifestPath = join(outDir, MANIFEST_NAME);
  const newManifest = manifestText(hashes);
  if (readIfPresent(manifestPath) !== newManifest) {
    toWrite.push({ path: manifestPath, content: newManifest, shown: shown(manifestPath) });
  }
  writeFileSet(toWrite);
  for (const plan of plans) if (plan.state !== 'same') written.push(shown(plan.path));
  return { written, unchanged, stale };
}

/** Shows paths relative to a folder when inside it (with `/`), else as they are. */
export function pathShower(cwd: string): (path: string) => string {
  return (path) => {
    const rel = relative(cwd, path).split('\\').join('/');
    return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
  };
}
