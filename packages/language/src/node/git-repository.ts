import { isAbsolute, posix, relative, resolve, sep } from 'node:path';

/** What `git` printed, or why it failed. */
interface GitResult {
  readonly ok: boolean;
  readonly stdout: string;
}

/** Thrown when `git` cannot be started at all (it is not installed, or not on the PATH). */
export class GitNotInstalledError extends Error {
  constructor() {
    super('git is not installed (or not on the PATH)');
  }
}

/** Runs git in `cwd`; rejects only when git cannot be started at all. */
function git(args: readonly string[], cwd: string): Promise<GitResult> {
  // node:child_process (with net, dgram and streams) is loaded at the first git command, not by
  // every command that imports this package's node entry (`specl check` runs no git).
  const { execFile } = process.getBuiltinModule('node:child_process');
  return new Promise((done, fail) => {
    execFile(
      'git',
      [...args],
      { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
      (error, stdout) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          fail(new GitNotInstalledError());
          return;
        }
        done({ ok: !error, stdout });
      },
    );
  });
}

/**
 * The git repository that holds a folder, read through `git` itself (`specl diff`'s `git:`
 * sides, the editor's breaking-change warnings).
 */
export class GitRepository {
  private constructor(
    /** The top folder of the working tree, absolute. */
    readonly root: string,
    private readonly cwd: string,
  ) {}

  /** The repository holding `cwd`, or undefined when it is in none. */
  static async at(cwd: string): Promise<GitRepository | undefined> {
    const result = await git(['rev-parse', '--show-toplevel'], cwd);
    return result.ok ? new GitRepository(result.stdout.trim(), cwd) : undefined;
  }

  /** The commit a ref names, or undefined when it names none. */
  async commit(ref: string): Promise<string | undefined> {
    if (ref.startsWith('-')) return undefined;
    const result = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], this.cwd);
    return result.ok ? result.stdout.trim() : undefined;
  }

  /**
   * A path as git reads it in `ref:path`, relative to the top of the repository: as written,
   * or, when it starts with `./` or `../`, relative to the working folder (as in `git show`).
   * Undefined when it leads out of the repository.
   */
  repositoryPath(path: string): string | undefined {
    const fromCwd = path.startsWith('./') || path.startsWith('../');
    const absolute = fromCwd ? resolve(this.cwd, path) : resolve(this.root, path);
    return this.relativePath(absolute);
  }

  /** An absolute path in the working tree as a path in the repository, if it is in it. */
  relativePath(absolute: string): string | undefined {
    const inside = relative(this.root, absolute);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
    return posix.normalize(inside.split(sep).join('/'));
  }

  /** The text of a file at a commit (`git show commit:path`), or undefined when it has none. */
  async show(commit: string, repositoryPath: string): Promise<string | undefined> {
    const result = await git(['show', `${commit}:${repositoryPath}`], this.root);
    return result.ok ? result.stdout : undefined;
  }

  /**
   * A reader of the files of the working tree (absolute paths) as they are at a commit, for
   * `checkSpecFiles`: every file a spec imports is then read at the same commit.
   */
  readerAt(commit: string): (absolute: string) => Promise<string | undefined> {
    return async (absolute) => {
      const file = this.relativePath(absolute);
      return file === undefined ? undefined : this.show(commit, file);
    };
  }
}
