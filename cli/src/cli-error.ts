/** Exit codes shared by every command. */
export const ExitCode = {
  ok: 0,
  /** The spec (or, later, the implementation) has errors. */
  failed: 1,
  /** Bad usage: an unknown option, a missing file, an unwritable output. */
  usage: 2,
} as const;

/** An error the user can fix, printed as `specl: message` without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.usage,
  ) {
    super(message);
  }
}
