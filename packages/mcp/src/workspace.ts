import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CheckedRoot } from '@specl/agent';

/** A request the server refuses: a path outside the root, a file too large, a missing folder. */
export class Refused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refused';
  }
}

/** The largest file a tool reads (a spec, an OpenAPI document, an implementation module). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** The longest path a client may name. */
const MAX_PATH_LENGTH = 4096;
/** Folders the server never reads from or lists (secrets, other people's code, Specl's own state). */
const HIDDEN = new Set(['.git', 'node_modules', '.specl']);

const isInside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/**
 * The folders a server works in: the root it reads from (every path a client names is
 * resolved inside it, symlinks followed and re-checked), and the folder it may write to,
 * when one was given at start.
 */
export class Workspace {
  /** The root's real path. */
  readonly root: string;
  /** The write folder as checked at start (real path and identity), when there is one. */
  readonly writeDir: CheckedRoot | undefined;

  constructor(root: string, writeDir?: string) {
    this.root = realFolder(root, '--root');
    if (writeDir === undefined) this.writeDir = undefined;
    else {
      // Its identity, as the agent's no-follow writes check it before each write.
      const real = realFolder(writeDir, '--write-dir');
      const { dev, ino } = statSync(real);
      this.writeDir = { real, dev, ino };
    }
  }

  /**
   * The real path of `requested` (relative to the root, or absolute inside it), which must be
   * an existing regular file (or folder, when `kind` says so) inside the root, reached by any
   * symlinks only as far as they stay inside; never one inside `.git`, `node_modules`, `.specl`.
   */
  resolve(requested: string, kind: 'file' | 'folder' = 'file'): string {
    if (requested.length > MAX_PATH_LENGTH) throw new Refused('the path is too long');
    if (requested.includes('\0')) throw new Refused('a path cannot contain a NUL character');
    const lexical = resolve(this.root, requested);
    if (!isInside(this.root, lexical))
      throw new Refused(
        `\`${requested}\` is outside the workspace root ${this.root}; name a path inside it (relative to it)`,
      );
    let real: string;
    try {
      real = realpathSync(lexical);
    } catch {
      throw new Refused(`\`${requested}\` does not exist in the workspace`);
    }
    if (!isInside(this.root, real))
      throw new Refused(`\`${requested}\` is a symlink that leads out of the workspace root`);
    const hidden = this.shown(real)
      .split('/')
      .find((segment) => HIDDEN.has(segment.toLowerCase()));
    if (hidden !== undefined)
      throw new Refused(`\`${requested}\` is inside \`${hidden}/\`, which the server never reads`);
    const stat = statSync(real);
    if (kind === 'file' && !stat.isFile()) throw new Refused(`\`${requested}\` is not a file`);
    if (kind === 'folder' && !stat.isDirectory())
      throw new Refused(`\`${requested}\` is not a folder`);
    return real;
  }

  /** A path inside the root as clients name it: relative, with `/`. */
  shown(path: string): string {
    return relative(this.root, path).split(sep).join('/') || '.';
  }

  /**
   * The text of a file inside the root (see {@link resolve}), read through one descriptor
   * and refused when larger than `maxBytes`.
   */
  read(requested: string, maxBytes = MAX_FILE_BYTES): { path: string; text: string } {
    const path = this.resolve(requested);
    return { path, text: readBounded(path, requested, maxBytes) };
  }

  /**
   * How the checker reads a spec and its imports: only `.specl` regular files inside the root,
   * up to the size limit; anything else reads as missing, which the checker reports where the
   * import stands.
   */
  readonly readSpec = async (path: string): Promise<string | undefined> => {
    // Only specs: an import of `.env` would otherwise quote it back in a syntax error.
    if (!path.endsWith('.specl')) return undefined;
    try {
      return this.read(path).text;
    } catch {
      return undefined;
    }
  };
}

function realFolder(folder: string, option: string): string {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    throw new Refused(`\`${option} ${folder}\`: no such folder`);
  }
  if (!statSync(real).isDirectory()) throw new Refused(`\`${option} ${folder}\` is not a folder`);
  return real;
}

/** Reads at most `maxBytes` of a regular file through one descriptor (no FIFOs, no devices). */
function readBounded(path: string, shown: string, maxBytes: number): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Refused(`\`${shown}\` is not a regular file`);
    if (stat.size > maxBytes)
      throw new Refused(
        `\`${shown}\` is ${stat.size} bytes, above the server's limit of ${maxBytes} bytes`,
      );
    const buffer = Buffer.alloc(stat.size);
    let done = 0;
    while (done < stat.size) {
      const n = readSync(fd, buffer, done, stat.size - done, done);
      if (n === 0) break;
      done += n;
    }
    return buffer.subarray(0, done).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
