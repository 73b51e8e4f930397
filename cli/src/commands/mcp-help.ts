/** `specl mcp --help`. */
export const mcpHelp = `Usage: specl mcp [--root <dir>] [--write-dir <dir>] [options]

Runs Specl as a Model Context Protocol server over stdio, for coding agents (Claude Code,
Cursor, VS Code, any MCP client). It is read-only unless --write-dir is given.

Tools:     check, compile, describe_endpoint, verify, diff, import_openapi
Resources: specl://spec/<path>, specl://contract/<path>, specl://openapi/<path>
           for every .specl file under the root
Prompt:    implement_endpoint (an endpoint's contract, and verify until every check holds)

Options:
  --root <dir>        the workspace: every path a client names must be inside it
                      (default: the current folder); .git, node_modules and .specl
                      inside it are never read
  --write-dir <dir>   the only folder tools write to (compile and import_openapi with
                      \`out\`), without following links; without it, nothing is written
  --allow-remote      let \`verify\` call servers other than 127.0.0.1, ::1 and localhost
  --unsafe-run        verify modules even where the sandbox cannot cut the network
  -h, --help          show this help

Credentials for \`verify\` of a server come from the server's environment only, never from
a tool call: SPECL_AUTH_<SCHEME> (SPECL_AUTH_BEARER_TOKEN for a scheme BearerToken), set in
the client's configuration ("env"); no answer shows them.

A module is verified in a copy of its folder, in a child process with no secrets in its
environment, writes only to the copy, no network (bubblewrap or unshare), and CPU, memory
and file-size limits (see \`specl implement --help\` for what each platform gets).

Clients (the server needs the project's folder: pass it with --root):
  Claude Code   claude mcp add --scope project specl -- npx specl mcp --root .
  Cursor        .cursor/mcp.json:
                { "mcpServers": { "specl": { "command": "npx",
                    "args": ["specl", "mcp", "--root", "\${workspaceFolder}"] } } }
  VS Code       .vscode/mcp.json:
                { "servers": { "specl": { "type": "stdio", "command": "npx",
                    "args": ["specl", "mcp", "--root", "\${workspaceFolder}"] } } }
  Any client    command \`npx specl mcp --root <dir> [--write-dir <dir>]\`, transport stdio

Exit codes: 0 the client closed the connection, 2 bad usage (a root that is not a folder).
`;
