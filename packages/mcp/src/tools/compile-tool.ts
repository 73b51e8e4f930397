import { posix } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CompileTarget } from '@specl/compiler';
import { z } from 'zod';
import type { ServerContext } from '../server-context.js';
import { answer, guarded } from '../tool-result.js';
import { loadCleanSpec } from '../workspace-spec.js';
import { writeUnderWriteDir } from '../write-dir-files.js';
import { outPath, overwrite, specPath } from './tool-arguments.js';

/** The compile targets, in output order (as `compileTargetNames` lists them). */
const compileTargetNames = [
  'openapi',
  'types',
  'properties',
] as const satisfies readonly CompileTarget[];

/** `compile`: OpenAPI, TypeScript types and properties, answered or written under --write-dir. */
export function registerCompileTool(server: McpServer, { workspace }: ServerContext): void {
  server.registerTool(
    'compile',
    {
      title: 'Compile a spec',
      description:
        "Compiles a spec without errors to OpenAPI 3.1 (openapi.json, or openapi.yaml with yaml: true), TypeScript types and validators (types.ts) and fast-check properties (properties.ts). Answers the files; with `out`, writes them under the server's write folder instead (only when the server was started with --write-dir).",
      inputSchema: {
        spec: specPath,
        targets: z
          .array(z.enum(compileTargetNames))
          .min(1)
          .max(compileTargetNames.length)
          .optional()
          .describe(`what to emit (default: all of ${compileTargetNames.join(', ')})`),
        yaml: z.boolean().optional().describe('emit openapi.yaml instead of openapi.json'),
        out: outPath.optional(),
        overwrite,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const { ir } = await loadCleanSpec(workspace, args.spec);
        const { compileTargets } = await import('@specl/compiler');
        const files = compileTargets(ir, args.targets ?? [...compileTargetNames], {
          yaml: args.yaml === true,
        });
        const spec = `spec ${ir.name} ${ir.version} (${ir.fingerprint})`;
        if (args.out === undefined)
          return answer(
            [
              `compiled ${spec}: ${files.map((file) => file.path).join(', ')}`,
              ...files.map((file) => `--- ${file.path}\n${file.content}`),
            ].join('\n'),
            { fingerprint: ir.fingerprint, files },
          );
        const outcome = await writeUnderWriteDir(
          workspace,
          files.map((file) => ({ path: posix.join(args.out!, file.path), content: file.content })),
          args.overwrite === true,
        );
        const parts = [
          outcome.written.length > 0 ? `wrote ${outcome.written.join(', ')}` : undefined,
          outcome.unchanged.length > 0 ? `unchanged ${outcome.unchanged.join(', ')}` : undefined,
        ].filter((part) => part !== undefined);
        return answer(`compiled ${spec}; ${parts.join('; ')} (in the write folder)`, {
          fingerprint: ir.fingerprint,
          written: outcome.written,
          unchanged: outcome.unchanged,
        });
      }),
  );
}
