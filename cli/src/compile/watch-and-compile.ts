import type { FSWatcher } from 'node:fs';
import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import { CliError, ExitCode } from '../cli-error.js';
import type { CommandContext } from '../commands/command-context.js';
import type { Colors } from '../report/colors.js';
import type { CompileRequest } from './compile-once.js';
import { compileOnce } from './compile-once.js';

const DEBOUNCE_MS = 100;

/**
 * Compiles, then recompiles whenever the spec or a file it imports changes (an editor's
 * save-by-rename included: the folders are watched, not the files), printing diagnostics and
 * carrying on after errors. Runs until interrupted (Ctrl-C or SIGTERM), then exits 0.
 */
export function watchAndCompile(
  request: CompileRequest,
  context: CommandContext,
  colors: Colors,
): Promise<number> {
  let watchers: FSWatcher[] = [];
  let watched = new Set<string>([request.spec]);
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;

  const rewatch = (files: readonly string[]) => {
    watched = new Set([request.spec, ...files]);
    for (const watcher of watchers) watcher.close();
    const folders = new Set([...watched].map((file) => dirname(file)));
    watchers = [...folders].map((folder) =>
      watch(folder, (_event, name) => {
        if (
          name &&
          [...watched].some(
            (file) => dirname(file) === folder && basename(file) === name.toString(),
          )
        ) {
          schedule();
        }
      }),
    );
  };
  const compile = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const outcome = await compileOnce(request, context, colors);
      rewatch(outcome.files);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      context.stderr.write(`specl: ${error.message}\n`);
    } finally {
      running = false;
      context.stdout.write(
        colors.dim(`watching ${watched.size} file(s) for changes; press Ctrl-C to stop\n`),
      );
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void compile(), DEBOUNCE_MS);
  };

  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      resolve(ExitCode.ok);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void compile();
  });
}
