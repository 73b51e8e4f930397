// `specl mcp` through the official SDK's client over stdio, against the built CLI: every
// tool, the resources and the prompt, on a workspace of its own (one server for the file).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { achServer } from '../../examples/ach-payments/server/http-server.js';
import { listen, vacationServer } from '../../examples/vacation/server/http-server.js';
import type { McpWorkspace } from './mcp-workspace.js';
import { SERVER_SECRET, connectClient, mcpWorkspace, repoRoot, textOf } from './mcp-workspace.js';

let workspace: McpWorkspace;
let client: Client;
let http: Server;
let baseUrl: string;
let ach: Server;
let achUrl: string;
/** The bearer token the server is configured with, as a client's `env` sets it. */
const TOKEN = 'mcp-test-bearer-token-93b1';

beforeAll(async () => {
  workspace = mcpWorkspace();
  ({ client } = await connectClient(['--root', workspace.root, '--write-dir', workspace.writeDir], {
    SPECL_AUTH_BEARER_TOKEN: TOKEN,
  }));
  http = vacationServer();
  await listen(http, 0);
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  ach = achServer();
  await listen(ach, 0);
  achUrl = `http://127.0.0.1:${(ach.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await client?.close();
  await new Promise((resolve) => http?.close(resolve));
  await new Promise((resolve) => ach?.close(resolve));
});

const call = (name: string, args: Record<string, unknown>) =>
  client.callTool({ name, arguments: args }, undefined, { timeout: 170_000 });

describe('specl mcp over stdio', () => {
  it('offers the six tools, the three resource kinds and the prompt', async () => {
    const tools = (await client.listTools()).tools.map((tool) => tool.name).sort();
    expect(tools).toEqual([
      'check',
      'compile',
      'describe_endpoint',
      'diff',
      'import_openapi',
      'verify',
    ]);
    const templates = (await client.listResourceTemplates()).resourceTemplates.map(
      (t) => t.uriTemplate,
    );
    expect(templates.sort()).toEqual([
      'specl://contract/{+path}',
      'specl://openapi/{+path}',
      'specl://spec/{+path}',
    ]);
    const prompts = (await client.listPrompts()).prompts.map((prompt) => prompt.name);
    expect(prompts).toEqual(['implement_endpoint']);
  });

  it('check answers each diagnostic with file:line:col', async () => {
    const clean = await call('check', { spec: 'vacation.specl' });
    expect(clean.isError).toBeFalsy();
    expect(clean.structuredContent).toMatchObject({ ok: true, errors: 0 });
    const broken = await call('check', { spec: 'broken.specl' });
    expect(broken.structuredContent).toMatchObject({ ok: false, errors: 1 });
    expect(textOf(broken)).toMatch(/^broken\.specl:3:13: error specl\/[a-z-]+: .*Nope/m);
  });

  it('check reads no import outside the root: the import is reported where it stands', async () => {
    const result = await call('check', { spec: 'escape.specl' });
    const text = textOf(result);
    expect(result.structuredContent).toMatchObject({ ok: false });
    expect(text).toMatch(/^escape\.specl:2:\d+: error .*outside\/secret\.specl/m);
    // Only specs are read as specs: a syntax error would quote the file back.
    const leak = await call('check', { spec: 'leak.specl' });
    expect(textOf(leak)).toMatch(/^leak\.specl:2:\d+: error .*secrets\.env/m);
    expect(textOf(leak)).not.toContain('hunter2');
    // An import inside the root is read as usual.
    const inside = await call('check', { spec: 'multi/main.specl' });
    expect(inside.structuredContent).toMatchObject({ ok: true, errors: 0 });
    // Had the outside file been read, `Secret` would resolve.
    expect(text).toMatch(/^escape\.specl:3:\d+: error .*Secret/m);
  });

  it('compile answers the same files `specl compile` writes', async () => {
    const result = await call('compile', { spec: 'vacation.specl' });
    expect(result.isError).toBeFalsy();
    const files = (result.structuredContent as { files: { path: string; content: string }[] })
      .files;
    expect(files.map((file) => file.path)).toEqual(['openapi.json', 'types.ts', 'properties.ts']);
    for (const file of files)
      expect(file.content).toBe(
        readFileSync(join(repoRoot, 'examples/vacation/generated', file.path), 'utf8'),
      );
  });

  it('compile with `out` writes under --write-dir only, and never over other content', async () => {
    const first = await call('compile', { spec: 'vacation.specl', targets: ['types'], out: 'gen' });
    expect(first.isError).toBeFalsy();
    expect(readFileSync(join(workspace.writeDir, 'gen/types.ts'), 'utf8')).toBe(
      readFileSync(join(repoRoot, 'examples/vacation/generated/types.ts'), 'utf8'),
    );
    const again = await call('compile', { spec: 'vacation.specl', targets: ['types'], out: 'gen' });
    expect(textOf(again)).toContain('unchanged gen/types.ts');
    const other = await call('compile', {
      spec: 'v2/vacation.specl',
      targets: ['types'],
      out: 'gen',
    });
    expect(other.isError).toBe(true);
    expect(textOf(other)).toContain('overwrite: true');
    const replaced = await call('compile', {
      spec: 'v2/vacation.specl',
      targets: ['types'],
      out: 'gen',
      overwrite: true,
    });
    expect(replaced.isError).toBeFalsy();
    expect(readFileSync(join(workspace.writeDir, 'gen/types.ts'), 'utf8')).toContain('1.3.0');
  });

  it('compile refuses outputs that would leave the write folder, and writes nothing', async () => {
    for (const out of ['../escaped', '/tmp/escaped', 'trap/gen', 'trap']) {
      const result = await call('compile', { spec: 'vacation.specl', out });
      expect(result.isError, out).toBe(true);
    }
    expect(readdirSync(workspace.outside).sort()).toEqual(['secret.specl', 'secret.yaml']);
    expect(existsSync(join(workspace.root, '..', 'escaped'))).toBe(false);
  });

  it('describe_endpoint answers the types, requires, ensures, invariants and properties', async () => {
    const result = await call('describe_endpoint', {
      spec: 'vacation.specl',
      endpoint: 'requestVacation',
    });
    const text = textOf(result);
    expect(text).toMatch(
      /^requestVacation: POST \/employees\/\{id\}\/requests {2}\(vacation\.specl:\d+:\d+\)/,
    );
    expect(text).toMatch(/requires:\n {2}body\.days > 0 {2}\(vacation\.specl:\d+:\d+\)/);
    expect(text).toContain('response.status == pending');
    expect(text).toMatch(/NewRequest: end >= start {2}\(vacation\.specl:\d+:\d+\)/);
    expect(text).toContain('balanceDecreasesByDays');
    expect(text).toContain('interface VacationRequest {');
    const contract = result.structuredContent as {
      ensures: { source: string }[];
      errors: { status: number; name: string }[];
    };
    expect(contract.ensures.map((c) => c.source)).toEqual([
      'response.employeeId == id',
      'response.status == pending',
      'response.days == body.days',
    ]);
    expect(contract.errors).toEqual([
      { status: 404, name: 'NotFound' },
      { status: 409, name: 'InsufficientBalance' },
    ]);
    const unknown = await call('describe_endpoint', { spec: 'vacation.specl', endpoint: 'nope' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain('its endpoints are createEmployee, getEmployee');
  });

  it('describe_endpoint tells how a paginated endpoint answers in pages', async () => {
    const result = await call('describe_endpoint', {
      spec: 'ach/ach.specl',
      endpoint: 'listTransfers',
    });
    expect(textOf(result)).toContain(
      '\n  paginated cursor = response.nextCursor, items = response.items\n',
    );
    expect((result.structuredContent as { pagination?: unknown }).pagination).toEqual({
      clause: 'paginated cursor = response.nextCursor, items = response.items',
      cursorParameter: 'cursor',
      nextCursor: 'response.nextCursor',
      items: 'response.items',
    });
  });

  it('describe_endpoint tells which headers an answer carries', async () => {
    const result = await call('describe_endpoint', {
      spec: 'ach/ach.specl',
      endpoint: 'createTransfer',
    });
    expect(textOf(result)).toContain('\n  response 201 Transfer with Created, Replay\n');
    expect(textOf(result)).toContain(
      '\n  headers Replay { replayed "Idempotent-Replayed"?: boolean }\n',
    );
    const contract = result.structuredContent as {
      responses: { headers?: string[] }[];
      responseHeaders: { name: string; headers: string[] }[];
    };
    expect(contract.responses[0]!.headers).toEqual(['Created', 'Replay']);
    expect(contract.responseHeaders.map((set) => set.name)).toEqual(['Created', 'Replay']);
  });

  it('verify passes a correct server and refuses a host that is not loopback', async () => {
    const progress: { progress: number; total?: number; message?: string }[] = [];
    const passed = await client.callTool(
      { name: 'verify', arguments: { spec: 'vacation.specl', url: baseUrl, runs: 5, seed: 1 } },
      undefined,
      { timeout: 170_000, onprogress: (event) => progress.push(event) },
    );
    expect(passed.isError).toBeFalsy();
    expect(passed.structuredContent).toMatchObject({ ok: true, seed: 1 });
    // One progress notification a check, in order.
    const checks = (passed.structuredContent as { checks: { name: string }[] }).checks;
    expect(progress.map((event) => event.message)).toEqual(checks.map((check) => check.name));
    expect(progress.map((event) => event.progress)).toEqual(checks.map((_, index) => index));
    expect(progress.every((event) => event.total === checks.length)).toBe(true);
    const remote = await call('verify', { spec: 'vacation.specl', url: 'http://192.0.2.1:80' });
    expect(remote.isError).toBe(true);
    expect(textOf(remote)).toContain('--allow-remote');
  });

  it('verify authenticates with the credential in the server environment, never showing it', async () => {
    const result = await call('verify', {
      spec: 'ach/ach.specl',
      url: achUrl,
      runs: 5,
      seed: 1,
      endpoints: ['openAccount', 'getAccount'],
    });
    const report = result.structuredContent as { ok: boolean; checks: { name: string }[] };
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.name)).toContain(
      'endpoint getAccount without credentials',
    );
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('verify runs a module in the sandbox and answers the counterexample of a defect', async () => {
    const wrong = await call('verify', {
      spec: 'vacation.specl',
      module: 'wrong/handlers.ts',
      runs: 10,
      seed: 1,
      endpoints: ['requestVacation'],
    });
    expect(wrong.isError).toBeFalsy();
    const report = wrong.structuredContent as {
      ok: boolean;
      checks: { status: string; failure?: { clause?: { source: string; at: string } } }[];
    };
    expect(report.ok).toBe(false);
    const failed = report.checks.find((check) => check.status === 'failed');
    expect(failed?.failure?.clause?.source).toBe('response.status == pending');
    expect(failed?.failure?.clause?.at).toMatch(/^vacation\.specl:\d+:\d+$/);
    expect(textOf(wrong)).toContain('counterexample');
    // The wrong module's folder is staged, never written.
    expect(readdirSync(join(workspace.root, 'wrong'))).toEqual(['handlers.ts']);
  }, 180_000);

  it('verify of a module that tries to escape: nothing outside, no secret in the answer', async () => {
    const result = await call('verify', {
      spec: 'vacation.specl',
      module: 'escaping/handlers.ts',
      runs: 5,
      seed: 1,
      endpoints: ['getEmployee'],
    });
    const text = textOf(result);
    expect(result.structuredContent).toMatchObject({ ok: true });
    expect(text).toMatch(/write outside: (EACCES|EROFS|ENOENT|ERR_ACCESS_DENIED|EPERM)/);
    expect(text).not.toContain(SERVER_SECRET);
    expect(existsSync(join(workspace.outside, 'pwned.txt'))).toBe(false);
    expect(readdirSync(join(workspace.root, 'escaping'))).toEqual(['handlers.ts']);
  }, 180_000);

  it('diff classifies the changes between two versions, with places in each', async () => {
    const result = await call('diff', { old: 'vacation.specl', new: 'v2/vacation.specl' });
    expect(result.isError).toBeFalsy();
    const diff = result.structuredContent as {
      summary: { breaking: number };
      changes: { kind: string; verdict: string; subject: string; old: string; new: string }[];
    };
    const removed = diff.changes.find((c) => c.subject === 'listRequests');
    expect(removed).toMatchObject({ verdict: 'breaking' });
    expect(removed?.old).toMatch(/^vacation\.specl:\d+:\d+$/);
    expect(removed?.new).toMatch(/^v2\/vacation\.specl:\d+:\d+$/);
    expect(textOf(result)).toMatch(/bump needed: major; 1\.2\.0 → 1\.3\.0 carries minor/);
  });

  it('import_openapi answers a spec that checks, and writes it only under --write-dir', async () => {
    const result = await call('import_openapi', { document: 'petstore.yaml' });
    expect(result.isError).toBeFalsy();
    const imported = result.structuredContent as { text: string; summary: { endpoints: number } };
    expect(imported.summary.endpoints).toBe(3);
    expect(imported.text).toMatch(/endpoint listPets GET \/pets/);
    const written = await call('import_openapi', {
      document: 'petstore.yaml',
      out: 'petstore.specl',
    });
    expect(written.isError).toBeFalsy();
    expect(readFileSync(join(workspace.writeDir, 'petstore.specl'), 'utf8')).toBe(imported.text);
  });

  it('import_openapi refuses a $ref that leads outside the root before reading it', async () => {
    const result = await call('import_openapi', { document: 'evil.yaml' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /\$ref `\.\.\/outside\/secret\.yaml#.*outside the workspace root/,
    );
  });

  it('serves the specs, their contracts and OpenAPI documents as resources', async () => {
    const listed = (await client.listResources()).resources.map((r) => r.uri);
    expect(listed).toContain('specl://spec/vacation.specl');
    expect(listed).toContain('specl://contract/v2/vacation.specl');
    expect(listed.some((uri) => uri.includes('.git') || uri.includes('outside'))).toBe(false);
    const spec = await client.readResource({ uri: 'specl://spec/vacation.specl' });
    expect((spec.contents[0] as { text: string }).text).toBe(
      readFileSync(join(workspace.root, 'vacation.specl'), 'utf8'),
    );
    const contract = await client.readResource({ uri: 'specl://contract/vacation.specl' });
    expect((contract.contents[0] as { text: string }).text).toContain('## requestVacation');
    const openapi = await client.readResource({ uri: 'specl://openapi/vacation.specl' });
    expect((openapi.contents[0] as { text: string }).text).toBe(
      readFileSync(join(repoRoot, 'examples/vacation/generated/openapi.json'), 'utf8'),
    );
    await expect(
      client.readResource({ uri: 'specl://spec/..%2Foutside%2Fsecret.specl' }),
    ).rejects.toThrow(/outside the workspace root/);
    await expect(
      client.readResource({ uri: 'specl://spec/link-out/secret.specl' }),
    ).rejects.toThrow(/symlink that leads out/);
  });

  it('the implement_endpoint prompt carries the contract and the verify call', async () => {
    const prompt = await client.getPrompt({
      name: 'implement_endpoint',
      arguments: { spec: 'vacation.specl', endpoint: 'getEmployee', module: 'impl/handlers.ts' },
    });
    const text = (prompt.messages[0]!.content as { text: string }).text;
    expect(text).toContain('Implement the endpoint `getEmployee`');
    expect(text).toMatch(/getEmployee: GET \/employees\/\{id\} {2}\(vacation\.specl:\d+:\d+\)/);
    expect(text).toContain(
      '{"spec":"vacation.specl","module":"impl/handlers.ts","endpoints":["getEmployee"]}',
    );
  });
});
