import { close, constants, fstat, open, readFile } from 'node:fs';
import { promisify } from 'node:util';

/** The largest spec file read (64 MiB): a bigger one is not a spec someone wrote. */
export const MAX_SPEC_BYTES = 64 * 1024 * 1024;

// node:fs's callback functions, not node:fs/promises: loading that module (and the readline,
// watcher and stream modules it brings) cost every `specl check` 4.8 million instructions.
const openFile = promisify(open);
const statFile = promisify(fstat);
const readOpenFile = promisify(readFile);
const closeFile = promisify(close);

/**
 * Reads a spec file from disk as UTF-8, or answers undefined when it cannot be read or is not a
 * regular file. The file is opened without blocking and checked before it is read, so a FIFO,
 * a device or a socket that an `import` names is refused at once instead of waiting for a
 * writer that never comes; a file over {@link MAX_SPEC_BYTES} is refused too.
 */
export async function readSpecFromDisk(path: string): Promise<string | undefined> {
  let fd: number | undefined;
  try {
    fd = await openFile(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await statFile(fd);
    if (!stats.isFile() || stats.size > MAX_SPEC_BYTES) return undefined;
    return await readOpenFile(fd, 'utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) await closeFile(fd);
  }
}
