// The CLI's entry runs its command as a promise, not a top-level await (the bundle runs it as a
// CommonJS script). A command that never settled would let Node exit 0 without a word, which a
// CI gate reads as a pass: failIfUnsettled turns that exit into status 13 with a message.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

const moduleUrl = JSON.stringify(join(repoRoot, 'cli/dist/unsettled-exit.js'));

/** Runs `failIfUnsettled(<run>)` in a node of its own and gives its status and stderr. */
function exitWith(run: string): { status: number | null; stderr: string } {
  const program = `import { failIfUnsettled } from ${moduleUrl};
failIfUnsettled(${run}, { write: (text) => process.stderr.write(text) });`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', program], {
    encoding: 'utf8',
  });
  return { status: child.status, stderr: child.stderr };
}

describe('a command that never settles', () => {
  it('fails with status 13 and says so', () => {
    const result = exitWith('new Promise(() => {})');
    expect(result.status).toBe(13);
    expect(result.stderr).toContain('the command stopped before it finished');
  });

  it('leaves a settled command its own status', () => {
    const result = exitWith('Promise.resolve().then(() => { process.exitCode = 1; })');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
  });

  it('leaves a rejected command to Node (an unhandled rejection, status 1)', () => {
    const result = exitWith('Promise.reject(new Error("boom"))');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('boom');
    expect(result.stderr).not.toContain('stopped before it finished');
  });
});
