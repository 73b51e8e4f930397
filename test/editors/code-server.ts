import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The code-server release the test runs (VS Code 1.100.3; the last line that runs on Node 20). */
export const CODE_SERVER_VERSION = '4.100.3';

/** Where scripts/install-code-server.sh put code-server (.ci/run installs it there). */
export function codeServerHome(): string {
  return (
    process.env.SPECL_CODE_SERVER ??
    join(homedir(), '.cache', 'specl', `code-server-${CODE_SERVER_VERSION}`)
  );
}

function entry(): string {
  const path = join(codeServerHome(), 'node_modules/code-server/out/node/entry.js');
  if (!existsSync(path)) {
    throw new Error(
      `code-server is not installed in ${codeServerHome()}; run \`bash scripts/install-code-server.sh ${codeServerHome()}\``,
    );
  }
  return path;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A code-server with its own extensions and user data folders under `home`. */
export class CodeServer {
  private child?: ChildProcess;
  private output = '';

  constructor(private readonly home: string) {
    mkdirSync(join(home, 'data/User'), { recursive: true });
    mkdirSync(join(home, 'extensions'), { recursive: true });
    writeFileSync(
      join(home, 'data/User/settings.json'),
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.tips.enabled': false,
      }),
    );
  }

  private args(): string[] {
    return [
      entry(),
      '--extensions-dir',
      join(this.home, 'extensions'),
      '--user-data-dir',
      join(this.home, 'data'),
    ];
  }

  /** Installs a packaged extension, as `code --install-extension` does. */
  installExtension(vsix: string): void {
    const run = spawnSync(process.execPath, [...this.args(), '--install-extension', vsix], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.status !== 0 || !/successfully installed/i.test(run.stdout)) {
      throw new Error(
        `installing ${vsix} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`,
      );
    }
  }

  /** Starts the server on 127.0.0.1:port without authentication and waits until it answers. */
  async start(port: number): Promise<void> {
    const config = join(this.home, 'config.yaml');
    writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    this.child = spawn(
      process.execPath,
      [
        ...this.args(),
        '--config',
        config,
        '--disable-workspace-trust',
        '--disable-telemetry',
        '--disable-update-check',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`code-server did not start:\n${this.output}`);
  }

  /** What code-server printed (for failure messages). */
  get log(): string {
    return this.output;
  }

  /** Stops the server and everything it started (its extension hosts and language servers). */
  stop(): void {
    if (this.child?.pid && this.child.exitCode === null) {
      try {
        process.kill(-this.child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}
