import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { McpServerOptions } from './specl-mcp-server.js';
import { createSpeclMcpServer } from './specl-mcp-server.js';

/** The largest message a client may send (one line of JSON). */
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** Where the server talks: its stdin and stdout, and where it logs (stderr). */
export interface StdioStreams {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly log: (line: string) => void;
}

/**
 * Serves Specl over stdio until the client goes away: stdin ends or closes, stdout breaks,
 * or the client sends a message above the size limit. A line that is not JSON-RPC is logged
 * and skipped; the server keeps serving. Calls still running when the client goes are
 * aborted. Resolves when the server has closed.
 */
export async function serveStdio(options: McpServerOptions, streams: StdioStreams): Promise<void> {
  const server = createSpeclMcpServer(options);
  const transport = new StdioServerTransport(streams.stdin, streams.stdout, {
    maxBufferSize: MAX_MESSAGE_BYTES,
  });
  let closed = false;
  const finished = new Promise<void>((resolve) => {
    server.server.onclose = () => {
      closed = true;
      resolve();
    };
  });
  transport.onerror = (error) => streams.log(`specl mcp: ${error.message.split('\n')[0]}`);
  await server.connect(transport);
  // The SDK's transport does not watch for the client going away: do it here.
  const close = () => {
    if (!closed) void server.close();
  };
  streams.stdin.once('end', close);
  streams.stdin.once('close', close);
  streams.stdout.on('error', close);
  streams.log(
    `specl mcp: serving ${options.root}${options.writeDir !== undefined ? `, writing only to ${options.writeDir}` : ' (read-only)'}`,
  );
  await finished;
}
