/** What a command may touch of its environment, so tests can run commands in process. */
export interface CommandContext {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  /** The environment variables (default: the process's). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
