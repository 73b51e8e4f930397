/**
 * Keeps a reader that went away from crashing the CLI. When the process reading `specl`'s output
 * exits first (`specl diff a b | head -1`), a write to the pipe fails with EPIPE, which Node
 * raises as an unhandled `error` event: a stack trace instead of the command's answer. The
 * output is dropped instead, and the command finishes with its own exit status, so a shell's
 * `PIPESTATUS` (or `pipefail`) still reads a gate's verdict. Any other failure to write is said
 * once on stderr, and the exit status becomes 2 (the CLI's status for a failure of its own).
 */
export function dropOutputOnClosedPipe(stream: NodeJS.WriteStream, name: string): void {
  let reported = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ERR_STREAM_DESTROYED' || reported) return;
    const message = failedWrite(name, error);
    if (message === undefined) return;
    reported = true;
    if (stream !== process.stderr && process.stderr.writable) process.stderr.write(message);
  });
}

/**
 * What a failure to write to `name` does, for the streams and for FdOutput alike: nothing for a
 * reader that went away (EPIPE); else the exit status becomes 2, and the message to say once on
 * stderr is given back.
 */
export function failedWrite(name: string, error: NodeJS.ErrnoException): string | undefined {
  if (error.code === 'EPIPE') return undefined;
  process.exitCode = 2;
  return `specl: cannot write to ${name}: ${error.message}\n`;
}

/**
 * Puts {@link dropOutputOnClosedPipe} on `process[name]` when the stream is first read, not before:
 * Node builds process.stdout and process.stderr on first read (a net.Socket for a pipe or a
 * terminal, 14 million instructions), and the CLI's commands write through FdOutput; only the
 * language server, the MCP server and Node's own warnings use the streams.
 */
export function guardWhenBuilt(name: 'stdout' | 'stderr'): void {
  const descriptor = Object.getOwnPropertyDescriptor(process, name);
  const build = descriptor?.get;
  if (descriptor === undefined || build === undefined || descriptor.configurable !== true) {
    dropOutputOnClosedPipe(process[name], name);
    return;
  }
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: descriptor.enumerable,
    get() {
      const stream = build.call(process) as NodeJS.WriteStream;
      Object.defineProperty(process, name, descriptor);
      dropOutputOnClosedPipe(stream, name);
      return stream;
    },
  });
}
