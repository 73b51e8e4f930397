import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerContext } from '../server-context.js';
import { answer, guarded } from '../tool-result.js';
import { diagnosticLines, loadWorkspaceSpec } from '../workspace-spec.js';
import { specPath } from './tool-arguments.js';

/** `check`: a spec's diagnostics, each with file:line:col. */
export function registerCheckTool(server: McpServer, { workspace }: ServerContext): void {
  server.registerTool(
    'check',
    {
      title: 'Check a spec',
      description:
        'Parses, links and validates a Specl spec and every file it imports. Answers each diagnostic as `file:line:col: severity code: message` (paths relative to the workspace root), and whether the spec is free of errors.',
      inputSchema: { spec: specPath },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ spec }) =>
      guarded(async () => {
        const checked = await loadWorkspaceSpec(workspace, spec);
        const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
        const warnings = checked.diagnostics.filter((d) => d.severity === 'warning').length;
        const head =
          checked.diagnostics.length === 0
            ? `${spec}: no problems`
            : `${spec}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
        const problem = checked.problem !== undefined ? [`${spec}: error: ${checked.problem}`] : [];
        return answer([head, ...diagnosticLines(checked.diagnostics), ...problem].join('\n'), {
          ok: errors === 0 && checked.problem === undefined,
          errors,
          warnings,
          diagnostics: checked.diagnostics,
        });
      }),
  );
}
