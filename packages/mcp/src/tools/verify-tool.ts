import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ServerContext } from '../server-context.js';
import { guarded } from '../tool-result.js';
import { Refused } from '../workspace.js';
import { loadCleanSpec } from '../workspace-spec.js';
import { endpointName, filePath, specPath } from './tool-arguments.js';
import type { VerifyArgs } from './verify-targets.js';

/** `verify`: checks an implementation module (sandboxed) or a running server against a spec. */
export function registerVerifyTool(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    'verify',
    {
      title: 'Verify an implementation or a server',
      description:
        "Checks an implementation against a spec with random inputs and call sequences: give either `module` (a TypeScript/JavaScript module of the workspace that exports the spec's handlers; it runs in a sandbox, in a copy of its folder) or `url` (a running server; loopback only unless the server was started with --allow-remote). Answers every check, and for each failure the clause that failed, where it is written, and the shrunk counterexample with its requests and responses.",
      inputSchema: {
        spec: specPath,
        module: filePath('the implementation module, relative to the workspace root').optional(),
        url: z.string().min(1).max(2048).optional().describe('the base URL of a running server'),
        runs: z.number().int().min(1).max(1000).optional().describe('runs per check (default 100)'),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .optional()
          .describe('the random seed, to replay a run'),
        endpoints: z
          .array(endpointName)
          .min(1)
          .max(200)
          .optional()
          .describe('only these endpoints'),
        timeoutSeconds: z
          .number()
          .int()
          .min(1)
          .max(600)
          .optional()
          .describe('how long the verification may take (default 120)'),
      },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    (args, extra) =>
      guarded(async () => {
        if ((args.module === undefined) === (args.url === undefined))
          throw new Refused(
            'name one target: `module` (a file of the workspace) or `url` (a running server)',
          );
        const { ir, path } = await loadCleanSpec(ctx.workspace, args.spec);
        const options: VerifyArgs = {
          runs: args.runs ?? 100,
          timeoutSeconds: args.timeoutSeconds ?? 120,
          ...(args.seed !== undefined && { seed: args.seed }),
          ...(args.endpoints !== undefined && { endpoints: args.endpoints }),
        };
        // Loaded on first use: the verifier and the sandbox are not needed to start.
        const { verifyModule, verifyUrl } = await import('./verify-targets.js');
        return ctx.heavy.run(
          () =>
            args.module !== undefined
              ? verifyModule(ctx, ir, path, args.module, options, extra.signal)
              : verifyUrl(ctx, ir, path, args.url!, options, extra.signal),
          extra.signal,
        );
      }),
  );
}
