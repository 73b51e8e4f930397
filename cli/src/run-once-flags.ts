import { statSync } from 'node:fs';

/**
 * The size of sources (bytes) from which a command's work runs under {@link withRunOnceFlags}.
 * Below it the switch does not pay: it loads `node:v8` (7.7 M instructions) and a short run
 * gains nothing from it. Callgrind, `--predictable`, `specl check` of the bench's specs, M
 * instructions switched against not: 247 bytes 356.0 against 352.9, 2.6 KB 398.5 against 395.6
 * (node:v8 loaded in both); node:v8 loaded to switch only: 6.3 KB 448.5 against 448.8 (the
 * break-even), 9.1 KB 478.1 against 495.2, 12 KB 553.6 against 579.9, 49 KB 990 against 1,241.
 */
export const largeSourceBytes = 7_000;

/**
 * One V8 setting a run that works once and exits wants: the flag that sets it for the work, the
 * flag that gives the process's default back, and the text of a flag of the user's own that
 * keeps the setting as the user chose it.
 */
interface RunOnceFlag {
  readonly during: string;
  readonly after: string;
  readonly usersOwn: string;
}

/**
 * What a large run that works once changes.
 *
 * - TurboFan inlines no function into another. Such a run is cold: half of a check's
 *   instructions were TurboFan compiling the functions it had found hot, and inlining made each
 *   of those compilations several times larger (and every deoptimisation of a site reached
 *   through an inlined call threw the whole caller away), more than the inlined code then saved
 *   in one run. Callgrind, `--predictable` (which compiles on the main thread), `specl check` of
 *   the bench's N = 1,000 spec: 4,300 M instructions with inlining, 3,200 M without.
 * - The young generation stops growing (it stays at the size it has when the work starts, 1 or
 *   2 MB a semi-space, instead of growing to 16 MB). Nearly all that a check allocates lives to
 *   the end (the syntax trees, the scopes, the types), so a larger young generation does not let
 *   more of it die before a scavenge; it only spreads the allocation over more memory than the
 *   caches hold and the scavenges copy from and to memory touched for the first time. Wall time,
 *   eight alternating runs each: `specl check` N = 5,000 1.23 s against 1.11 s and 157 against
 *   130 MB; N = 1,000 805 against 707 ms; `specl compile --target openapi` N = 1,000 594 against
 *   519 ms; `specl diff` N = 5,000 3.85 against 3.68 s. (The switch is the growth factor: the
 *   young generation's largest size is fixed when the process starts.)
 */
const runOnceFlags: readonly RunOnceFlag[] = [
  { during: '--no-turbo-inlining', after: '--turbo-inlining', usersOwn: 'inlin' },
  {
    during: '--semi-space-growth-factor=1',
    after: '--semi-space-growth-factor=2',
    usersOwn: 'semi-space',
  },
];

/**
 * Runs `work`, the work of a command that runs once and exits (`specl check`, `compile`, `diff`,
 * `fmt`, `import`), under V8 flags made for a run that works once (see {@link runOnceFlags})
 * when its sources are large (`sourceBytes` at least {@link largeSourceBytes}), then gives the
 * process its flags back. Small work runs as it is, and `node:v8` is not loaded.
 *
 * The flags are given back when `work` settles, whatever it did: V8's code cache is tied to the
 * flags it was made with, so a cached script loaded, or a cache made (the build's, from a check
 * and a compile run in one process), after a run must see the flags a user's `node` starts
 * with. The scripts a command needs are loaded before it runs (`command.load()` in main.ts), so
 * none is loaded under the run's flags (a test in test/cli/run-once-flags.test.ts makes sure).
 * A flag the user gave `node` of their own (on its command line or in `NODE_OPTIONS`) for a
 * setting is left as it was.
 */
export async function withRunOnceFlags<T>(sourceBytes: number, work: () => Promise<T>): Promise<T> {
  if (sourceBytes < largeSourceBytes) return work();
  const flags = runOnceFlags.filter((flag) => !startedWithFlagAbout(flag.usersOwn));
  if (flags.length === 0) return work();
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  for (const flag of flags) setFlagsFromString(flag.during);
  try {
    return await work();
  } finally {
    for (const flag of flags) setFlagsFromString(flag.after);
  }
}

/** Whether `node` was started with a flag containing `text`, on its command line or in `NODE_OPTIONS`. */
function startedWithFlagAbout(text: string): boolean {
  if (process.execArgv.some((flag) => flag.includes(text))) return true;
  return (process.env['NODE_OPTIONS'] ?? '').includes(text);
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
