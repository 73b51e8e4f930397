import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ServerContext } from './server-context.js';
import { placeIn } from './tools/describe-tool.js';
import { Refused } from './workspace.js';
import { loadCleanSpec } from './workspace-spec.js';

/** The prompt's text: the contract, where to write, and how to know it is done. */
function promptText(spec: string, contract: string, endpoint: string, module?: string): string {
  const where =
    module !== undefined
      ? `in \`${module}\` (it exports the spec's handlers; keep the other handlers as they are)`
      : "in the module that exports the spec's handlers (create one named after the spec if there is none)";
  const verify = JSON.stringify({ spec, module: module ?? '<your module>', endpoints: [endpoint] });
  return [
    `Implement the endpoint \`${endpoint}\` of the Specl spec \`${spec}\` ${where}.`,
    '',
    'Its contract, compiled from the spec (each clause with where the spec states it):',
    '',
    contract,
    '',
    'Every response must have a declared status and a body of the declared type; every `ensures` must hold whenever its `requires` held, and every invariant of every value returned. Import the types from the compiled types.ts instead of writing them again.',
    '',
    `When it is written, call the \`verify\` tool with ${verify}. It answers every check, and for each failure the clause that failed and a shrunk counterexample with its requests and responses: fix the code for each, and verify again until every check holds. Never change the spec to make a check pass.`,
  ].join('\n');
}

/** The `implement_endpoint` prompt: the contract of one endpoint and the loop that verifies it. */
export function registerImplementPrompt(server: McpServer, { workspace }: ServerContext): void {
  server.registerPrompt(
    'implement_endpoint',
    {
      title: 'Implement an endpoint',
      description:
        'Asks the model to implement one endpoint of a spec against its contract, then to verify it with the `verify` tool until every check holds.',
      argsSchema: {
        spec: z
          .string()
          .min(1)
          .max(4096)
          .describe('the root .specl file, relative to the workspace root'),
        endpoint: z.string().min(1).max(200).describe('the endpoint to implement'),
        module: z
          .string()
          .min(1)
          .max(4096)
          .optional()
          .describe('the implementation module, relative to the workspace root'),
      },
    },
    async ({ spec, endpoint, module }) => {
      try {
        const loaded = await loadCleanSpec(workspace, spec);
        const found = loaded.ir.endpoints.find((e) => e.name === endpoint);
        if (found === undefined)
          throw new Refused(
            `spec ${loaded.ir.name} has no endpoint \`${endpoint}\`; its endpoints are ${loaded.ir.endpoints.map((e) => e.name).join(', ') || '(none)'}`,
          );
        const { contractText, endpointContract } = await import('./endpoint-contract.js');
        const contract = contractText(
          endpointContract(loaded.ir, found, placeIn(workspace, loaded.path)),
        );
        return {
          description: `Implement ${endpoint} of ${loaded.ir.name} ${loaded.ir.version}`,
          messages: [
            {
              role: 'user' as const,
              content: {
                type: 'text' as const,
                text: promptText(spec, contract, endpoint, module),
              },
            },
          ],
        };
      } catch (error) {
        if (error instanceof Refused) throw new McpError(ErrorCode.InvalidParams, error.message);
        throw error;
      }
    },
  );
}
