import { statSync } from 'node:fs';

/**
 * The size of sources (bytes) from which a command's work runs without TurboFan's inlining.
 * Below it the switch does not pay: it loads `node:v8` (7.7 M instructions) and a short run
 * gains nothing from it. Callgrind, `--predictable`, `specl check` of the bench's specs, M
 * instructions switched against not: 247 bytes 356.0 against 352.9, 2.6 KB 398.5 against 395.6
 * (node:v8 loaded in both); node:v8 loaded to switch only: 6.3 KB 448.5 against 448.8 (the
 * break-even), 9.1 KB 478.1 against 495.2, 12 KB 553.6 against 579.9, 49 KB 990 against 1,241.
 */
export const largeSourceBytes = 7_000;

/**
 * Runs `work`, the work of a command that runs once and exits (`specl check`, `compile`, `diff`,
 * `fmt`, `import`), with V8's optimising compiler (TurboFan) inlining no function into another
 * when its sources are large (`sourceBytes` at least {@link largeSourceBytes}), then turns
 * inlining back on. Small work runs as it is, and `node:v8` is not loaded.
 *
 * Such a run is cold: half of a check's instructions were TurboFan compiling the functions it
 * had found hot, and inlining made each of those compilations several times larger (and every
 * deoptimisation of a site reached through an inlined call threw the whole caller away), more
 * than the inlined code then saved in one run. Callgrind, `--predictable` (which compiles on the
 * main thread), `specl check` of the bench's N = 1,000 spec: 4,300 M instructions with inlining,
 * 3,200 M without.
 *
 * Inlining is back on when `work` settles, whatever it did: V8's code cache is tied to the flags
 * it was made with, so a cached script loaded, or a cache made (the build's, from a check and a
 * compile run in one process), after a run must see the flags a user's `node` starts with. The
 * scripts a command needs are loaded before it runs (`command.load()` in main.ts), so none is
 * loaded while inlining is off (a test in test/cli/without-inlining.test.ts makes sure). A
 * `node` started with any inlining flag of its own (on its command line or in `NODE_OPTIONS`)
 * is left as it was.
 */
export async function withoutInliningWhenLarge<T>(
  sourceBytes: number,
  work: () => Promise<T>,
): Promise<T> {
  if (sourceBytes < largeSourceBytes) return work();
  if (startedWithInliningFlag()) return work();
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  setFlagsFromString('--no-turbo-inlining');
  try {
    return await work();
  } finally {
    setFlagsFromString('--turbo-inlining');
  }
}

/** Whether `node` was started with an inlining flag, on its command line or in `NODE_OPTIONS`. */
function startedWithInliningFlag(): boolean {
  if (process.execArgv.some((flag) => flag.includes('inlin'))) return true;
  return (process.env['NODE_OPTIONS'] ?? '').includes('inlin');
}

/** The total size in bytes of the files at `paths`; a path that cannot be read counts 0. */
export function sizeOfFiles(paths: Iterable<string>): number {
  let total = 0;
  for (const path of paths) {
    try {
      total += statSync(path).size;
    } catch {
      // Not there, or not readable: the command itself says so.
    }
  }
  return total;
}
