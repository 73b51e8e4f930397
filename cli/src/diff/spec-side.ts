import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  BuildSpecsOptions,
  BuiltSpec,
  SourceLocation,
  SpecFiles,
  SpecIR,
} from '@specl/compiler';
import { buildSpec, buildSpecs, isLowered } from '@specl/compiler';
import { GitNotInstalledError, GitRepository } from '@specl/language/node';
import { CliError, ExitCode } from '../cli-error.js';
import type { CommandContext } from '../commands/command-context.js';
import { displayFile, toCheckReport } from '../report/check-report.js';
import type { Colors } from '../report/colors.js';
import { formatTextReport } from '../report/text-report.js';
import { resolveSpecFile } from '../resolve-spec-file.js';

/** One version of a spec for `specl diff`, checked and lowered. */
export interface SpecSide {
  /** The argument as given: `api.specl`, `git:main:api.specl`. */
  readonly arg: string;
  /** The git ref it was read at, for a `git:` side. */
  readonly ref?: string;
  readonly ir: SpecIR;
  /** The file of a location, relative to the working folder, with `/` separators. */
  file(location: SourceLocation): string;
  /** A location as people read it: `api.specl:3:5`, or `main:api.specl:3:5` for a `git:` side. */
  place(location: SourceLocation): string;
}

/** Where a side's files come from: the root's absolute path, a reader, and how to show paths. */
interface Source {
  readonly root: string;
  readonly read?: (path: string) => Promise<string | undefined>;
  /** How a file of this side is shown: its path, `ref:`-prefixed for a `git:` side. */
  readonly shown: (absolute: string) => string;
  readonly ref?: string;
}

/**
 * Reads, checks and lowers the two sides of a diff, each a file or `git:<ref>:<path>` read at
 * that ref with `git show` (and every file it imports read at the same ref); in parallel
 * worker threads for large specs (see `buildSpecs`). Prints the diagnostics of a spec with
 * errors to stderr and throws a usage error then (the old side's first).
 */
export async function loadSpecSides(
  args: readonly [string, string],
  context: CommandContext,
  colors: Colors,
  options: BuildSpecsOptions = {},
): Promise<[SpecSide, SpecSide]> {
  const first = await sourceOf(args[0], context.cwd);
  let second: Source;
  try {
    second = await sourceOf(args[1], context.cwd);
  } catch (error) {
    // As one side after the other: the old side's errors are told first.
    await loadSpecSide(args[0], context, colors);
    throw error;
  }
  const sources = [first, second];
  const builds = await buildSpecs(sources.map(specFiles), options);
  return [
    specSide(args[0], sources[0]!, builds[0]!, context, colors),
    specSide(args[1], sources[1]!, builds[1]!, context, colors),
  ];
}

/**
 * Reads, checks and lowers one side of a diff (see {@link loadSpecSides}). Prints the
 * diagnostics of a spec with errors to stderr and throws a usage error then.
 */
export async function loadSpecSide(
  arg: string,
  context: CommandContext,
  colors: Colors,
): Promise<SpecSide> {
  const source = await sourceOf(arg, context.cwd);
  return specSide(arg, source, await buildSpec(specFiles(source)), context, colors);
}

function specFiles(source: Source): SpecFiles {
  return { root: source.root, ...(source.read ? { read: source.read } : {}) };
}

function sourceOf(arg: string, cwd: string): Promise<Source> | Source {
  return arg.startsWith('git:') ? gitSource(arg, cwd) : fileSource(arg, cwd);
}

function specSide(
  arg: string,
  source: Source,
  build: BuiltSpec,
  context: CommandContext,
  colors: Colors,
): SpecSide {
  if (build.stage === 'read') {
    throw new CliError(`cannot read \`${source.shown(source.root)}\`; check its permissions`);
  }
  if (!isLowered(build)) {
    const report = toCheckReport(build.checked, context.cwd, (uri) =>
      source.shown(fileURLToPath(uri)),
    );
    context.stderr.write(formatTextReport(report, colors));
    throw new CliError(
      build.problem
        ? `\`${arg}\`: ${build.problem}`
        : `\`${arg}\` has errors; fix them before diffing it`,
      ExitCode.usage,
    );
  }
  const folder = dirname(source.root);
  const absolute = (location: SourceLocation) => join(folder, location.file);
  return {
    arg,
    ...(source.ref !== undefined ? { ref: source.ref } : {}),
    ir: build.ir,
    file: (location) => displayFile(absolute(location), context.cwd),
    place: (location) => `${source.shown(absolute(location))}:${location.line}:${location.column}`,
  };
}

function fileSource(arg: string, cwd: string): Source {
  return { root: resolveSpecFile(arg, cwd), shown: (path) => displayFile(path, cwd) };
}

async function gitSource(arg: string, cwd: string): Promise<Source> {
  const [, ref = '', path = ''] = /^git:([^:]*):(.*)$/.exec(arg) ?? [];
  if (ref === '' || path === '') {
    throw new CliError(
      `\`${arg}\` names no file at a ref; write \`git:<ref>:<path>\` (\`git:main:api.specl\`)`,
    );
  }
  const repository = await gitRepositoryAt(cwd, arg);
  const commit = await repository.commit(ref);
  if (commit === undefined) {
    throw new CliError(
      `unknown git ref \`${ref}\` in \`${arg}\`; name a branch, a tag or a commit (\`git log\` lists them)`,
    );
  }
  const inRepository = repository.repositoryPath(path);
  if (inRepository === undefined) {
    throw new CliError(
      `\`${path}\` in \`${arg}\` is outside the git repository at ${repository.root}`,
    );
  }
  if (posix.extname(inRepository) !== '.specl')
    throw new CliError(`\`${arg}\` is not a .specl file`);
  if ((await repository.show(commit, inRepository)) === undefined) {
    throw new CliError(`\`${inRepository}\` does not exist at \`${ref}\` (in \`${arg}\`)`);
  }
  const shown = (absolute: string) =>
    `${ref}:${repository.relativePath(absolute) ?? relative(repository.root, absolute)}`;
  return {
    root: join(repository.root, inRepository),
    read: repository.readerAt(commit),
    shown,
    ref,
  };
}

/** The repository holding the working folder; a usage error (naming `arg`) when there is none. */
async function gitRepositoryAt(cwd: string, arg: string): Promise<GitRepository> {
  let repository: GitRepository | undefined;
  try {
    repository = await GitRepository.at(cwd);
  } catch (error) {
    if (error instanceof GitNotInstalledError) {
      throw new CliError('`git:` paths need git, which is not installed (or not on the PATH)');
    }
    throw error;
  }
  if (!repository) {
    throw new CliError(`\`${arg}\` reads from git, but ${cwd} is not in a git repository`);
  }
  return repository;
}
