import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A write that would leave the checked root, or meets a symlink where a folder should be. */
export class RedirectedWrite extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedirectedWrite';
  }
}

/** A folder as it was checked: its real path and identity, so a swap of it is noticed. */
export interface CheckedRoot {
  readonly real: string;
  readonly dev: number;
  readonly ino: number;
}

/** Checks `folder` once: its real path, device and inode. */
export function checkRoot(folder: string): CheckedRoot {
  const real = realpathSync(folder);
  const stat = statSync(real);
  return { real, dev: stat.dev, ino: stat.ino };
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const DIRECTORY = constants.O_DIRECTORY ?? 0;
/** Linux names an open folder by `/proc/self/fd/<fd>`: a path that cannot be swapped under us. */
const BY_DESCRIPTOR = process.platform === 'linux' && existsSync('/proc/self/fd');

const segmentsOf = (relative: string) => relative.split('/').filter((part) => part !== '');

/**
 * An open folder inside a checked root, reached without following any link: on Linux each
 * component is opened with `O_NOFOLLOW` relative to the folder before it (through
 * `/proc/self/fd`), so a component swapped for a symlink at any moment is refused, never
 * followed; elsewhere each component is checked with `lstat` and the folder's real path is
 * compared with the root's after opening.
 */
class OpenFolder {
  private constructor(
    private readonly fd: number,
    /** The folder's path inside the root, for messages and the non-Linux re-check. */
    private readonly lexical: string,
  ) {}

  /** Opens (creating folders when `create`) the folder `relative` inside `root`. */
  static open(root: CheckedRoot, relative: string, create: boolean): OpenFolder {
    let fd: number;
    try {
      fd = openSync(root.real, constants.O_RDONLY | DIRECTORY | NOFOLLOW);
    } catch {
      throw new RedirectedWrite(`${root.real} is no longer the folder that was checked`);
    }
    const rootStat = fstatSync(fd);
    if (rootStat.dev !== root.dev || rootStat.ino !== root.ino) {
      closeSync(fd);
      throw new RedirectedWrite(`${root.real} was replaced since it was checked`);
    }
    let lexical = root.real;
    try {
      for (const segment of segmentsOf(relative)) {
        const path = BY_DESCRIPTOR ? `/proc/self/fd/${fd}/${segment}` : join(lexical, segment);
        lexical = join(lexical, segment);
        const found = lstatSync(path, { throwIfNoEntry: false });
        if (found === undefined && create) mkdirSync(path);
        else if (found?.isSymbolicLink())
          throw new RedirectedWrite(`${lexical} is a symlink now; nothing is written through it`);
        let next: number;
        try {
          next = openSync(path, constants.O_RDONLY | DIRECTORY | NOFOLLOW);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ELOOP' || code === 'ENOTDIR')
            throw new RedirectedWrite(`${lexical} is not a folder (or is a symlink) now`);
          throw error;
        }
        closeSync(fd);
        fd = next;
      }
      const folder = new OpenFolder(fd, lexical);
      folder.recheck(root);
      return folder;
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Where a name inside this folder is reached. */
  entry(name: string): string {
    return BY_DESCRIPTOR ? `/proc/self/fd/${this.fd}/${name}` : join(this.lexical, name);
  }

  /** Without `/proc/self/fd`: the folder's real path must still be where it was opened. */
  recheck(root: CheckedRoot): void {
    if (BY_DESCRIPTOR) return;
    const opened = fstatSync(this.fd);
    const now = statSync(this.lexical);
    if (
      realpathSync(this.lexical) !== this.lexical ||
      now.ino !== opened.ino ||
      now.dev !== opened.dev ||
      !this.lexical.startsWith(root.real)
    )
      throw new RedirectedWrite(`${this.lexical} moved while it was written`);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A file written beside its destination, to be renamed into place or thrown away. */
export interface PendingWrite {
  /** Renames the written file over its destination, in the folder opened for it. */
  commit(): void;
  /** Removes the written file. */
  abort(): void;
}

const splitPath = (relative: string) => {
  const segments = segmentsOf(relative);
  const name = segments.pop();
  if (name === undefined || name === '.' || name === '..' || segments.includes('..'))
    throw new RedirectedWrite(`\`${relative}\` is not a file path inside the folder`);
  return { folder: segments.join('/'), name };
};

/**
 * Writes `content` to a temporary file beside `relative` (inside `root`), reaching its folder
 * without following links and creating the file with `O_EXCL | O_NOFOLLOW`; the answer
 * renames it into place. A symlink at the destination is replaced, never followed.
 */
export function prepareWrite(
  root: CheckedRoot,
  relative: string,
  content: string | Uint8Array,
): PendingWrite {
  const { folder: folderPath, name } = splitPath(relative);
  const folder = OpenFolder.open(root, folderPath, true);
  const temp = `.${name}.${randomBytes(6).toString('hex')}.specl-tmp`;
  try {
    const existing = lstatSync(folder.entry(name), { throwIfNoEntry: false });
    if (existing?.isDirectory()) throw new RedirectedWrite(`${relative} is a folder`);
    const fd = openSync(
      folder.entry(temp),
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW,
      existing?.mode !== undefined ? existing.mode & 0o777 : 0o644,
    );
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      for (let done = 0; done < bytes.length;)
        done += writeSync(fd, bytes, done, bytes.length - done);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(folder.entry(temp), { force: true });
    folder.close();
    throw error;
  }
  let settled = false;
  return {
    commit() {
      if (settled) return;
      settled = true;
      try {
        folder.recheck(root);
        renameSync(folder.entry(temp), folder.entry(name));
      } finally {
        rmSync(folder.entry(temp), { force: true });
        folder.close();
      }
    },
    abort() {
      if (settled) return;
      settled = true;
      rmSync(folder.entry(temp), { force: true });
      folder.close();
    },
  };
}

/** Writes a file inside `root` at once; see {@link prepareWrite}. */
export function writeInside(root: CheckedRoot, relative: string, content: string): void {
  prepareWrite(root, relative, content).commit();
}

/**
 * The text of `relative` inside `root`, reached without following any link (a symlink on the
 * way or at the end answers `null`), or `null` when there is no such file.
 */
export function readInside(root: CheckedRoot, relative: string): string | null {
  let folder: OpenFolder;
  let name: string;
  try {
    const split = splitPath(relative);
    name = split.name;
    folder = OpenFolder.open(root, split.folder, false);
  } catch {
    return null;
  }
  try {
    const fd = openSync(folder.entry(name), constants.O_RDONLY | NOFOLLOW);
    try {
      if (!fstatSync(fd).isFile()) return null;
      return readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  } finally {
    folder.close();
  }
}
