import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import { parse } from 'yaml';
import type { FakeMessagesApi } from '../agent/fake-messages-api.js';
import { finalText, startFakeMessagesApi, toolCalls } from '../agent/fake-messages-api.js';
import { LspSession } from '../lsp/helpers/lsp-session.js';
import { repoRoot } from '../helpers/run-cli.js';

// What a user does: the two packages packed as `npm publish` would ship them, installed into a
// project of their own outside this repository (`npm install` of the tarballs; their
// dependencies come from the registry, through npm's cache), then `specl init`, check,
// compile, `tsc --strict` against the installed runtime, the CI workflow example's steps, the
// language server and the agent's sandboxed verification, all from the installed `specl`.

const work = mkdtempSync(join(tmpdir(), 'specl-packed-'));
/** The user's project: a folder named `api`, as the CI workflow example's paths assume. */
const project = join(work, 'api');
const rootJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
/** npm without the network where its cache has the package, and without its chatter. */
const npmEnv = {
  ...process.env,
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

/** Runs a command in the project as a user's shell would; answers what it printed. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, {
      cwd: project,
      env: { ...npmEnv, NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs a command and expects it to succeed, showing its output when it does not. */
async function succeed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const result = await run(command, args, env);
  expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
  return result;
}

/** Packs a workspace package into the work folder; answers the tarball's path. */
function pack(dir: string): string {
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
    cwd: join(repoRoot, dir),
    encoding: 'utf8',
    env: npmEnv,
  });
  return join(work, out.trim().split('\n').pop()!);
}

const installed = (path: string) => join(project, 'node_modules', path);
const readJson = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & {
    dependencies: Record<string, string>;
    exports: object;
  };

beforeAll(async () => {
  const tarballs = [pack('cli'), pack('packages/runtime')];
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'api', private: true, type: 'module' }, null, 2)}\n`,
  );
  const tools = ['typescript', '@types/node'].map(
    (name) => `${name}@${rootJson.devDependencies[name]}`,
  );
  await succeed('npm', ['install', '--save-dev', '--save-exact', ...tarballs, ...tools]);
}, 300_000);

let api: FakeMessagesApi | undefined;
afterAll(async () => {
  await api?.close();
});

describe('specl and @specl/runtime, packed and installed in a project of their own', () => {
  it('are the only packages of ours installed, with publish-ready metadata, licence and readme', () => {
    expect(readdirSync(installed('@specl'))).toEqual(['runtime']);
    for (const name of ['specl', '@specl/runtime']) {
      const json = readJson(installed(`${name}/package.json`));
      expect(json).toMatchObject({ name, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
      expect(json).toMatchObject({ license: 'MIT', type: 'module', engines: { node: '>=20.19' } });
      expect(json['repository']).toMatchObject({
        type: 'git',
        url: expect.stringMatching(/^git\+https:/),
      });
      expect(json['keywords']).toContain('specl');
      expect(json['private']).toBeUndefined();
      // Every dependency pinned to one version; none of our packages but the runtime.
      for (const [dep, version] of Object.entries(json.dependencies)) {
        expect(version, dep).toMatch(/^\d+\.\d+\.\d+$/);
        if (dep.startsWith('@specl/')) expect(dep).toBe('@specl/runtime');
      }
      expect(readFileSync(installed(`${name}/LICENSE`), 'utf8')).toBe(
        readFileSync(join(repoRoot, 'LICENSE'), 'utf8'),
      );
      expect(readFileSync(installed(`${name}/README.md`), 'utf8')).toContain('npm install');
    }
    const specl = readJson(installed('specl/package.json'));
    expect(specl['bin']).toEqual({
      specl: './bin/specl.js',
      'specl-language-server': './bin/specl-language-server.js',
    });
    expect(existsSync(installed('specl/dist/bundle/sandbox-child.js'))).toBe(true);
    expect(Object.keys(readJson(installed('@specl/runtime/package.json')).exports)).toEqual([
      '.',
      './node',
      './express',
      './fastify',
      './koa',
      './otel',
    ]);
  });

  it('start a project with `specl init`, compile the vacation API, and type-check it with tsc --strict (the CI steps below check and verify it)', async () => {
    const init = await succeed('npx', ['specl', 'init']);
    expect(init.stdout).toContain('started Api in .');
    // The user writes the spec and the implementation: here, the vacation example's.
    const spec = readFileSync(join(repoRoot, 'examples/vacation/vacation.specl'), 'utf8');
    writeFileSync(join(project, 'specs/api.specl'), spec);
    const handlers = readFileSync(join(repoRoot, 'examples/vacation/impl/handlers.ts'), 'utf8');
    const moved = handlers.replace("from '../generated/types.js'", "from './generated/types.js'");
    expect(moved).not.toBe(handlers);
    writeFileSync(join(project, 'src/handlers.ts'), moved);
    await succeed('npx', ['specl', 'compile', 'specs/api.specl', '--out', 'src/generated']);
    expect(readFileSync(join(project, 'src/generated/types.ts'), 'utf8')).toContain(
      "from '@specl/runtime'",
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          target: 'es2022',
          noEmit: true,
          types: ['node'],
        },
        include: ['src'],
      }),
    );
    await succeed('npx', ['tsc', '-p', '.']);
  }, 240_000);

  it("pass the CI workflow example's steps there, as written", async () => {
    const workflow = parse(readFileSync(join(repoRoot, 'examples/ci/specl-ci.yml'), 'utf8')) as {
      env: Record<string, string>;
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    const runs = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(runs.map((command) => command.split(' ').slice(0, 3).join(' '))).toEqual([
      'npm ci',
      'npx specl check',
      'npx specl compile',
      'npx specl verify',
    ]);
    for (const command of runs) await succeed('bash', ['-e', '-c', command], workflow.env);
    expect(readFileSync(join(project, workflow.env['REPORT']!), 'utf8')).toMatch(
      /<testsuites name="specl verify Vacation" tests="\d+" failures="0"/,
    );
  }, 240_000);

  it('serve an editor from the installed language server', async () => {
    const bin = installed('specl/bin/specl-language-server.js');
    const session = await LspSession.start({}, [bin, '--stdio']);
    try {
      const uri = await session.open(
        'broken.specl',
        'spec S version "1.0.0"\ntype T { x: Nope }\n',
      );
      const diagnostics = await session.diagnosticsFor(uri);
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('specl/unknown-type');
    } finally {
      await session.close();
    }
  });

  it("run the agent's verification in its sandbox from the installed bundle", async () => {
    const handlers = readFileSync(join(project, 'src/handlers.ts'), 'utf8');
    const wrong = handlers.replace("status: 'pending'", "status: 'approved'");
    expect(wrong).not.toBe(handlers);
    writeFileSync(join(project, 'src/handlers.ts'), wrong);
    api = await startFakeMessagesApi([
      toolCalls([{ name: 'write_file', input: { path: 'handlers.ts', content: handlers } }]),
      finalText('Fixed: a new request is pending.'),
    ]);
    const repair = await succeed(
      'npx',
      [
        'specl',
        'repair',
        'specs/api.specl',
        '--impl',
        'src',
        '--runs',
        '10',
        '--yes',
        '--no-stream',
      ],
      { ANTHROPIC_API_KEY: 'sk-ant-test-packed', ANTHROPIC_BASE_URL: api.baseURL },
    );
    expect(repair.stdout).toContain('✓ verified: every check held (6 checks)');
    expect(readFileSync(join(project, 'src/handlers.ts'), 'utf8')).toBe(handlers);
  });

  it('the VS Code extension carries what verification needs: its .vsix, unpacked elsewhere, verifies', async () => {
    const folder = join(work, 'vscode-extension');
    const vsix = readdirSync(join(repoRoot, 'editors/vscode')).find((name) =>
      name.endsWith('.vsix'),
    );
    execFileSync('unzip', ['-q', join(repoRoot, 'editors/vscode', vsix!), '-d', folder]);
    const server = join(folder, 'extension/dist/server');
    expect(existsSync(join(server, 'sandbox-child.js'))).toBe(true);
    const session = await LspSession.start({}, [join(server, 'language-server.mjs'), '--stdio'], {
      capabilities: { workspace: { configuration: true } },
      settings: { 'specl.verify': { runs: 5 } },
    });
    try {
      cpSync(join(repoRoot, 'examples/vacation'), join(session.root, 'vacation'), {
        recursive: true,
      });
      const text = readFileSync(join(session.root, 'vacation/vacation.specl'), 'utf8');
      const uri = await session.open('vacation/vacation.specl', text);
      await session.diagnosticsFor(uri);
      const verified = await session.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'specl.verify',
        arguments: [uri],
      });
      expect(verified).toEqual({ status: 'verified' });
    } finally {
      await session.close();
    }
  }, 120_000);
});
