import { execFile } from 'node:child_process';
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { CliError } from '../cli-error.js';

/** What `git` printed, or why it failed. */
interface GitResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs git in `cwd`; rejects only when git cannot be started at all. */
function git(args: readonly string[], cwd: string): Promise<GitResult> {
  return new Promise((done, fail) => {
    execFile(
      'git',
      [...args],
      { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          fail(new CliError('`git:` paths need git, which is not installed (or not on the PATH)'));
          return;
        }
        done({ ok: !error, stdout, stderr });
      },
    );
  });
}

/** The git repository that holds the working folder, read through `git` itself. */
export class GitRepository {
  private constructor(
    /** The top folder of the working tree, absolute. */
    readonly root: string,
    private readonly cwd: string,
  ) {}

  /** The repository holding `cwd`; a usage error (naming `arg`) when there is none. */
  static async at(cwd: string, arg: string): Promise<GitRepository> {
    const result = await git(['rev-parse', '--show-toplevel'], cwd);
    if (!result.ok) {
      throw new CliError(`\`${arg}\` reads from git, but ${cwd} is not in a git repository`);
    }
    return new GitRepository(result.stdout.trim(), cwd);
  }

  /** The commit a ref names; a usage error when it names none. */
  async commit(ref: string, arg: string): Promise<string> {
    const result = ref.startsWith('-')
      ? undefined
      : await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], this.cwd);
    if (!result?.ok) {
      throw new CliError(
        `unknown git ref \`${ref}\` in \`${arg}\`; name a branch, a tag or a commit (\`git log\` lists them)`,
      );
    }
    return result.stdout.trim();
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
}
