/** The exit status of a command that stopped before it settled, as Node's own for top-level await. */
export const UNSETTLED_EXIT_STATUS = 13;

/** Where the message goes: the CLI's stderr. */
interface MessageOutput {
  write(text: string): boolean;
}

/**
 * Makes a command that never settles fail instead of passing. The CLI's entry runs `main` as a
 * promise (no top-level await: the bundle runs it as a CommonJS script); if that promise never
 * settled and nothing kept Node's event loop alive, Node would exit with status 0 and no word, which
 * a CI gate reads as success. At exit, an unsettled `run` gives status 13 and a message on stderr.
 * A rejected `run` is left to Node (an unhandled rejection), as before.
 */
export function failIfUnsettled(run: Promise<unknown>, stderr: MessageOutput): void {
  let settled = false;
  run.finally(() => {
    settled = true;
  });
  process.once('exit', () => {
    if (settled) return;
    process.exitCode = UNSETTLED_EXIT_STATUS;
    stderr.write(
      'specl: the command stopped before it finished (a bug in specl; please report it)\n',
    );
  });
}
