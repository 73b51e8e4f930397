import { dirname, join } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { SourceLocation } from '@specl/compiler';
import type { ServerContext } from '../server-context.js';
import { answer, failure, guarded } from '../tool-result.js';
import type { Workspace } from '../workspace.js';
import { loadCleanSpec } from '../workspace-spec.js';
import { endpointName, specPath } from './tool-arguments.js';

/** Places a spec-relative location as `file:line:col` relative to the workspace root. */
export const placeIn = (workspace: Workspace, specPathReal: string) => (location: SourceLocation) =>
  `${workspace.shown(join(dirname(specPathReal), location.file))}:${location.line}:${location.column}`;

/** `describe_endpoint`: an endpoint's types, requires, ensures, invariants and properties. */
export function registerDescribeTool(server: McpServer, { workspace }: ServerContext): void {
  server.registerTool(
    'describe_endpoint',
    {
      title: "Describe an endpoint's contract",
      description:
        "Answers an endpoint's contract: method and path, parameters, body, responses and errors with their types, security, its `requires` (preconditions) and `ensures` (postconditions), the invariants of every type it reaches, the written properties that call it, and those types as TypeScript — each clause with the file:line:col where the spec states it.",
      inputSchema: { spec: specPath, endpoint: endpointName },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ spec, endpoint }) =>
      guarded(async () => {
        const loaded = await loadCleanSpec(workspace, spec);
        const found = loaded.ir.endpoints.find((e) => e.name === endpoint);
        if (found === undefined)
          return failure(
            `spec ${loaded.ir.name} has no endpoint \`${endpoint}\`; its endpoints are ${loaded.ir.endpoints.map((e) => e.name).join(', ') || '(none)'}`,
          );
        const { contractText, endpointContract } = await import('../endpoint-contract.js');
        const contract = endpointContract(loaded.ir, found, placeIn(workspace, loaded.path));
        return answer(contractText(contract), { ...contract });
      }),
  );
}
