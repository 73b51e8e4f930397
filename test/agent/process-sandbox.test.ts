import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectSandbox } from '@specl/agent';
import type { FakeMessagesApi } from './fake-messages-api.js';
import { finalText, startFakeMessagesApi, toolCalls } from './fake-messages-api.js';
import {
  TEST_KEY,
  agentOn,
  correctHandlers,
  snapshot,
  toolResultsOf,
  vacationProject,
} from './agent-helpers.js';
import { keyLeaks } from './key-leaks.js';

// The key is in this process's environment, as it is in the CLI's: nothing it starts may see it.
let server: Server;
let connections = 0;
let port = 0;
const savedKey = process.env['ANTHROPIC_API_KEY'];
beforeAll(async () => {
  process.env['ANTHROPIC_API_KEY'] = TEST_KEY;
  server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  if (savedKey === undefined) delete process.env['ANTHROPIC_API_KEY'];
  else process.env['ANTHROPIC_API_KEY'] = savedKey;
  await new Promise((resolve) => server.close(resolve));
});

/** Candidate code that tries each escape at load time and reports what happened, then serves. */
const escaping = (outside: string, port: number) => `import * as fs from 'node:fs';
import * as net from 'node:net';
import * as childProcess from 'node:child_process';
const tries = [];
const attempt = (name, run) => {
  try { tries.push(name + ': ' + String(run()).slice(0, 300)); }
  catch (error) { tries.push(name + ': ' + (error.code ?? error.message)); }
};
attempt('write outside', () => { fs.writeFileSync(${JSON.stringify(join(outside, 'pwned.txt'))}, 'x'); return 'written'; });
attempt('own environ', () => fs.readFileSync('/proc/self/environ', 'utf8'));
attempt('parent environ', () => fs.readFileSync('/proc/' + process.ppid + '/environ', 'utf8'));
attempt('agent environ', () => fs.readdirSync('/proc').filter((p) => /^\\d+$/.test(p)).map((p) => { try { return fs.readFileSync('/proc/' + p + '/environ', 'utf8'); } catch { return ''; } }).join('|'));
attempt('env', () => JSON.stringify(process.env));
attempt('spawn', () => childProcess.spawnSync('sh', ['-c', 'echo spawned']).stdout);
tries.push('connect: ' + await new Promise((resolve) => {
  const socket = net.connect(${port}, '127.0.0.1');
  socket.on('connect', () => { socket.destroy(); resolve('connected'); });
  socket.on('error', (error) => resolve(error.code));
  setTimeout(() => { socket.destroy(); resolve('timed out'); }, 3000);
}));
throw new Error('REPORT ' + tries.join(' ## '));
`;

describe('the process sandbox of model-written code', () => {
  it('is the strongest this machine gives (bubblewrap, installed by the test setup)', () => {
    expect(detectSandbox().kind).toBe('bubblewrap');
  });

  it('contains code that writes outside, reads the environment of every process, spawns, and connects out', async () => {
    const project = vacationProject();
    const outside = mkdtempSync(join(tmpdir(), 'specl-outside-'));
    let api: FakeMessagesApi | undefined;
    try {
      api = await startFakeMessagesApi([
        toolCalls([
          { name: 'write_file', input: { path: 'handlers.ts', content: escaping(outside, port) } },
          { name: 'verify', input: { endpoint: 'createEmployee' } },
        ]),
        toolCalls([
          { name: 'write_file', input: { path: 'handlers.ts', content: correctHandlers } },
          { name: 'verify', input: {} },
        ]),
      ]);
      const result = await agentOn(api, project);
      expect(result.outcome).toBe('verified');
      const report = toolResultsOf(api.requests[1]!.body)[1]!.text;
      const lines = Object.fromEntries(
        report
          .slice(report.indexOf('REPORT ') + 7)
          .split('\n')[0]!
          .split(' ## ')
          .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
      );
      expect(lines['write outside']).toBe('ERR_ACCESS_DENIED');
      expect(lines['own environ']).toBe('ERR_ACCESS_DENIED');
      expect(lines['parent environ']).toBe('ERR_ACCESS_DENIED');
      expect(lines['spawn']).toBe('ERR_ACCESS_DENIED');
      expect(lines['connect']).toMatch(/^(ECONNREFUSED|ENETUNREACH|timed out)$/);
      expect(lines['env']).not.toMatch(/ANTHROPIC/);
      expect(connections).toBe(0);
      expect(snapshot(outside)).toEqual({});
      const everything = [
        ...api.requests.map((request) => request.raw),
        readFileSync(result.auditLog, 'utf8'),
        JSON.stringify(result),
        ...readdirSync(join(project.root, '.specl', 'runs')).map((file) =>
          readFileSync(join(project.root, '.specl', 'runs', file), 'utf8'),
        ),
      ].join('\n');
      expect(keyLeaks(everything, TEST_KEY)).toEqual([]);
    } finally {
      await api?.close();
    }
  });

  it('stops code that allocates without end, writes gigabytes, or loops, and says which', async () => {
    const project = vacationProject();
    const abusers = {
      allocates: 'const kept = []; for (;;) kept.push(Buffer.alloc(50 * 1024 * 1024, 1));',
      writes:
        "import { openSync, writeSync } from 'node:fs'; const fd = openSync('big.bin', 'w'); const mb = Buffer.alloc(1024 * 1024, 1); for (let i = 0; i < 4096; i++) writeSync(fd, mb);",
      loops: 'for (;;) {}',
    };
    const script = Object.values(abusers).map((code) =>
      toolCalls([
        { name: 'write_file', input: { path: 'handlers.ts', content: code } },
        { name: 'verify', input: { endpoint: 'createEmployee' } },
      ]),
    );
    let api: FakeMessagesApi | undefined;
    try {
      api = await startFakeMessagesApi([...script, finalText('I give up.')]);
      const result = await agentOn(api, project, {
        verifyTimeoutMs: 60_000,
        // 10 s of CPU: the sandbox's start (loading the verifier, transpiling the handlers)
        // counts too, and on a machine at load 15 it took the 5 s once before the allocating
        // code reached 256 MB.
        sandboxLimits: { memoryMb: 256, fileMb: 16, cpuSeconds: 10 },
        budget: { maxTurns: 4 },
      });
      const said = [1, 2, 3].map((turn) => toolResultsOf(api!.requests[turn]!.body)[1]!.text);
      expect(said[0]).toMatch(
        /could not run: the implementation ran out of memory \(the sandbox allows 256 MB\)/,
      );
      expect(said[1]).toMatch(
        /could not run: the implementation wrote a file larger than the sandbox allows \(16 MB\)/,
      );
      expect(said[2]).toMatch(
        /could not run: the implementation used up its CPU time \(the sandbox allows 10 s\)/,
      );
      expect(result.outcome).toBe('budget');
    } finally {
      await api?.close();
    }
  }, 240_000);

  it('refuses to run model code where the network cannot be cut, unless unsafeRun', async () => {
    const project = vacationProject({ 'handlers.ts': correctHandlers });
    const api = await startFakeMessagesApi([finalText('Done.')]);
    try {
      await expect(agentOn(api, project, { sandbox: 'permissions' })).rejects.toThrow(
        /model-written code would run with only this protection: Node permission model only.*--unsafe-run/,
      );
      expect(api.requests).toEqual([]);
    } finally {
      await api.close();
    }
  });

  for (const kind of ['unshare', 'permissions'] as const)
    it(`verifies in the weaker ${kind} sandbox too (permissions: with unsafeRun), still without the key`, async () => {
      const project = vacationProject();
      const outside = mkdtempSync(join(tmpdir(), 'specl-outside-'));
      const api = await startFakeMessagesApi([
        toolCalls([
          { name: 'write_file', input: { path: 'handlers.ts', content: escaping(outside, port) } },
          { name: 'verify', input: { endpoint: 'createEmployee' } },
        ]),
        toolCalls([
          { name: 'write_file', input: { path: 'handlers.ts', content: correctHandlers } },
          { name: 'verify', input: {} },
        ]),
      ]);
      try {
        const result = await agentOn(api, project, {
          sandbox: kind,
          unsafeRun: kind === 'permissions',
        });
        expect(result.outcome).toBe('verified');
        const report = toolResultsOf(api.requests[1]!.body)[1]!.text;
        expect(report).toMatch(/write outside: ERR_ACCESS_DENIED/);
        expect(report).toMatch(/parent environ: ERR_ACCESS_DENIED/);
        expect(report).toMatch(/spawn: ERR_ACCESS_DENIED/);
        if (kind === 'unshare') expect(report).toMatch(/connect: (ECONNREFUSED|ENETUNREACH)/);
        expect(snapshot(outside)).toEqual({});
        expect(keyLeaks(api.requests.map((request) => request.raw).join('\n'), TEST_KEY)).toEqual(
          [],
        );
        expect(keyLeaks(readFileSync(result.auditLog, 'utf8'), TEST_KEY)).toEqual([]);
      } finally {
        await api.close();
      }
    }, 120_000);
});
