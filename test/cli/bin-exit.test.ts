// cli/bin/specl.js exits as soon as nothing is left to run (at 'beforeExit'), skipping Node's
// teardown, unless a 'beforeExit' listener added after its own is waiting for its turn: that one
// must still run, and the command keep its status and output.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempProject } from '../helpers/run-cli.js';

const bin = join(repoRoot, 'cli/bin/specl.js');

/** Runs the bin as `specl ARGS` in `cwd`, with `after` run once the bin's file has run. */
function runBin(args: string[], cwd: string, after = '') {
  const program = `process.argv.splice(1, 0, 'specl'); require(${JSON.stringify(bin)}); ${after}`;
  return spawnSync(process.execPath, ['-e', program, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe("the specl command's exit", () => {
  const project = tempProject({
    'api.specl':
      'spec Api version "1.0.0" { security none }\n\ntype Item {\n  id: Uuid\n  owner: Owner\n}\n',
  });

  it("leaves a later 'beforeExit' listener its turn, with the command's status", () => {
    const later = `process.on('beforeExit', () => { if (!globalThis.told) { globalThis.told = true; process.stdout.write('later listener ran\\n'); } });`;
    const result = runBin(['check', 'api.specl'], project, later);
    expect(result.stdout).toContain('later listener ran');
    expect(result.stdout).toContain('Owner');
    expect(result.status).toBe(1);
  });

  it("ends a command that leaves nothing running with the command's status and output", () => {
    const result = runBin(['check', 'api.specl', '--format', 'json'], project);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { files: unknown[] };
    expect(report.files.length).toBe(1);
  });
});
