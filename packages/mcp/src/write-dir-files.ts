import type { PendingWrite } from '@specl/agent';
import { Refused } from './workspace.js';
import type { Workspace } from './workspace.js';

/** A file to write under the write folder: its path relative to that folder, and its text. */
export interface FileToWrite {
  readonly path: string;
  readonly content: string;
}

/** What a set of writes did, by path relative to the write folder. */
export interface WriteOutcome {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
}

const MAX_FILES = 100;

/**
 * Writes files under the folder given at start with `--write-dir`, and nowhere else: each path
 * must stay inside it; every folder on the way is opened without following links and each
 * file lands by rename in the folder it was checked in (the agent's no-follow writes). A file
 * that exists with other content is left alone unless `overwrite`. All files are staged
 * first and renamed into place only when every one of them could be: a refusal writes nothing.
 */
export async function writeUnderWriteDir(
  workspace: Workspace,
  files: readonly FileToWrite[],
  overwrite: boolean,
): Promise<WriteOutcome> {
  const root = workspace.writeDir;
  if (root === undefined)
    throw new Refused(
      'this server is read-only: it writes files only when started with `--write-dir <folder>`; leave out the output path to get the content in the answer',
    );
  if (files.length > MAX_FILES) throw new Refused(`at most ${MAX_FILES} files are written at once`);
  for (const file of files) {
    const segments = file.path.split(/[\\/]/);
    if (
      file.path.startsWith('/') ||
      /^[a-zA-Z]:/.test(file.path) ||
      segments.includes('..') ||
      file.path.includes('\0')
    )
      throw new Refused(
        `\`${file.path}\` is not a path inside the write folder; give one relative to it, without \`..\``,
      );
    if (segments.some((segment) => ['.git', 'node_modules'].includes(segment.toLowerCase())))
      throw new Refused(
        `\`${file.path}\` is inside .git or node_modules; the server never writes there`,
      );
  }
  const { prepareWrite, readInside } = await import('@specl/agent');
  const unchanged: string[] = [];
  const toWrite: FileToWrite[] = [];
  for (const file of files) {
    const before = readInside(root, file.path);
    if (before === file.content) unchanged.push(file.path);
    else if (before !== null && !overwrite)
      throw new Refused(
        `\`${file.path}\` exists in the write folder with other content; nothing was written. Pass overwrite: true to replace it`,
      );
    else toWrite.push(file);
  }
  const pending: PendingWrite[] = [];
  try {
    for (const file of toWrite) pending.push(prepareWrite(root, file.path, file.content));
  } catch (error) {
    for (const write of pending) write.abort();
    throw new Refused(`nothing was written: ${(error as Error).message}`);
  }
  for (const write of pending) write.commit();
  return { written: toWrite.map((file) => file.path), unchanged };
}
