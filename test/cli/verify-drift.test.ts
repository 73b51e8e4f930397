import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runSpecl, tempProject } from '../helpers/run-cli.js';

/** A git repository holding the vacation example (spec, compiled outputs, implementation). */
function exampleRepository(): string {
  const cwd = tempProject({});
  cpSync(join(repoRoot, 'examples/vacation'), join(cwd, 'vacation'), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'the example');
  const spec = join(cwd, 'vacation/vacation.specl');
  const text = readFileSync(spec, 'utf8').replace('version "1.2.0"', 'version "2.0.0"');
  writeFileSync(
    spec,
    text.replace('days: Int { min: 1, max: 30 }', 'days: Int { min: 1, max: 20 }'),
  );
  git('commit', '-q', '-am', 'fewer days at a time');
  return cwd;
}

describe('specl verify and compiled outputs of another spec version', () => {
  it('refuses an implementation built against an older spec, with the diff between the two', () => {
    const cwd = exampleRepository();
    const args = ['verify', 'vacation/vacation.specl', '--impl', 'vacation/impl/handlers.ts'];
    const run = runSpecl([...args, '--runs', '5'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'specl: the implementation was built against another version of the spec; nothing verified\n',
    );
    expect(run.stdout).toMatch(
      /^vacation\/generated\/types\.ts was compiled from spec Vacation 1\.2\.0 \(sha256:c1c78be9507f\), not from vacation\/vacation\.specl \(Vacation 2\.0\.0, sha256:[0-9a-f]{12}\)\n/,
    );
    expect(run.stdout).toContain(
      'recompile: specl compile vacation/vacation.specl --out vacation/generated, then update the implementation where the contract changed\n',
    );
    expect(run.stdout).toMatch(
      /what changed since [0-9a-f]{12}, the version they were compiled from:\n/,
    );
    expect(run.stdout).toContain(
      'vacation/vacation.specl:36:3: breaking constraint-narrowed: `NewRequest.days`: `max: 30` → `max: 20`\n',
    );

    const compile = runSpecl(
      ['compile', 'vacation/vacation.specl', '--out', 'vacation/generated'],
      cwd,
    );
    expect(compile.status).toBe(0);
    expect(runSpecl([...args, '--runs', '5'], cwd).status).toBe(0);
  });
});
