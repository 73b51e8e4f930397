/**
 * @specl/mcp: Specl for any agent, as a Model Context Protocol server over stdio (`specl mcp`):
 * check, compile, describe an endpoint's contract, verify (a sandboxed module or a server),
 * diff and import, with the workspace's specs and contracts as resources.
 */
export type { McpServerOptions } from './specl-mcp-server.js';
export { createSpeclMcpServer } from './specl-mcp-server.js';
export type { StdioStreams } from './serve-stdio.js';
export { serveStdio } from './serve-stdio.js';
export { Refused } from './workspace.js';
