// `specl mcp` against clients that misbehave: arguments of the wrong shape, paths outside the
// root, a read-only server asked to write, garbage and oversized lines on stdin, and a client
// that disconnects in the middle of a call.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { McpWorkspace } from './mcp-workspace.js';
import { runSpecl } from '../helpers/run-cli.js';
import { connectClient, mcpWorkspace, speclBin, textOf } from './mcp-workspace.js';

let workspace: McpWorkspace;
let client: Client;

beforeAll(async () => {
  workspace = mcpWorkspace();
  // Read-only: no --write-dir.
  ({ client } = await connectClient(['--root', workspace.root]));
}, 120_000);

afterAll(async () => {
  await client?.close();
});

const call = (name: string, args: unknown) =>
  client.callTool({ name, arguments: args as Record<string, unknown> });

/** Starts the server as a raw process, to talk to it byte by byte. */
function rawServer(): { child: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [speclBin, 'mcp', '--root', workspace.root], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts.filter(Boolean));
  });
  child.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

const initialize = (id: number) =>
  `${JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'raw', version: '1' },
    },
  })}\n`;

async function answerTo(lines: string[], id: number, exited: Promise<unknown>) {
  for (;;) {
    const found = lines.map((line) => JSON.parse(line)).find((message) => message.id === id);
    if (found) return found;
    const ended = await Promise.race([
      exited.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 50)),
    ]);
    if (ended) throw new Error(`the server exited without answering ${id}`);
  }
}

/** The sandboxed verification processes of this file's workspace still running. */
const sandboxChildren = () =>
  spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => line.includes('sandbox-child') && line.includes(workspace.root));

/** Waits until `done` holds (checked every 100 ms, for at most a minute: a hang fails the test). */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 60_000; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('specl mcp with hostile clients', () => {
  it('refuses to start on a root or write folder that is not a folder, naming it', () => {
    const missing = runSpecl(['mcp', '--root', join(workspace.root, 'nope')], workspace.root);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^specl: `--root .*nope`: no such folder\n$/);
    const file = runSpecl(['mcp', '--write-dir', 'vacation.specl'], workspace.root);
    expect(file.status).toBe(2);
    expect(file.stderr).toContain('`--write-dir');
    expect(file.stderr).toContain('is not a folder');
    const extra = runSpecl(['mcp', 'vacation.specl'], workspace.root);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toContain('takes no files');
  });

  it('answers arguments of the wrong shape with an MCP error, and keeps serving', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['check', {}, /-32602.*Input validation error.*spec/],
      ['check', { spec: 42 }, /-32602.*Input validation error/],
      ['verify', { spec: 'vacation.specl', runs: 'many', url: 'http://127.0.0.1:1' }, /-32602/],
      ['verify', { spec: 'vacation.specl', runs: 10 ** 9, url: 'http://127.0.0.1:1' }, /-32602/],
      ['compile', { spec: 'vacation.specl', targets: ['everything'] }, /-32602/],
      ['check', { spec: 'x'.repeat(5000) }, /-32602/],
      [
        'diff',
        { old: 'vacation.specl', new: 'v2/vacation.specl', endpoints: Array(5000).fill('a') },
        /-32602.*more than the maximum/,
      ],
      ['no_such_tool', {}, /-32602.*Tool no_such_tool not found/],
    ];
    for (const [tool, args, message] of cases) {
      const result = await call(tool, args);
      expect(result.isError, tool).toBe(true);
      expect(textOf(result), tool).toMatch(message);
    }
    const still = await call('check', { spec: 'vacation.specl' });
    expect(still.structuredContent).toMatchObject({ ok: true });
  });

  it('refuses paths outside the root, through symlinks, into .git, and what is no file', async () => {
    const cases: [string, RegExp][] = [
      ['../outside/secret.specl', /outside the workspace root/],
      [join(workspace.outside, 'secret.specl'), /outside the workspace root/],
      ['/etc/passwd', /outside the workspace root/],
      ['link-out/secret.specl', /symlink that leads out/],
      ['.git/config', /inside `\.git\/`/],
      ['missing.specl', /does not exist/],
      ['generated', /not a file/],
      ['generated/types.ts', /not a spec/],
      ['bad\u0000.specl', /NUL/],
    ];
    for (const [spec, message] of cases) {
      const result = await call('check', { spec });
      expect(result.isError, spec).toBe(true);
      expect(textOf(result), spec).toMatch(message);
    }
    const module = await call('verify', {
      spec: 'vacation.specl',
      module: 'link-out/secret.specl',
    });
    expect(textOf(module)).toMatch(/symlink that leads out/);
  });

  it('writes nothing when started without --write-dir', async () => {
    for (const [tool, args] of [
      ['compile', { spec: 'vacation.specl', out: 'gen' }],
      ['import_openapi', { document: 'petstore.yaml', out: 'petstore.specl' }],
    ] as const) {
      const result = await call(tool, args);
      expect(result.isError, tool).toBe(true);
      expect(textOf(result), tool).toContain('read-only');
    }
    expect(existsSync(join(workspace.root, 'gen'))).toBe(false);
    expect(existsSync(join(workspace.root, 'petstore.specl'))).toBe(false);
    expect(readdirSync(workspace.writeDir)).toEqual(['trap']);
  });

  it('skips garbage lines on stdin and keeps answering', async () => {
    const server = rawServer();
    server.child.stdin!.write(
      'this is not JSON\n{"jsonrpc": "2.0", "id": \n[1,2,3]\n{"id": 7}\n\u0000\u00ff\n',
    );
    server.child.stdin!.write(initialize(1));
    const answer = await answerTo(server.lines, 1, server.exited);
    expect(answer.result.serverInfo.name).toBe('specl');
    server.child.stdin!.end();
    expect(await server.exited).toBe(0);
  });

  it('closes, without hanging, on a line above the size limit', async () => {
    const server = rawServer();
    server.child.stdin!.on('error', () => {});
    server.child.stdin!.write('{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"');
    server.child.stdin!.write('x'.repeat(5 * 1024 * 1024));
    expect(await server.exited).toBe(0);
  });

  it('ends a call in flight, and itself, when the client disconnects mid-call', async () => {
    const server = rawServer();
    server.child.stdin!.write(initialize(1));
    await answerTo(server.lines, 1, server.exited);
    server.child.stdin!.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
    // A verification that would take minutes: a server that never answers.
    server.child.stdin!.write(
      `${JSON.stringify({
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: {
          name: 'verify',
          arguments: {
            spec: 'vacation.specl',
            module: 'impl/handlers.ts',
            runs: 1000,
            timeoutSeconds: 600,
          },
        },
      })}\n`,
    );
    // Wait until the sandboxed child runs the module (it may read the workspace root).
    await until(() => sandboxChildren().length > 0);
    expect(sandboxChildren().length).toBeGreaterThan(0);
    server.child.stdin!.end();
    expect(await server.exited).toBe(0);
    expect(server.lines.some((line) => JSON.parse(line).id === 2)).toBe(false);
    await until(() => sandboxChildren().length === 0);
    expect(sandboxChildren()).toEqual([]);
  });
});
