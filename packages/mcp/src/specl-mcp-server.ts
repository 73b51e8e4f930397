import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallLimiter } from './call-limiter.js';
import { registerImplementPrompt } from './implement-prompt.js';
import type { ServerContext } from './server-context.js';
import { registerCheckTool } from './tools/check-tool.js';
import { registerCompileTool } from './tools/compile-tool.js';
import { registerDescribeTool } from './tools/describe-tool.js';
import { registerDiffTool } from './tools/diff-tool.js';
import { registerImportTool } from './tools/import-tool.js';
import { registerVerifyTool } from './tools/verify-tool.js';
import { Workspace } from './workspace.js';
import { registerWorkspaceResources } from './workspace-resources.js';

/** How `specl mcp` was started. */
export interface McpServerOptions {
  /** The workspace root: every path a client names is inside it. */
  readonly root: string;
  /** The only folder tools write to; read-only without it. */
  readonly writeDir?: string;
  /** `verify` may call servers other than loopback ones. */
  readonly allowRemote?: boolean;
  /** A module may be verified where the sandbox cannot cut the network. */
  readonly unsafeRun?: boolean;
  /** The server's version, as announced to clients. */
  readonly version: string;
}

/** The most elements a tool's arguments may hold (a flood of arguments is refused unparsed). */
const MAX_ARGUMENT_ELEMENTS = 2000;

/**
 * The Specl MCP server: tools `check`, `compile`, `describe_endpoint`, `verify`, `diff`,
 * `import_openapi`; resources for each spec of the workspace, its contract and its OpenAPI
 * document; the prompt `implement_endpoint`. Throws a `Refused` for a root or write folder
 * that is not a folder.
 */
export function createSpeclMcpServer(options: McpServerOptions): McpServer {
  const context: ServerContext = {
    workspace: new Workspace(options.root, options.writeDir),
    allowRemote: options.allowRemote === true,
    unsafeRun: options.unsafeRun === true,
    heavy: new CallLimiter(2, 8),
  };
  const server = new McpServer(
    { name: 'specl', version: options.version },
    {
      maxToolInputElements: MAX_ARGUMENT_ELEMENTS,
      instructions:
        'Specl checks, compiles and verifies API specs (.specl). Paths are relative to the workspace root. Use `check` for diagnostics, `describe_endpoint` for the contract of an endpoint before implementing it, `verify` to test an implementation (a module, sandboxed, or a running server) and read its counterexamples, `diff` to classify changes between two versions, `import_openapi` to start a spec from an OpenAPI document.',
    },
  );
  registerCheckTool(server, context);
  registerCompileTool(server, context);
  registerDescribeTool(server, context);
  registerVerifyTool(server, context);
  registerDiffTool(server, context);
  registerImportTool(server, context);
  registerWorkspaceResources(server, context);
  registerImplementPrompt(server, context);
  return server;
}
