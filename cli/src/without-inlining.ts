import { setFlagsFromString } from 'node:v8';

/**
 * Runs `work`, the whole of a command that runs once and exits (`specl check`, `specl compile`),
 * with V8's optimising compiler (TurboFan) inlining no function into another, then turns
 * inlining back on.
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
 * loaded while inlining is off. A `node` started with any inlining flag of its own is left as it
 * was.
 */
export async function withoutInlining<T>(work: () => Promise<T>): Promise<T> {
  if (process.execArgv.some((flag) => flag.includes('inlin'))) return work();
  setFlagsFromString('--no-turbo-inlining');
  try {
    return await work();
  } finally {
    setFlagsFromString('--turbo-inlining');
  }
}
