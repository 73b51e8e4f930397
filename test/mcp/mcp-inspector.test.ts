// `specl mcp` driven by a second, independent MCP client: the MCP Inspector's CLI mode
// (@modelcontextprotocol/inspector-cli, pinned in devDependencies), as a user runs it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { McpWorkspace } from './mcp-workspace.js';
import { mcpWorkspace, repoRoot, speclBin } from './mcp-workspace.js';

const inspector = join(repoRoot, 'node_modules/@modelcontextprotocol/inspector-cli/build/index.js');

let workspace: McpWorkspace;
beforeAll(() => {
  workspace = mcpWorkspace();
});

/**
 * Runs the Inspector's CLI against `specl mcp --root <workspace>` and parses what it prints.
 * It runs in a folder of the repository: the Inspector looks for its package.json at
 * `../package.json` relative to the working folder before it loads it from its own.
 */
async function inspect(args: readonly string[]): Promise<unknown> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [inspector, process.execPath, speclBin, 'mcp', '--root', workspace.root, ...args],
    { cwd: join(repoRoot, 'cli'), timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout);
}

describe('specl mcp with the MCP Inspector CLI', () => {
  it('lists the tools, checks a spec, reads a contract and gets the prompt', async () => {
    const [tools, checked, contract, prompt] = (await Promise.all([
      inspect(['--method', 'tools/list']),
      inspect([
        '--method',
        'tools/call',
        '--tool-name',
        'check',
        '--tool-arg',
        'spec=broken.specl',
      ]),
      inspect(['--method', 'resources/read', '--uri', 'specl://contract/vacation.specl']),
      inspect([
        '--method',
        'prompts/get',
        '--prompt-name',
        'implement_endpoint',
        '--prompt-args',
        'spec=vacation.specl',
        'endpoint=createEmployee',
      ]),
    ])) as [
      { tools: { name: string; inputSchema: { required?: string[] } }[] },
      { structuredContent: { ok: boolean; diagnostics: { file: string; line: number }[] } },
      { contents: { text: string }[] },
      { messages: { content: { text: string } }[] },
    ];
    expect(tools.tools.map((tool) => tool.name).sort()).toEqual([
      'check',
      'compile',
      'describe_endpoint',
      'diff',
      'import_openapi',
      'verify',
    ]);
    expect(tools.tools.find((tool) => tool.name === 'diff')?.inputSchema.required).toEqual([
      'old',
      'new',
    ]);
    expect(checked.structuredContent.ok).toBe(false);
    expect(checked.structuredContent.diagnostics[0]).toMatchObject({
      file: 'broken.specl',
      line: 3,
    });
    expect(contract.contents[0]!.text).toMatch(
      /## createEmployee\n\ncreateEmployee: POST \/employees {2}\(vacation\.specl:\d+:\d+\)/,
    );
    expect(prompt.messages[0]!.content.text).toContain('Implement the endpoint `createEmployee`');
  }, 120_000);
});
