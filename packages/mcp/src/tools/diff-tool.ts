import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerContext } from '../server-context.js';
import { answer, guarded } from '../tool-result.js';
import { loadCleanSpec } from '../workspace-spec.js';
import { placeIn } from './describe-tool.js';
import { filePath } from './tool-arguments.js';

/** `diff`: the classified changes between two versions of a spec, and the version they need. */
export function registerDiffTool(server: McpServer, { workspace }: ServerContext): void {
  server.registerTool(
    'diff',
    {
      title: 'Diff two versions of a spec',
      description:
        'Classifies every change between two versions of a spec (two .specl files of the workspace) as breaking, non-breaking or unknown, with the reason and the place in each version, and says which version bump the changes need and whether the new version carries it.',
      inputSchema: {
        old: filePath('the old version: a root .specl file, relative to the workspace root'),
        new: filePath('the new version: a root .specl file, relative to the workspace root'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const old = await loadCleanSpec(workspace, args.old);
        const now = await loadCleanSpec(workspace, args.new);
        const { carries, checkVersion, diffSpecs } = await import('@specl/compiler');
        const diff = diffSpecs(old.ir, now.ir);
        const version = checkVersion(diff);
        const placeOld = placeIn(workspace, old.path);
        const placeNew = placeIn(workspace, now.path);
        const changes = diff.changes.map((change) => ({
          kind: change.kind,
          verdict: change.verdict,
          subject: change.subject,
          message: change.message,
          reason: change.reason,
          bump: change.bump,
          old: placeOld(change.old),
          new: placeNew(change.new),
        }));
        const { breaking, nonBreaking, unknown } = diff.summary;
        const needed = version.needed ?? 'none';
        const carried =
          version.needed === undefined || carries(version.carried, version.needed)
            ? 'carries it'
            : `carries ${version.carried}${version.suggested ? `; the smallest version that carries it is ${version.suggested}` : ''}`;
        const lines = [
          `${diff.old.name} ${diff.old.version} → ${diff.new.name} ${diff.new.version}: ${changes.length} change${changes.length === 1 ? '' : 's'} (${breaking} breaking, ${unknown} unknown, ${nonBreaking} non-breaking)`,
          ...changes.map(
            (c) => `${c.new}: ${c.verdict} ${c.kind}: ${c.message}\n  ${c.reason}\n  old: ${c.old}`,
          ),
          `bump needed: ${needed}; ${version.old} → ${version.new} ${carried}`,
        ];
        return answer(lines.join('\n'), {
          old: diff.old,
          new: diff.new,
          summary: diff.summary,
          version,
          changes,
        });
      }),
  );
}
