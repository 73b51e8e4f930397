// A reader that goes away before `specl` writes (`specl check a.specl | true`): the command
// finishes quietly with its own exit status, where Node's default is an unhandled EPIPE stack.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempProject } from '../helpers/run-cli.js';

const specl = join(repoRoot, 'cli/bin/specl.js');

/**
 * Runs `specl ARGS | true` in bash: `true` exits without reading, long before `specl` has
 * started and writes. Answers specl's own exit status (PIPESTATUS) and its stderr.
 */
function intoClosedPipe(args: string[], cwd: string): { status: string; stderr: string } {
  const command = `"${process.execPath}" "${specl}" ${args.join(' ')} | true; echo "$\{PIPESTATUS[0]}" >&3`;
  const result = spawnSync('bash', ['-c', command], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  const status = (result.output[3] as string | null) ?? '';
  return { status: status.trim(), stderr: result.stderr };
}

describe('specl writing into a closed pipe', () => {
  const project = tempProject({
    'ok.specl': 'spec A version "1.0.0"\ntype T { x: Int }\n',
    'bad.specl': 'spec A version "1.0.0"\ntype T { x: Nope }\n',
  });

  it('ends with the status of a clean check and says nothing', () => {
    const run = intoClosedPipe(['check', 'ok.specl'], project);
    expect(run).toEqual({ status: '0', stderr: '' });
  });

  it('keeps the status of a check that found errors (a gate still reads its verdict)', () => {
    const run = intoClosedPipe(['check', '--format', 'json', 'bad.specl'], project);
    expect(run).toEqual({ status: '1', stderr: '' });
  });

  it('ends --help with status 0', () => {
    const run = intoClosedPipe(['--help'], project);
    expect(run).toEqual({ status: '0', stderr: '' });
  });

  it('says once on stderr that stdout cannot be written, with status 2 (a full disk: /dev/full)', () => {
    const run = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${specl}" check ok.specl > /dev/full`],
      { cwd: project, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'specl: cannot write to stdout: ENOSPC: no space left on device, write\n',
    );
  });
});
