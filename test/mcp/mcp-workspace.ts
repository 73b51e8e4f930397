import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { repoRoot } from '../helpers/run-cli.js';

export { repoRoot };

/** The built CLI, as an MCP client's configuration starts it. */
export const speclBin = join(repoRoot, 'cli/bin/specl.js');

/** A value only the server's environment holds: no answer may carry it. */
export const SERVER_SECRET = 'specl-mcp-test-secret-5d1c9e';

const vacation = readFileSync(join(repoRoot, 'examples/vacation/vacation.specl'), 'utf8');
const correctHandlers = readFileSync(join(repoRoot, 'examples/vacation/impl/handlers.ts'), 'utf8');

/** The correct handlers with one planted defect: a new request is approved at once. */
export const wrongHandlers = correctHandlers.replace("status: 'pending'", "status: 'approved'");
if (wrongHandlers === correctHandlers) throw new Error('the planted defect no longer applies');

/** The vacation spec without `listRequests`: a breaking change. */
export const vacationWithoutList = vacation.replace(/endpoint listRequests[\s\S]*?\n}\n/, '');
if (vacationWithoutList === vacation) throw new Error('listRequests is no longer where it was');

/** Handlers that try to get out of the sandbox when loaded, then serve correctly. */
const escapingHandlers = (outside: string) => `import { writeFileSync } from 'node:fs';
${correctHandlers}
try { writeFileSync(${JSON.stringify(join(outside, 'pwned.txt'))}, 'escaped'); console.log('write outside: done'); }
catch (error) { console.log('write outside: ' + (error.code ?? error.message)); }
console.log('environment: ' + JSON.stringify(process.env));
`;

/** The folders of a test workspace: the root served, a folder beside it, the write folder. */
export interface McpWorkspace {
  readonly root: string;
  readonly outside: string;
  readonly writeDir: string;
}

const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

/**
 * A workspace with the vacation example (spec, compiled types, a correct, a wrong and an
 * escaping implementation), a spec with an error, specs and documents that reach outside,
 * a second version of the spec, an OpenAPI document; beside it a folder with "secrets", and
 * a write folder that holds a symlink to it.
 */
export function mcpWorkspace(): McpWorkspace {
  const base = mkdtempSync(join(tmpdir(), 'specl-mcp-'));
  const root = join(base, 'ws');
  const outside = join(base, 'outside');
  const writeDir = join(base, 'out');
  write(join(outside, 'secret.specl'), 'type Secret { s: String }\n');
  write(join(outside, 'secret.yaml'), 'components:\n  schemas:\n    S: { type: string }\n');
  write(join(root, 'vacation.specl'), vacation);
  cpSync(join(repoRoot, 'examples/ach-payments/ach-payments.specl'), join(root, 'ach/ach.specl'));
  write(join(root, 'v2/vacation.specl'), vacationWithoutList.replace('"1.2.0"', '"1.3.0"'));
  cpSync(join(repoRoot, 'examples/vacation/generated'), join(root, 'generated'), {
    recursive: true,
  });
  write(join(root, 'impl/handlers.ts'), correctHandlers);
  write(join(root, 'wrong/handlers.ts'), wrongHandlers);
  write(join(root, 'escaping/handlers.ts'), escapingHandlers(outside));
  write(join(root, 'broken.specl'), 'spec Broken version "1.0.0" {}\n\ntype A { x: Nope }\n');
  write(
    join(root, 'escape.specl'),
    'spec Escape version "1.0.0" {}\nimport "../outside/secret.specl"\ntype B { a: Secret }\n',
  );
  write(join(root, 'secrets.env'), 'API_TOKEN = hunter2-specl-token\n');
  write(join(root, 'leak.specl'), 'spec Leak version "1.0.0" {}\nimport "./secrets.env"\n');
  write(
    join(root, 'multi/main.specl'),
    'spec Multi version "1.0.0" {}\nimport "./parts.specl"\ntype B { a: Part }\n',
  );
  write(join(root, 'multi/parts.specl'), 'type Part { p: String }\n');
  cpSync(join(repoRoot, 'test/fixtures/openapi/oai-petstore.yaml'), join(root, 'petstore.yaml'));
  write(
    join(root, 'evil.yaml'),
    [
      'openapi: 3.0.0',
      'info: { title: Evil, version: 1.0.0 }',
      'paths:',
      '  /x:',
      '    get:',
      '      operationId: getX',
      '      responses:',
      "        '200':",
      '          description: ok',
      '          content:',
      '            application/json:',
      "              schema: { $ref: '../outside/secret.yaml#/components/schemas/S' }",
      '',
    ].join('\n'),
  );
  write(join(root, '.git/config'), '[core]\n');
  symlinkSync(outside, join(root, 'link-out'));
  mkdirSync(writeDir);
  symlinkSync(outside, join(writeDir, 'trap'));
  return { root, outside, writeDir };
}

/** A client of the SDK connected over stdio to `specl mcp` started with `args`. */
export async function connectClient(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{
  client: Client;
  transport: StdioClientTransport;
  stderr: () => string;
}> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [speclBin, 'mcp', ...args],
    env: { ...(process.env as Record<string, string>), SPECL_TEST_SECRET: SERVER_SECRET, ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'specl-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport, stderr: () => stderr };
}

/** The text of a tool's answer. */
export function textOf(result: object): string {
  return (((result as { content?: unknown }).content ?? []) as { type: string; text?: string }[])
    .map((part) => part.text ?? '')
    .join('\n');
}
