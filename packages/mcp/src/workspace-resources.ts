import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ServerContext } from './server-context.js';
import { placeIn } from './tools/describe-tool.js';
import type { Workspace } from './workspace.js';
import { Refused } from './workspace.js';
import { loadCleanSpec } from './workspace-spec.js';

/** The most specs listed, and how deep the root is searched for them. */
const MAX_SPECS = 500;
const MAX_DEPTH = 12;
const SKIPPED = new Set(['.git', 'node_modules', '.specl']);

/** The `.specl` files under the root (no symlinks followed, hidden folders skipped), sorted. */
export function workspaceSpecs(workspace: Workspace): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || found.length >= MAX_SPECS) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (found.length >= MAX_SPECS) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED.has(entry.name.toLowerCase())) walk(path, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.specl')) found.push(workspace.shown(path));
    }
  };
  walk(workspace.root, 0);
  return found;
}

const uriPath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

function pathOf(variables: Record<string, string | string[]>): string {
  const raw = variables.path;
  if (typeof raw !== 'string') throw new Refused('name one spec in the resource URI');
  try {
    return raw.split('/').map(decodeURIComponent).join('/');
  } catch {
    throw new Refused(`\`${raw}\` is not a well-encoded path`);
  }
}

/** A resource kind: its URI scheme part, what it holds, and how it is read. */
interface Kind {
  readonly name: string;
  readonly prefix: string;
  readonly mimeType: string;
  readonly description: string;
  read(workspace: Workspace, path: string): Promise<string>;
}

const kinds: readonly Kind[] = [
  {
    name: 'spec',
    prefix: 'specl://spec/',
    mimeType: 'text/plain',
    description: 'A Specl spec of the workspace, as written',
    read: async (workspace, path) => workspace.read(path).text,
  },
  {
    name: 'contract',
    prefix: 'specl://contract/',
    mimeType: 'text/markdown',
    description:
      "A spec's compiled contract: every endpoint with its types, requires, ensures, the invariants it reaches and the properties that call it, each with its place",
    read: async (workspace, path) => {
      const { ir, path: real } = await loadCleanSpec(workspace, path);
      const place = placeIn(workspace, real);
      const { contractText, endpointContract } = await import('./endpoint-contract.js');
      return [
        `# ${ir.name} ${ir.version} (${ir.fingerprint})`,
        ...ir.endpoints.map(
          (endpoint) =>
            `\n## ${endpoint.name}\n\n${contractText(endpointContract(ir, endpoint, place))}`,
        ),
      ].join('\n');
    },
  },
  {
    name: 'openapi',
    prefix: 'specl://openapi/',
    mimeType: 'application/json',
    description: 'A spec compiled to OpenAPI 3.1 (with the x-specl-* extensions for its clauses)',
    read: async (workspace, path) => {
      const { ir } = await loadCleanSpec(workspace, path);
      const { emitOpenApi } = await import('@specl/compiler');
      return emitOpenApi(ir, {})[0]!.content;
    },
  },
];

/** Resources: each spec of the workspace, its compiled contract, and its OpenAPI document. */
export function registerWorkspaceResources(server: McpServer, { workspace }: ServerContext): void {
  for (const kind of kinds) {
    server.registerResource(
      `specl-${kind.name}`,
      new ResourceTemplate(`${kind.prefix}{+path}`, {
        list: () => ({
          resources: workspaceSpecs(workspace).map((path) => ({
            uri: `${kind.prefix}${uriPath(path)}`,
            name: `${kind.name}: ${path}`,
            mimeType: kind.mimeType,
          })),
        }),
      }),
      { title: `Specl ${kind.name}`, description: kind.description, mimeType: kind.mimeType },
      async (uri, variables): Promise<ReadResourceResult> => {
        try {
          const path = pathOf(variables);
          if (!path.endsWith('.specl')) throw new Refused(`\`${path}\` is not a .specl file`);
          const text = await kind.read(workspace, path);
          return { contents: [{ uri: uri.href, mimeType: kind.mimeType, text }] };
        } catch (error) {
          if (error instanceof Refused) throw new McpError(ErrorCode.InvalidParams, error.message);
          throw error;
        }
      },
    );
  }
}
