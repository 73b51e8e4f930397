import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { checkConfinedRefs } from '../confined-refs.js';
import type { ServerContext } from '../server-context.js';
import { answer, guarded } from '../tool-result.js';
import { MAX_FILE_BYTES, Refused } from '../workspace.js';
import { writeUnderWriteDir } from '../write-dir-files.js';
import { filePath, outPath, overwrite } from './tool-arguments.js';

/** `import_openapi`: a Specl spec for an OpenAPI 3.x or Swagger 2.0 document of the workspace. */
export function registerImportTool(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    'import_openapi',
    {
      title: 'Import an OpenAPI document',
      description:
        "Writes a Specl spec for an OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML) of the workspace; its $refs may name other files of the workspace, never URLs. Answers the spec's text (formatted, and checked without errors) and a warning, with its JSON pointer, for everything the spec cannot say; with `out`, writes it under the server's write folder instead (only when started with --write-dir).",
      inputSchema: {
        document: filePath('the OpenAPI document, relative to the workspace root'),
        out: outPath.optional(),
        overwrite,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    (args, extra) =>
      guarded(() =>
        ctx.heavy.run(async () => {
          const path = checkConfinedRefs(ctx.workspace, args.document);
          const { ImportError, importOpenApi } = await import('@specl/import');
          let result;
          try {
            result = await importOpenApi(path, args.document, { maxBytes: MAX_FILE_BYTES });
          } catch (error) {
            if (error instanceof ImportError) throw new Refused(error.message);
            throw error;
          }
          const warnings = result.warnings.map(
            (w) => `warning ${w.kind} at ${w.pointer}: ${w.message}`,
          );
          const head = `imported ${args.document} (OpenAPI ${result.sourceVersion}): ${result.summary.endpoints} endpoints, ${result.summary.types} types, ${result.warnings.length} warnings`;
          const structured = {
            sourceVersion: result.sourceVersion,
            summary: result.summary,
            warnings: result.warnings,
          };
          if (args.out === undefined)
            return answer([head, ...warnings, '--- spec', result.text].join('\n'), {
              ...structured,
              text: result.text,
            });
          const outcome = await writeUnderWriteDir(
            ctx.workspace,
            [{ path: args.out, content: result.text }],
            args.overwrite === true,
          );
          const what =
            outcome.written.length > 0 ? `wrote ${args.out}` : `${args.out} is unchanged`;
          return answer([`${head}; ${what} (in the write folder)`, ...warnings].join('\n'), {
            ...structured,
            written: outcome.written,
          });
        }, extra.signal),
      ),
  );
}
