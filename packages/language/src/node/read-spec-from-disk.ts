import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** The largest spec file read (64 MiB): a bigger one is not a spec someone wrote. */
export const MAX_SPEC_BYTES = 64 * 1024 * 1024;

/**
 * Reads a spec file from disk as UTF-8, or answers undefined when it cannot be read or is not a
 * regular file. The file is opened without blocking and checked before it is read, so a FIFO,
 * a device or a socket that an `import` names is refused at once instead of waiting for a
 * writer that never comes; a file over {@link MAX_SPEC_BYTES} is refused too.
 */
export async function readSpecFromDisk(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size > MAX_SPEC_BYTES) return undefined;
    return await handle.readFile('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}
