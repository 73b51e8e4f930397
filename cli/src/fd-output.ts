import { fstatSync, writeSync } from 'node:fs';
import { failedWrite } from './closed-output.js';

/** What fs.writeSync throws. */
type WriteError = NodeJS.ErrnoException;

/** A wait of a millisecond, in this thread: Atomics.wait on a cell nothing ever wakes. */
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * The CLI's stdout or stderr as its commands write them (CommandContext): each text written whole
 * to the file descriptor with fs.writeSync, in place of process.stdout and process.stderr, which
 * Node builds on first use: a net.Socket for a pipe or a terminal, costing a one-endpoint
 * `specl check` 14 million instructions (8 million for a file).
 *
 * The writes behave as the streams' do under the CLI's guard (closed-output.ts): a reader that
 * went away (EPIPE) drops the output without a word, and the command keeps its exit status; any
 * other failure is said once on stderr, the exit status becomes 2, and the output is dropped from
 * then on. A descriptor a parent left non-blocking (EAGAIN) is written again after a millisecond,
 * until all is written, as a blocking one would be.
 */
export class FdOutput {
  private dropped = false;
  private terminal: boolean | undefined;

  /**
   * @param fd the file descriptor (1 or 2)
   * @param name what a failure calls it (`stdout`)
   * @param failures where a failure to write is said (stderr's output), or null for stderr itself
   */
  constructor(
    private readonly fd: number,
    private readonly name: string,
    private readonly failures: FdOutput | null,
  ) {}

  /**
   * Whether the descriptor is a terminal. Only a character device can be one: a pipe or a file is
   * told apart without node:tty, whose loading brings net and the streams (10 million
   * instructions).
   */
  get isTTY(): boolean {
    this.terminal ??=
      this.isCharacterDevice() && process.getBuiltinModule('node:tty').isatty(this.fd);
    return this.terminal;
  }

  private isCharacterDevice(): boolean {
    try {
      return fstatSync(this.fd).isCharacterDevice();
    } catch {
      return false;
    }
  }

  /** Writes `text` whole before returning, or drops it (see the class). */
  write(text: string): boolean {
    if (this.dropped || text.length === 0) return true;
    // A Windows console takes the bytes of writeSync in its code page, not as UTF-8 (Node's
    // documented limit); its stream converts to UTF-16 first.
    if (process.platform === 'win32' && this.isTTY) return this.stream().write(text);
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) {
      try {
        written += writeSync(this.fd, bytes, written, bytes.length - written);
      } catch (error) {
        if ((error as WriteError).code === 'EAGAIN') {
          Atomics.wait(sleeper, 0, 0, 1);
          continue;
        }
        this.fail(error as WriteError);
        break;
      }
    }
    return true;
  }

  private stream(): NodeJS.WriteStream {
    return this.fd === 2 ? process.stderr : process.stdout;
  }

  private fail(error: WriteError): void {
    this.dropped = true;
    const message = failedWrite(this.name, error);
    if (message !== undefined) this.failures?.write(message);
  }
}
